package city.beacon.serve;

import city.beacon.findings.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewErrorPageLanguageTest {
    private static final Problem DATE = Problem.error("content/uk/poslugy/a.md", 7, 1, "reviewed",
            "expected a date like 2026-11-25, got \"вчора\"", "write it as 2026-12-06");

    @Test
    void aUkrainianPagesFindingsReadInUkrainianWithTheTerminalsLineBelow() {
        String page = PreviewPages.errors(List.of(DATE), "uk", 1);
        assertTrue(page.contains("поле <code>reviewed</code>: очікується дата на зразок 2026-11-25, а написано &quot;вчора&quot;"
                + "<br>Що зробити: напишіть так: 2026-12-06"), page);
        assertTrue(page.contains("<code>content/uk/poslugy/a.md:7:1: error: field &apos;reviewed&apos;: expected a date like 2026-11-25"), page);
    }

    @Test
    void anEnglishPagesFindingsStayEnglish() {
        String page = PreviewPages.errors(List.of(DATE), "en", 1);
        assertTrue(page.contains("field <code>reviewed</code>: expected a date like 2026-11-25, got &quot;вчора&quot;<br>What to do: write it as 2026-12-06"), page);
    }
}
