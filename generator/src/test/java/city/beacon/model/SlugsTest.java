package city.beacon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    /** The examples of the official table (Cabinet of Ministers resolution No. 55, 27 January 2010). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Алушта        | alushta
            Згорани       | zghorany
            Розгон        | rozghon
            Юрій          | yurii
            Київ          | kyiv
            Їжакевич      | yizhakevych
            Кадиївка      | kadyivka
            Олексій       | oleksii
            Йосипівка     | yosypivka
            Стрий         | stryi
            Щербухи       | shcherbukhy
            Гоща          | hoshcha
            Феодосія      | feodosiia
            Яготин        | yahotyn
            Ічня          | ichnia
            Єнакієве      | yenakiieve
            Гаєвич        | haievych
            Короп'є       | koropie
            Знам'янка     | znamianka
            Знам’янка     | znamianka
            Знамʼянка     | znamianka
            Ґалаґан       | galagan
            Львів         | lviv
            Хуст          | khust
            Жашків        | zhashkiv
            Чернівці      | chernivtsi
            """)
    void transliteratesByTheOfficialTable(String ukrainian, String latin) {
        assertEquals(latin, Slugs.transliterate(ukrainian));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            гуманітарна-допомога           | humanitarna-dopomoha
            Компенсація за житло           | kompensatsiia-za-zhytlo
            Kyiv Київ 2026                 | kyiv-kyiv-2026
            Щоденник Юрія                  | shchodennyk-yuriia
            '  --Help, now!--  '           | help-now
            Café                           | cafe
            Служба 101/102                 | sluzhba-101-102
            Пункти Незламності (оновлено)  | punkty-nezlamnosti-onovleno
            """)
    void slugifyMakesLowerCaseLatinWordsJoinedBySingleHyphens(String text, String slug) {
        assertEquals(slug, Slugs.slugify(text));
    }

    @Test
    void slugifyOfNothingUsableIsEmpty() {
        assertEquals("", Slugs.slugify(""));
        assertEquals("", Slugs.slugify("!!! ???"));
        assertEquals("", Slugs.slugify("ь"));
    }

    @Test
    void eachWordStartsAgainAfterASpaceOrHyphen() {
        // Я at a word start is "ya", inside a word "ia"; a hyphen starts a new word.
        assertEquals("ya-ya iia", Slugs.transliterate("я-я ія"));
    }

    @Test
    void validSlugsAreLowerCaseLatinDigitsAndSingleInnerHyphens() {
        assertTrue(Slugs.isValidSlug("kompensatsiia-za-zhytlo"));
        assertTrue(Slugs.isValidSlug("form-2"));
        assertFalse(Slugs.isValidSlug("../x"));
        assertFalse(Slugs.isValidSlug("a/b"));
        assertFalse(Slugs.isValidSlug("Passport"));
        assertFalse(Slugs.isValidSlug("-lead"));
        assertFalse(Slugs.isValidSlug("double--hyphen"));
        assertFalse(Slugs.isValidSlug("паспорт"));
        assertFalse(Slugs.isValidSlug(""));
    }
}
