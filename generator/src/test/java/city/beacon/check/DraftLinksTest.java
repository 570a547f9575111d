package city.beacon.check;

import city.beacon.build.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19, item 8: a draft (every page 'beacon new' writes is one) gets its links checked too, as warnings. */
class DraftLinksTest {
    @TempDir
    Path dir;

    private static final String DRAFT = "content/uk/dovidka/chernetka.md";
    private static final List<String> EXPECTED = List.of(
            DRAFT + ":7:1: warning: in a draft, the link \"nemaie.md\" points to a page that does not exist",
            DRAFT + ":9:1: warning: in a draft, the link \"../poslugy/vidnovlennia-pasporta.md#nemaie-takoho\" points to a heading "
                    + "that does not exist; the headings there are: #documents, #help-title, #hits, #main, #q, #steps, #where");

    private Path content() {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/poslugy/vidnovlennia-pasporta.md", city.beacon.Fixtures.SERVICE_UK);
        CheckRun.write(content, "uk/dovidka/chernetka.md", """
                ---
                title: Чернетка
                draft: true
                example: true
                ---
                Текст.
                [Сторінка, якої немає](nemaie.md)

                [Паспорт](../poslugy/vidnovlennia-pasporta.md#nemaie-takoho)
                """);
        return content;
    }

    private List<String> about(SiteBuilder.Result built) {
        String prefix = dir.toString().replace('\\', '/') + "/";
        return built.problems().sorted().stream().map(p -> p.format().replace(prefix, ""))
                .filter(l -> l.startsWith(DRAFT + ":")).toList();
    }

    @Test
    void checkReportsBrokenLinksInADraftAsWarningsWithTheirLines() {
        assertEquals(EXPECTED, CheckRun.findingsAbout(dir, content(), DRAFT));
    }

    @Test
    void buildReportsThemAsCheckDoesAndStillPublishes() {
        Path content = content();
        SiteBuilder.Result built = CheckRun.check(content, dir.resolve("public"));
        assertEquals(EXPECTED, about(built));
        assertEquals(EXPECTED, about(CheckRun.check(content, dir.resolve("public"))), "a warm build reports them too");
        assertTrue(built.published());
        assertFalse(built.problems().withWarningsAsErrors().sorted().stream().filter(p -> p.file().endsWith("chernetka.md"))
                .anyMatch(p -> !p.isError()), "under --strict they are errors");
    }
}
