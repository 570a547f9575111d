package city.beacon.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlsTest {

    @ParameterizedTest(name = "from \"{0}\" to \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            uk/poslugy/pasport/  | uk/poslugy/zhytlo/       | ../zhytlo/
            uk/poslugy/pasport/  | uk/pidtrymka/liniia/     | ../../pidtrymka/liniia/
            uk/poslugy/pasport/  | en/services/passport/    | ../../../en/services/passport/
            uk/poslugy/pasport/  | uk/                      | ../../
            uk/poslugy/pasport/  | ''                       | ../../../
            uk/poslugy/pasport/  | assets/beacon.css        | ../../../assets/beacon.css
            uk/poslugy/pasport/  | uk/poslugy/pasport/      | ./
            uk/poslugy/          | uk/poslugy/pasport/      | pasport/
            uk/poslugy/          | uk/poslugy-extra/        | ../poslugy-extra/
            uk/                  | en/                      | ../en/
            ''                   | uk/                      | uk/
            ''                   | assets/beacon.css        | assets/beacon.css
            ''                   | ''                       | ./
            404.html             | uk/                      | uk/
            404.html             | assets/beacon.css        | assets/beacon.css
            uk/dovidka/pro/      | files/plan.pdf           | ../../../files/plan.pdf
            """)
    void linksAreRelativeToThePageTheyAreWrittenIn(String from, String to, String expected) {
        assertEquals(expected, Urls.relative(from, to));
    }

    @ParameterizedTest(name = "\"{0}\" is served by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                 | index.html
            uk/                | uk/index.html
            uk/poslugy/a/      | uk/poslugy/a/index.html
            404.html           | 404.html
            assets/beacon.css  | assets/beacon.css
            """)
    void anAddressEndingInSlashIsServedByItsIndexFile(String url, String file) {
        assertEquals(file, Urls.file(url));
    }
}
