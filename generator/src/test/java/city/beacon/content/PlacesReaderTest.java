package city.beacon.content;

import city.beacon.config.SiteConfigLoader;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.LocalPlace;
import city.beacon.model.PlaceRecord;
import city.beacon.model.PlaceStatus;
import city.beacon.model.Places;
import city.beacon.model.SiteConfig;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data/places.csv, data/places/*.yaml and data/places-status.csv: what is read, and every finding by its text. */
class PlacesReaderTest {
    static final String SITE_YAML = """
            title: {uk: Київ, en: Kyiv}
            languages:
              - {code: uk, name: Українська}
              - {code: en, name: English}
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
            places:
              types:
                - {id: heating, title: {uk: Пункти обігріву, en: Heating points}, page: uk/poslugy/tepla.md}
                - {id: shelter, title: {uk: Укриття, en: Shelters}}
              districts:
                - {id: podilskyi, name: {uk: Подільський, en: Podilskyi}}
                - {id: pecherskyi, name: {uk: Печерський, en: Pecherskyi}}
              services:
                - {id: charging, label: {uk: Зарядка, en: Charging}}
                - {id: water, label: {uk: Вода, en: Water}}
              bbox: [30.24, 50.21, 30.83, 50.59]
              review_days: 30
            """;
    static final String HEADER = "id,type,district,lat,lon,phone,services,accessible,verified,example,name_uk,name_en,address_uk,address_en,hours_uk,hours_en\n";
    static final String CSV = "content/data/places.csv";

    static SiteConfig config() {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow(() -> new AssertionError(problems.sorted()));
        assertEquals(List.of(), problems.sorted());
        return config;
    }

    private record Read(Places places, List<String> findings) {
    }

    private static Read read(String csv) {
        return read(csv, null);
    }

    private static Read read(String csv, String status) {
        Problems problems = new Problems();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source(CSV, csv)),
                status == null ? null : new PlacesReader.Source("content/data/places-status.csv", status), config(), problems);
        return new Read(places, problems.sorted().stream().map(Problem::format).toList());
    }

    private static final String GOOD_ROW = "podil-1,heating,podilskyi,50.4649,30.5150,+380 44 000 0001,charging;water,yes,2026-12-01,true,"
            + "Школа №1,School 1,\"вул. Сагайдачного, 1\",\"1 Sahaidachnoho St, Kyiv\",цілодобово,24/7\n";

    @Test
    void aGoodRowIsReadWithEveryField() {
        Read read = read(HEADER + GOOD_ROW);
        assertEquals(List.of(), read.findings());
        PlaceRecord place = read.places().records().get(0);
        assertEquals("podil-1", place.id());
        assertEquals(50.4649, place.lat());
        assertEquals(30.5150, place.lon());
        assertEquals(List.of("charging", "water"), place.services());
        assertEquals(Boolean.TRUE, place.accessible());
        assertEquals(LocalDate.of(2026, 12, 1), place.verified());
        assertTrue(place.example());
        assertEquals("вул. Сагайдачного, 1", place.address().get("uk"));
        assertEquals("content/data/places.csv:2:79", place.at().toString(), "where its verified cell is");
    }

    @Test
    void columnsMayComeInAnyOrderWithABomAndCrlf() {
        String csv = "\uFEFFname_en,name_uk,address_uk,address_en,lon,lat,district,type,verified,id\r\n"
                + "School 1,Школа 1,Адреса,Address,30.515,50.4649,podilskyi,heating,2026-12-01,podil-1\r\n";
        Read read = read(csv);
        assertEquals(List.of(), read.findings());
        assertEquals(50.4649, read.places().records().get(0).lat());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type              | podil-1,heatng,podilskyi,50.46,30.51,,,,,,А,A,Б,B,,                | content/data/places.csv:2:9: error: field 'type': no place type has the id 'heatng' (places: in site.yaml); did you mean 'heating'?
            unknown district          | podil-1,heating,podilski,50.46,30.51,,,,,,А,A,Б,B,,                | content/data/places.csv:2:17: error: field 'district': no district has the id 'podilski' (places: in site.yaml); did you mean 'podilskyi'?
            unknown service           | podil-1,heating,podilskyi,50.46,30.51,,charging;watr,,,,А,A,Б,B,, | content/data/places.csv:2:40: error: field 'services': no service has the id 'watr' (places: in site.yaml); did you mean 'water'?
            swapped lat and lon       | podil-1,heating,podilskyi,30.51,50.46,,,,,,А,A,Б,B,,                | content/data/places.csv:2:27: error: field 'lat': lat 30.51, lon 50.46 is outside the city's bbox [30.24, 50.21, 30.83, 50.59]; swapped? lat 50.46, lon 30.51 is inside; write lat 50.46 and lon 30.51
            outside the box           | podil-1,heating,podilskyi,49.84,24.03,,,,,,А,A,Б,B,,                | content/data/places.csv:2:27: error: field 'lat': lat 49.84, lon 24.03 is outside the city's bbox [30.24, 50.21, 30.83, 50.59] (places: bbox in site.yaml); check the coordinates: lat is the north-south one
            decimal comma             | podil-1,heating,podilskyi,"50,46",30.51,,,,,,А,A,Б,B,,              | content/data/places.csv:2:27: error: field 'lat': expected a number with a decimal point, got "50,46"; write 50.46
            NaN                       | podil-1,heating,podilskyi,NaN,30.51,,,,,,А,A,Б,B,,                  | content/data/places.csv:2:27: error: field 'lat': expected a number of degrees between -90 and 90, got "NaN"; write it as decimal degrees, like 50.4501
            1e999                     | podil-1,heating,podilskyi,50.46,1e999,,,,,,А,A,Б,B,,                | content/data/places.csv:2:33: error: field 'lon': expected a number of degrees between -180 and 180, got "1e999"; write it as decimal degrees, like 30.5234
            bad phone                 | podil-1,heating,podilskyi,50.46,30.51,044 123,,,,,А,A,Б,B,,          | content/data/places.csv:2:39: error: field 'phone': expected a short code (3 or 4 digits, such as 112) or a full international number, got "044 123"; write it as +380 44 123 45 67
            day-first date            | podil-1,heating,podilskyi,50.46,30.51,,,,01.12.2026,,А,A,Б,B,,       | content/data/places.csv:2:42: error: field 'verified': expected a date like 2026-11-25, got "01.12.2026"; write it as 2026-12-01
            impossible date           | podil-1,heating,podilskyi,50.46,30.51,,,,2026-02-31,,А,A,Б,B,,       | content/data/places.csv:2:42: error: field 'verified': expected a date like 2026-11-25, got "2026-02-31"; write a date like 2026-11-25
            accessible not yes or no  | podil-1,heating,podilskyi,50.46,30.51,,,maybe,,,А,A,Б,B,,            | content/data/places.csv:2:41: error: field 'accessible': expected yes, no or nothing, got "maybe"; write yes when a wheelchair user can enter, no when not, nothing when not known
            id with capitals          | Podil 1,heating,podilskyi,50.46,30.51,,,,,,А,A,Б,B,,                | content/data/places.csv:2:1: error: field 'id': the id "Podil 1" may hold only lower-case Latin letters, digits and '-' (at most 100; it is part of the place's address); write "podil-1"
            no name in the first lang | podil-1,heating,podilskyi,50.46,30.51,,,,,,,A,Б,B,,                  | content/data/places.csv:2:44: error: field 'name_uk': must not be empty: the name in uk, the site's first language; write the place's name
            too many cells            | podil-1,heating,podilskyi,50.46,30.51,,,,,,А,A,вул. Сагайдачного, 1,B,, | content/data/places.csv:2:72: error: this row has 17 cells; the header row names 16 columns; a text with a comma needs quotes: "вул. Хрещатик, 1"; or delete the extra cells
            too few cells             | podil-1,heating,podilskyi                                          | content/data/places.csv:2:17: error: this row has 3 cells; the header row names 16 columns; add the missing cells, empty ones as ',,'
            a NUL byte                | podil-1,heating,podilskyi,50.46,30.51,,,,,,А\u0000,A,Б,B,,           | content/data/places.csv:2:44: error: field 'name_uk': contains the control character U+0000, which cannot be shown and breaks the feeds; delete it (retype the text if it was pasted)
            """)
    void aMistakeInARowIsReportedAtItsCellWithTheColumnName(String name, String row, String finding) {
        Read read = read(HEADER.replace(",hours_uk,hours_en", ",hours_uk,hours_en") + row.replace("\\u0000", "\u0000") + "\n");
        assertEquals(List.of(finding), read.findings());
        assertEquals(List.of(), read.places().records(), "a row with an error is left out");
    }

    @Test
    void aNameMissingInAnotherLanguageIsAWarningAndTheFirstLanguagesNameIsShown() {
        Read read = read(HEADER + "podil-1,heating,podilskyi,50.46,30.51,,,,2026-12-01,,Школа 1,,Адреса,,,\n");
        assertEquals(List.of(
                "content/data/places.csv:2:62: warning: field 'name_en': no name in en: pages in en show the uk one; write the place's name in en",
                "content/data/places.csv:2:70: warning: field 'address_en': no address in en: pages in en show the uk one; write the place's address in en"),
                read.findings());
        LocalPlace shown = read.places().in("en", List.of("uk", "en"), config().places()).get(0);
        assertEquals(new LocalPlace.Text("Школа 1", "uk"), shown.name());
        assertEquals(LocalPlace.Text.NONE, shown.hours());
        assertEquals("Heating points", shown.type().text());
        assertEquals("Podilskyi", shown.district().text());
    }

    @Test
    void aPlaceNeverVerifiedIsAWarningWhenSiteYamlSetsReviewDays() {
        Read read = read(HEADER + "podil-1,heating,podilskyi,50.46,30.51,,,,,,Школа 1,School 1,Адреса,Address,,\n");
        assertEquals(List.of("content/data/places.csv:2:42: warning: field 'verified': the place was never verified: residents cannot tell "
                + "whether it is still there; write the day someone last checked it, like 2026-12-01"), read.findings());
        assertNull(read.places().records().get(0).verified());
    }

    @Test
    void duplicateIdsNameBothRows() {
        Read read = read(HEADER + GOOD_ROW + GOOD_ROW);
        assertEquals(List.of("content/data/places.csv:3:1: error: field 'id': the id 'podil-1' is also the id of the place at "
                + "content/data/places.csv:2:1; give each place its own id"), read.findings());
    }

    @Test
    void theHeaderNamesUnknownAndMissingColumns() {
        Read read = read("id,type,district,lat,lon,name_uk,name_en,adress_uk,address_en\n");
        assertEquals(List.of(
                "content/data/places.csv:1:1: error: field 'address_uk': the header row (the first row) has no column 'address_uk'; add the column: every place needs it",
                "content/data/places.csv:1:42: error: field 'adress_uk': not a column of this file; did you mean 'address_uk'?"),
                read.findings());
    }

    @Test
    void aQuoteNeverClosedIsReportedWhereItOpens() {
        Read read = read(HEADER + GOOD_ROW + "podil-2,heating,podilskyi,50.46,30.51,,,,,,\"Школа 2,School 2\n");
        assertEquals(List.of("content/data/places.csv:3:44: error: a quote opened here is never closed; end the cell with \", and write a quote inside a quoted cell as \"\""),
                read.findings());
        assertEquals(1, read.places().records().size());
    }

    @Test
    void hostileInputGivesFindingsNeverAnException() {
        String wide = "c,".repeat(10_000) + "c\n";
        assertEquals(1, read(HEADER + wide).findings().size());
        String huge = "x".repeat(5 * 1024 * 1024);
        List<String> findings = read(HEADER + "podil-1," + huge + ",podilskyi,50.46,30.51,,,,,,А,A,Б,B,,\n").findings();
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).length() < 400, findings.get(0));
        assertTrue(read(huge).findings().get(0).length() < 400);
        assertEquals(1, read(HEADER + "\"").findings().size());
        assertEquals(List.of(), read("").places().records());
    }

    @Test
    void statusesApplyToTheirPlacesAndAreCheckedAgainstThem() {
        String status = "id,status,note_uk,note_en,since\n"
                + "podil-1,closed,Ремонт,Under repair,2026-12-02\n"
                + "podil-9,full,,,\n"
                + "podil-1,open,,,\n"
                + ",shut,,,\n";
        Read read = read(HEADER + GOOD_ROW, status);
        assertEquals(List.of(
                "content/data/places-status.csv:3:1: error: field 'id': no place has the id 'podil-9'; did you mean 'podil-1'?",
                "content/data/places-status.csv:4:1: error: field 'id': place 'podil-1' has a status already, at content/data/places-status.csv:2; keep one row per place: its status now",
                "content/data/places-status.csv:5:1: error: field 'id': must not be empty; write the id of a place of places.csv",
                "content/data/places-status.csv:5:2: error: field 'status': expected one of open, closed, full, moved, got \"shut\"; expected one of: closed, full, moved, open"),
                read.findings());
        LocalPlace shown = read.places().in("en", List.of("uk", "en"), config().places()).get(0);
        assertEquals(PlaceStatus.Kind.CLOSED, shown.status());
        assertEquals(new LocalPlace.Text("Under repair", "en"), shown.statusNote());
        assertEquals(LocalDate.of(2026, 12, 2), shown.since());
    }

    @Test
    void yamlFilesHoldTheSameFieldsAndAreCheckedAlike() {
        String yaml = """
                - id: pechersk-1
                  type: shelter
                  district: pecherskyi
                  lat: 50.4271
                  lon: 30.5385
                  services: [water, charging]
                  accessible: no
                  name_uk: Метро Арсенальна
                  name_en: Arsenalna metro
                  address_uk: вул. Івана Мазепи, 1
                  address_en: 1 Ivana Mazepy St
                - id: pechersk-2
                  type: shelter
                  district: pechersk
                  lat: NaN
                  lon: 30.5
                  name_uk: Б
                  adress_uk: В
                """;
        Problems problems = new Problems();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source("content/data/places/shelters.yaml", yaml)), null, config(), problems);
        assertEquals(List.of(
                "content/data/places/shelters.yaml:1: warning: field 'verified': the place was never verified: residents cannot tell whether it is still there; write the day someone last checked it, like 2026-12-01",
                "content/data/places/shelters.yaml:12: error: field 'address_uk': must not be empty: the address in uk, the site's first language; write the place's address",
                "content/data/places/shelters.yaml:12: warning: field 'name_en': no name in en: pages in en show the uk one; write the place's name in en",
                "content/data/places/shelters.yaml:14:3: error: field 'district': no district has the id 'pechersk' (places: in site.yaml); did you mean 'pecherskyi'?",
                "content/data/places/shelters.yaml:15:3: error: field 'lat': expected a number of degrees between -90 and 90, got \"NaN\"; write it as decimal degrees, like 50.4501",
                "content/data/places/shelters.yaml:18:3: error: field 'adress_uk': not a field of a place; did you mean 'address_uk'?"),
                problems.sorted().stream().map(Problem::format).toList());
        assertEquals(List.of("water", "charging"), places.records().get(0).services());
        assertEquals(Boolean.FALSE, places.records().get(0).accessible(), "YAML's unquoted no");
        assertEquals(1, places.records().size(), "the place with errors is left out");
    }

    @Test
    void placesWithoutAPlacesGroupInSiteYamlAreOneFinding() {
        Problems problems = new Problems();
        SiteConfig bare = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML.substring(0, SITE_YAML.indexOf("places:")),
                "content/site.yaml", 1, problems), "content/site.yaml", problems).orElseThrow();
        PlacesReader.read(List.of(new PlacesReader.Source(CSV, HEADER + GOOD_ROW)), null, bare, problems);
        assertEquals(List.of("content/data/places.csv: error: there are places, but site.yaml has no 'places:' group; declare the place types, "
                + "districts and the city's bbox under 'places:' in site.yaml (see docs/content-reference.md)"),
                problems.sorted().stream().map(Problem::format).toList());
    }
}
