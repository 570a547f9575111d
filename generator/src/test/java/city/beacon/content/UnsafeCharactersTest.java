package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.check.CheckRun;
import city.beacon.findings.Problems;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, items 7 and 8: control characters, non-characters, broken surrogates and bidirectional
 * controls in any text of front matter, data files or site.yaml are errors with file, line and field:
 * they break the XML feeds, or show a phone number or a title in another order than it is read.
 */
class UnsafeCharactersTest {
    @TempDir
    Path dir;

    private static final String PAGE = "content/uk/dovidka/storinka.md";
    private static final String CONTROL = "which cannot be shown and breaks the feeds; delete it (retype the text if it was pasted)";
    private static final String BIDI = "which can make the text show in another order than it is read "
            + "(a phone number backwards); delete it: Ukrainian and English text never needs it";

    private List<String> checkPage(String frontMatter) {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/storinka.md", "---\n" + frontMatter + "example: true\n---\nТекст\n");
        return CheckRun.findingsAbout(dir, content, PAGE).stream().filter(f -> f.contains(": error: ")).toList();
    }

    /** {@code escape} is written in the file as a YAML escape inside double quotes, as an editor (or a paste) can. */
    @ParameterizedTest(name = "\"{0}\" in a title")
    @CsvSource(delimiter = '|', value = {
            "\\x0b   | contains the control character U+000B, " + CONTROL,
            "\\x01   | contains the control character U+0001, " + CONTROL,
            "\\r     | contains the control character U+000D, " + CONTROL,
            "\\x7f   | contains the control character U+007F, " + CONTROL,
            "\\x85   | contains the control character U+0085, " + CONTROL,
            "\\e[2J  | contains the control character U+001B, " + CONTROL,
            "\\uFFFE | contains U+FFFE, which is not a character and breaks the feeds; delete it (retype the text if it was pasted)",
            "\\uFDD0 | contains U+FDD0, which is not a character and breaks the feeds; delete it (retype the text if it was pasted)",
            "\\U0001FFFF | contains U+1FFFF, which is not a character and breaks the feeds; delete it (retype the text if it was pasted)",
            "\\uD800 | contains a broken character (half of a surrogate pair, U+D800), which breaks the feeds; delete it (retype the text if it was pasted)",
            "\\u202E | contains the invisible direction control U+202E, " + BIDI,
            "\\u202A | contains the invisible direction control U+202A, " + BIDI,
            "\\u2066 | contains the invisible direction control U+2066, " + BIDI,
            "\\u2069 | contains the invisible direction control U+2069, " + BIDI,
            "\\u200F | contains the invisible direction control U+200F, " + BIDI,
    })
    void characterInATitleIsAnErrorWithItsLineAndField(String escape, String message) {
        assertEquals(List.of(PAGE + ":2:1: error: field 'title': " + message),
                checkPage("title: \"Пункти обігріву " + escape.strip() + "(112)\"\n"));
    }

    @Test
    void directionOverrideInAPlaceNameOrPhoneIsAnError() {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/poslugy/obigriv.md", """
                ---
                title: Пункти обігріву
                summary: Де зігрітися.
                category: housing
                documents: [Паспорт]
                cost: Безкоштовно
                processing_time: одразу
                places:
                  - name: "ЦНАП \\u202E(211 llac)"
                    address: вул. Прикладна, 1
                    phone: "+380 44 \\u202E000 00 01"
                updated: 2026-11-01
                reviewed: 2026-11-02
                example: true
                ---
                Текст.
                """);
        assertEquals(List.of(
                        "content/uk/poslugy/obigriv.md:9:5: error: field 'places[1].name': contains the invisible direction control U+202E, " + BIDI,
                        "content/uk/poslugy/obigriv.md:11:5: error: field 'places[1].phone': contains the invisible direction control U+202E, " + BIDI),
                CheckRun.findingsAbout(dir, content, "content/uk/poslugy/obigriv.md").stream().filter(f -> f.contains(": error: ")).toList());
    }

    @Test
    void tabsAndLineBreaksInATextAreFine() {
        assertEquals(List.of(), checkPage("title: \"Пункти\\tобігріву\"\nsummary: |\n  Де зігрітися\n  вночі.\n"));
    }

    @Test
    void dataFilesAreCheckedTheSameWay() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(data.resolve("emergency.yaml"), """
                - number: "1\\u202E12"
                  label: {uk: "Екстрені\\x0b служби", en: Emergency}
                """);
        Problems problems = new Problems();
        new DataLoader(Fixtures.config(), problems).load(data, "content/data");
        assertEquals(List.of(
                "content/data/emergency.yaml:1:3: error: field 'item[1].number': contains the invisible direction control U+202E, " + BIDI,
                "content/data/emergency.yaml:2:11: error: field 'item[1].label.uk': contains the control character U+000B, " + CONTROL),
                Fixtures.lines(problems));
    }

    @Test
    void siteSettingsAreCheckedTheSameWay() {
        Problems problems = new Problems();
        String yaml = Fixtures.SITE_YAML.replace("{id: housing, title: {uk: Житло,", "{id: housing, title: {uk: \"Житло\\uFFFF\",");
        city.beacon.config.SiteConfigLoader.parse(YamlDocument.parse(yaml, "content/site.yaml", 1, problems), "content/site.yaml", problems);
        assertEquals(List.of("content/site.yaml:12:27: error: field 'categories[1].title.uk': contains U+FFFF, which is not a character "
                + "and breaks the feeds; delete it (retype the text if it was pasted)"), Fixtures.lines(problems));
    }
}
