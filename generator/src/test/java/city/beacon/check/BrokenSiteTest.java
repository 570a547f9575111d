package city.beacon.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy of the sample content with a dozen typical editor mistakes: one check run reports every
 * one of them, each at its file and line, sorted, and nothing else.
 */
class BrokenSiteTest {
    @TempDir
    Path dir;

    private static void breakFile(Path content, String file, String find, String replace) throws IOException {
        Path path = content.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertTrue(text.contains(find), file + " does not contain " + find);
        Files.writeString(path, text.replace(find, replace), StandardCharsets.UTF_8);
    }

    @Test
    void everyMistakeIsReportedInOneRunAtItsFileAndLine() throws IOException {
        Path content = CheckRun.sampleContent(dir);
        // 1. a date an editor wrote in words
        breakFile(content, "uk/poslugy/vidnovlennia-pasporta.md", "reviewed: 2026-09-20", "reviewed: минулого тижня");
        // 2. a misspelt field name (and so the real one is missing)
        breakFile(content, "en/services/replacing-passport.md", "\nsummary:", "\nsumary:");
        // 3. a category that does not exist
        breakFile(content, "uk/poslugy/dovidka-vpo.md", "category: documents", "category: dokuments");
        // 4. a phone number nobody can dial from a mobile
        breakFile(content, "uk/pidtrymka/hariacha-liniia-psykhichnoho-zdorovia.md", "\"+380 44 000 00 90\"", "\"044 000 00 90\"");
        // 5. an alert that ends before it starts
        breakFile(content, "en/alerts/winter-power-outages.md", "expires: 2027-03-31", "expires: 2026-10-31");
        // 6. an empty title
        breakFile(content, "en/info/privacy.md", "\ntitle: ", "\ntitle: \"\"\nold_title: ");
        // 7-12. mistakes in the text: a missing page, a missing heading, an image without alt text,
        // a skipped heading level, a script, a web address without a host
        breakFile(content, "uk/dovidka/about.md", "## Важливо", """
                ## Посилання

                Див. [паспорт](../poslugy/vidnovlenia-pasporta.md) і [пункти](../poslugy/punkty-nezlamnosti.md#koly-pratsiuiut).

                ![](../static/mapa.png)

                #### Деталі

                <script>alert(1)</script>

                Сайт: [міськрада](https:///kyivcity)

                ## Важливо""");
        // 13. a section folder that does not exist
        CheckRun.write(content, "uk/poslugi/nova.md", "---\ntitle: Нова\n---\nТекст\n");
        // 14. two pages with the same address
        breakFile(content, "uk/poslugy/zhytlova-subsydiia.md", "\ncategory:", "\nslug: punkty-nezlamnosti\ncategory:");

        assertEquals(List.of(
                "content/en/alerts/winter-power-outages.md:7:1: error: field 'expires': the alert expires (2026-10-31) before it starts "
                        + "(2026-11-20); check the dates: 'expires' must come after 'starts'",
                "content/en/info/privacy.md:2:1: error: field 'title': must not be empty; write the title",
                "content/en/info/privacy.md:3:1: error: unknown field 'old_title'; expected one of: draft, example, reviewed, slug, "
                        + "summary, tags, title, translation, updated, weight",
                "content/en/services/replacing-passport.md:3:1: error: unknown field 'sumary'; did you mean 'summary'?",
                "content/uk/dovidka/about.md:57:6: error: the link \"../poslugy/vidnovlenia-pasporta.md\" points to a page that does not exist; "
                        + "did you mean '../poslugy/vidnovlennia-pasporta.md'?",
                "content/uk/dovidka/about.md:57:54: error: the link \"../poslugy/punkty-nezlamnosti.md#koly-pratsiuiut\" points to a "
                        + "heading that does not exist; did you mean '#коли-працюють'?",
                "content/uk/dovidka/about.md:59:1: error: an image without a description (alt text); write what the image shows between the "
                        + "brackets: ![Map of shelters near the metro](map.png)",
                "content/uk/dovidka/about.md:59:1: error: the link \"../static/mapa.png\" points to a page that does not exist",
                "content/uk/dovidka/about.md:61:1: warning: the heading skips from level 2 to level 4; use ### for this heading",
                "content/uk/dovidka/about.md:63:1: warning: raw HTML was changed for safety: <script> removed; write it in Markdown instead",
                "content/uk/dovidka/about.md:65:7: error: the web address \"https:///kyivcity\" has no host name; write it as https://example.org/page",
                // no "no translation" warning for uk/dovidka/ pages while en/info/privacy.md cannot be read
                // the English alert is broken above: it may be the Ukrainian alert's translation, so no warning about that
                "content/uk/pidtrymka/hariacha-liniia-psykhichnoho-zdorovia.md:6:5: error: field 'phones[1].number': expected a short code "
                        + "(3 or 4 digits, such as 112) or a full international number, got \"044 000 00 90\"; write it as +380 44 123 45 67",
                "content/uk/pidtrymka/hrupy-pidtrymky-dlia-vpo.md:18:1: warning: field 'reviewed': last reviewed on 2025-12-01, 354 days before "
                        + "this build (2026-11-20); support pages must be reviewed at least every 180 days (review: in site.yaml); "
                        + "check that the page is still correct, then write 'reviewed: 2026-11-27'", // CheckRun.TODAY
                "content/uk/poslugi: error: 'poslugi' is not a section folder of 'uk'; did you mean 'poslugy'?",
                "content/uk/poslugy/dovidka-vpo.md:4:1: error: field 'category': unknown category \"dokuments\"; did you mean 'documents'?",
                "content/uk/poslugy/vidnovlennia-pasporta.md:32:1: error: field 'reviewed': expected a date like 2026-11-25, got \"минулого тижня\"",
                "content/uk/poslugy/zhytlova-subsydiia.md:1:1: error: field 'slug': this page has the same address /uk/poslugy/punkty-nezlamnosti/ "
                        + "as content/uk/poslugy/punkty-nezlamnosti.md; give one of them a different file name or 'slug'"),
                CheckRun.findings(dir, content));
    }
}
