package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageParserTest {

    private static List<String> findings(String relative, String text) {
        Problems problems = new Problems();
        boolean parsed = Fixtures.parse(relative, text, problems).isPresent();
        List<String> lines = Fixtures.lines(problems);
        assertEquals(lines.stream().noneMatch(l -> l.contains(": error: ")), parsed, "a page parses exactly when it has no errors");
        return lines;
    }

    @Test
    void serviceWithEveryFieldIsTyped() {
        Page page = Fixtures.page("uk/poslugy/vidnovlennia-pasporta.md", Fixtures.SERVICE_UK);
        assertEquals(PageKind.SERVICE, page.kind());
        assertEquals("uk/poslugy/vidnovlennia-pasporta/", page.url());
        assertEquals("Відновлення паспорта", page.title());
        assertEquals(List.of("документи"), page.tags());
        assertEquals(LocalDate.of(2026, 11, 2), page.reviewed());
        assertTrue(page.example());
        assertEquals("Текст сторінки.\n", page.body());
        assertEquals(23, page.bodyLine());
        assertEquals(new Details.Service("documents", List.of("Заява", "Фото 10x15"), List.of("Прийдіть до ЦНАП."),
                "Безкоштовно", "до 20 днів",
                List.of(new Place("ЦНАП (приклад)", "вул. Прикладна, 1", "Пн–Пт 9:00–18:00", "+380 44 000 00 01", true)),
                null), page.details());
    }

    @Test
    void supportWithPhonesIsTyped() {
        Page page = Fixtures.page("en/support/hotline.md", """
                ---
                title: Mental-health hotline
                summary: Talk to a psychologist.
                type: hotline
                phones:
                  - {number: "+380 44 000 00 90", label: Hotline, hours: 24/7, free: true, example: true}
                languages: [uk, en]
                audience: Adults
                online: https://example.org/chat
                reviewed: 2026-10-01
                ---
                """);
        assertEquals(new Details.Support("hotline", List.of(new Phone("+380 44 000 00 90", "Hotline", "24/7", true, true)),
                List.of("uk", "en"), "Adults", "https://example.org/chat", List.of()), page.details());
    }

    @Test
    void alertStartsAndExpiresInTheSiteTimeZone() {
        Page page = Fixtures.page("en/alerts/water.md", """
                ---
                title: Water shutdown
                summary: No water on the left bank.
                severity: critical
                starts: 2027-06-01
                expires: 2027-06-02T06:00:00+03:00
                ---
                """);
        // 1 June 2027 00:00 in Kyiv (summer time, UTC+3).
        assertEquals(new Details.Alert("critical", Instant.parse("2027-05-31T21:00:00Z"), Instant.parse("2027-06-02T03:00:00Z")),
                page.details());
    }

    @Test
    void freePageNeedsOnlyATitle() {
        Page page = Fixtures.page("en/info/about.md", "---\ntitle: About\n---\nWho we are.\n");
        assertEquals("", page.summary());
        assertEquals(new Details.None(), page.details());
    }

    @Test
    void misspeltFieldIsAnErrorWithDidYouMeanAtItsLineAndColumn() {
        assertEquals(List.of("content/en/info/about.md:3:1: error: unknown field 'sumary'; did you mean 'summary'?"),
                findings("en/info/about.md", "---\ntitle: About\nsumary: Who we are\n---\n"));
    }

    @Test
    void misspeltNestedFieldNamesItsItem() {
        assertEquals(List.of("content/en/support/a.md:6:35: error: unknown field 'phones[1].lable'; did you mean 'label'?"),
                findings("en/support/a.md", """
                        ---
                        title: A
                        summary: B
                        type: counselling
                        phones:
                          - {number: "+380 44 000 00 90", lable: Hotline}
                        languages: [uk]
                        audience: Adults
                        reviewed: 2026-10-01
                        ---
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            title: [A, B]                | content/en/info/a.md:2:1: error: field 'title': expected text, got a list
            tags: housing                | content/en/info/a.md:3:1: error: field 'tags': expected a list (lines starting with '- '), got "housing"
            draft: maybe                 | content/en/info/a.md:3:1: error: field 'draft': expected true or false, got "maybe"
            weight: ten                  | content/en/info/a.md:3:1: error: field 'weight': expected a whole number like 10, got "ten"
            weight: -1                   | content/en/info/a.md:3:1: error: field 'weight': expected a whole number like 10, got -1
            updated: 25.11.2026          | content/en/info/a.md:3:1: error: field 'updated': expected a date like 2026-11-25, got "25.11.2026"; write it as 2026-11-25
            updated: 06.12.2026          | content/en/info/a.md:3:1: error: field 'updated': expected a date like 2026-11-25, got "06.12.2026"; write it as 2026-12-06
            updated: 6.12.2026           | content/en/info/a.md:3:1: error: field 'updated': expected a date like 2026-11-25, got "6.12.2026"; write it as 2026-12-06
            updated: 06/12/2026          | content/en/info/a.md:3:1: error: field 'updated': expected a date like 2026-11-25, got "06/12/2026"; write it as 2026-12-06
            updated: 31.02.2026          | content/en/info/a.md:3:1: error: field 'updated': expected a date like 2026-11-25, got "31.02.2026"
            example: {a: 1}              | content/en/info/a.md:3:1: error: field 'example': expected true or false, got a group of fields
            slug: ../x                   | content/en/info/a.md:3:1: error: field 'slug': expected lower-case Latin letters, digits and '-' (no '/', '..' or drive letters), got "../x"; write a single name such as "x"
            slug: Pro Nas                | content/en/info/a.md:3:1: error: field 'slug': expected lower-case Latin letters, digits and '-' (no '/', '..' or drive letters), got "Pro Nas"; write a single name such as "pro-nas"
            translation: ../uk/a.md      | content/en/info/a.md:3:1: error: field 'translation': expected the other language's file, relative to content/, like "uk/poslugy/pasport.md", got "../uk/a.md"
            """)
    void wrongTypeOfAFieldSaysWhatWasExpectedAndWhatWasWritten(String line, String expected) {
        String yaml = line.startsWith("title:") ? line + "\n" : "title: A\n" + line + "\n";
        assertEquals(List.of(expected), findings("en/info/a.md", "---\n" + yaml + "---\n"));
    }

    @Test
    void missingRequiredFieldsOfAServiceAreEachReported() {
        assertEquals(List.of(
                        "content/en/services/a.md:2:1: error: field 'category': is required but missing; add a line 'category: ...'",
                        "content/en/services/a.md:2:1: error: field 'cost': is required but missing; add a line 'cost: ...'",
                        "content/en/services/a.md:2:1: error: field 'documents': is required but missing; add a line 'documents: ...'",
                        "content/en/services/a.md:2:1: error: field 'processing_time': is required but missing; add a line 'processing_time: ...'",
                        "content/en/services/a.md:2:1: error: field 'reviewed': is required but missing; add a line 'reviewed: ...'",
                        "content/en/services/a.md:2:1: error: field 'summary': is required but missing; add a line 'summary: ...'",
                        "content/en/services/a.md:2:1: error: field 'updated': is required but missing; add a line 'updated: ...'"),
                findings("en/services/a.md", "---\ntitle: A\n---\n"));
    }

    @Test
    void misspeltRequiredFieldIsOneFindingThatNamesTheRightName() {
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field 'sumary'; did you mean 'summary'?"),
                findings("en/info/a.md", "---\ntitle: A\nsumary: B\n---\n"));
        assertEquals(List.of("content/en/services/a.md:3:1: error: unknown field 'sumary'; did you mean 'summary'?"),
                findings("en/services/a.md", Fixtures.SERVICE_EN.replace("summary:", "sumary:")));
    }

    @Test
    void alertDateWrittenTheLocalWayIsShownInTheRightForm() {
        List<String> lines = findings("en/alerts/a.md", "---\ntitle: A\nsummary: B\nseverity: info\nstarts: 01.12.2026\nexpires: 2026-12-06\n---\n");
        assertEquals(List.of("content/en/alerts/a.md:5:1: error: field 'starts': expected a date like 2026-11-25 or a time like "
                + "2026-11-25T08:00:00+02:00, got \"01.12.2026\"; write it as 2026-12-01"), lines);
    }

    @Test
    void unknownCategorySuggestsTheClosest() {
        String text = Fixtures.SERVICE_EN.replace("category: documents", "category: housng");
        assertEquals(List.of("content/en/services/a.md:4:1: error: field 'category': unknown category \"housng\"; did you mean 'housing'?"),
                findings("en/services/a.md", text));
    }

    @Test
    void unknownSupportTypeSuggestsTheClosest() {
        String text = "---\ntitle: A\nsummary: B\ntype: hotlin\nlanguages: [uk]\naudience: All\nreviewed: 2026-01-01\n---\n";
        assertEquals(List.of("content/en/support/a.md:4:1: error: field 'type': expected one of hotline, counselling, group, self-help, "
                + "got \"hotlin\"; did you mean 'hotline'?"), findings("en/support/a.md", text));
    }

    @Test
    void aHotlineNeedsPhones() {
        String text = "---\ntitle: A\nsummary: B\ntype: hotline\nlanguages: [uk]\naudience: All\nreviewed: 2026-01-01\n---\n";
        assertEquals(List.of("content/en/support/a.md:2:1: error: field 'phones': is required but missing; add a line 'phones: ...'"),
                findings("en/support/a.md", text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            044 123 45 67
            +380 44 12
            call us
            """)
    void aPhoneNumberMustBeDialable(String number) {
        String text = Fixtures.SERVICE_EN.replace("reviewed:", "places:\n  - {name: Office, address: Main St 1, phone: \"" + number
                + "\"}\nreviewed:");
        assertEquals(List.of("content/en/services/a.md:11:40: error: field 'places[1].phone': expected a short code (3 or 4 digits, "
                + "such as 112) or a full international number, got \"" + number + "\"; write it as +380 44 123 45 67"),
                findings("en/services/a.md", text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            112
            1545
            +380 44 123 45 67
            +380 (44) 123-45-67
            """)
    void shortCodesAndInternationalNumbersAreDialable(String number) {
        String text = Fixtures.SERVICE_EN.replace("reviewed:", "places:\n  - {name: Office, address: Main St 1, phone: \"" + number
                + "\"}\nreviewed:");
        assertEquals(List.of(), findings("en/services/a.md", text));
    }

    @Test
    void alertThatExpiresBeforeItStartsIsReported() {
        String text = "---\ntitle: A\nsummary: B\nseverity: info\nstarts: 2026-02-01\nexpires: 2026-01-01\n---\n";
        List<String> lines = findings("en/alerts/a.md", text);
        assertEquals(1, lines.size());
        assertEquals("content/en/alerts/a.md:6:1: error: field 'expires': the alert expires (2026-01-01) before it starts "
                + "(2026-02-01); check the dates: 'expires' must come after 'starts'", lines.get(0));
    }

    @Test
    void textWithACommaInsideBracesSuggestsQuotes() {
        String text = "---\ntitle: A\nsummary: B\ntype: hotline\nphones:\n  - {number: \"112\", label: Call, now}\n"
                + "languages: [uk]\naudience: All\nreviewed: 2026-01-01\n---\n";
        assertEquals(List.of("content/en/support/a.md:6:34: error: unknown field 'phones[1].now'; if the text contains ': ' "
                + "or (inside { }) a comma, put it in double quotes"), findings("en/support/a.md", text));
    }

    @Test
    void cyrillicFileNameGivesATransliteratedAddress() {
        Page page = Fixtures.page("uk/dovidka/гуманітарна-допомога.md", "---\ntitle: Допомога\n---\n");
        assertEquals("uk/dovidka/humanitarna-dopomoha/", page.url());
    }

    @Test
    void slugOverridesTheFileName() {
        Page page = Fixtures.page("en/info/a.md", "---\ntitle: A\nslug: about-us\n---\n");
        assertEquals("en/info/about-us/", page.url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "date: 2024-01-02       | write it as 'updated: 2024-01-02' (the date the text last changed); Beacon has no separate publication date",
            "lastmod: 2024-01-02    | write it as 'updated: 2024-01-02'",
            "description: Про нас   | write it as 'summary: ...' (the line under the title in lists and search)",
            "categories: [a]        | write them as 'tags: [...]' (a service page also has 'category:', one of site.yaml's categories)",
            "aliases: [/old/]       | not needed: remove the line (Beacon keeps no old addresses in pages; a redirect on the web server can)",
            "layout: post           | not needed: remove the line (a page's kind and template come from its section in site.yaml)",
            "permalink: /about/     | not needed: remove the line (the address is made from the language, section folder and file name; "
                    + "to change its last part write 'slug: ...')",
    })
    void aHugoOrJekyllFieldIsToldTheBeaconFieldToUse(String line, String hint) {
        String field = line.substring(0, line.indexOf(':'));
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field '" + field + "' (from Hugo or Jekyll); " + hint),
                findings("en/info/a.md", "---\ntitle: A\n" + line + "\n---\nText\n"));
    }

    @Test
    void hugoFieldsBeaconSharesAreReadAsTheyAre() {
        Page page = Fixtures.page("en/info/a.md", "---\ntitle: A\ntags: [news]\nslug: about-us\nweight: 3\ndraft: true\n---\n");
        assertEquals(List.of("news"), page.tags());
        assertEquals("en/info/about-us/", page.url());
        assertEquals(3, page.weight());
        assertTrue(page.draft());
    }

    @Test
    void anEmptyUnknownFieldIsToldItIsEmptyNotToQuoteText() {
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field 'foo', and it is empty (nothing after 'foo:'); "
                        + "remove the line"),
                findings("en/info/a.md", "---\ntitle: A\nfoo:\n---\nText\n"));
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field 'sumary', and it is empty (nothing after 'sumary:'); "
                        + "remove the line, or did you mean 'summary'?"),
                findings("en/info/a.md", "---\ntitle: A\nsumary:   # later\n---\nText\n"));
    }

    /** Hugo's archetypes write empty quoted values ("series: \"\"", "tags: \"\""): seen on a real Hugo site of 177 pages, 160 of each. */
    @Test
    void anUnknownFieldWrittenAsEmptyQuotesIsToldItIsEmpty() {
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field 'series', and it is empty (only \"\" after 'series:'); "
                        + "remove the line"),
                findings("en/info/a.md", "---\ntitle: A\nseries: \"\"\n---\nText\n"));
        assertEquals(List.of("content/en/info/a.md:3:1: error: unknown field 'series_order', and it is empty (only '' after 'series_order:'); "
                        + "remove the line"),
                findings("en/info/a.md", "---\ntitle: A\nseries_order: ''\n---\nText\n"));
    }

    @Test
    void anEmptyTextWhereAListIsExpectedIsNoItemsWithAWarning() {
        Page page = Fixtures.parse("en/info/a.md", "---\ntitle: A\ntags: \"\"\n---\nText\n", new Problems()).orElseThrow();
        assertEquals(List.of(), page.tags());
        assertEquals(List.of("content/en/info/a.md:3:1: warning: field 'tags': an empty text where a list is expected, read as no items; "
                        + "write 'tags: []', or remove the line"),
                findings("en/info/a.md", "---\ntitle: A\ntags: \"\"\n---\nText\n"));
    }

    @Test
    void aPercentEncodedSlugIsSuggestedDecoded() {
        assertEquals(List.of("content/en/info/a.md:3:1: error: field 'slug': expected lower-case Latin letters, digits and '-' "
                        + "(no '/', '..' or drive letters), got \"%D0%BA%D1%80%D0%BE%D0%BA-1\"; it is percent-encoded "
                        + "(\"крок-1\"): write a single name such as \"krok-1\""),
                findings("en/info/a.md", "---\ntitle: A\nslug: \"%D0%BA%D1%80%D0%BE%D0%BA-1\"\n---\nText\n"));
    }
}
