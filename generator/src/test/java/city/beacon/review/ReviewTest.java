package city.beacon.review;

import city.beacon.cli.Main;
import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.content.ContentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site.yaml (the repository's) reviews services every 365 days, support every 180, pages every 730. */
class ReviewTest {
    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

    private static String service(String title, String reviewed) {
        return "---\ntitle: " + title + "\nsummary: s\ncategory: documents\ndocuments: [Passport]\ncost: Free\n"
                + "processing_time: A day\nupdated: 2026-01-01\nreviewed: " + reviewed + "\n---\n\nText.\n";
    }

    private static ReviewReport review(Path content) throws Exception {
        return Review.of(new ContentLoader(content).load(new Problems()).orElseThrow(), NOW);
    }

    @Test
    void stalePagesComeFirstLongestOverdueFirst(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/services/fresh.md"), service("Fresh", "2026-12-01"));
        TestContent.write(content.resolve("en/services/old.md"), service("Old", "2025-06-01"));
        TestContent.write(content.resolve("en/services/older.md"), service("Older", "2024-01-01"));
        TestContent.write(content.resolve("en/info/never.md"), "---\ntitle: Never reviewed\n---\n\nText.\n");

        ReviewReport report = review(content);

        assertEquals(List.of("content/en/info/never.md", "content/en/services/older.md", "content/en/services/old.md",
                "content/en/services/fresh.md"), report.pages().stream().map(i -> i.file().substring(i.file().indexOf("content/"))).toList());
        assertEquals(3, report.stale().size());
        assertEquals(LocalDate.parse("2026-06-01"), report.pages().get(2).due());
        assertTrue(report.text().contains("STALE: due 2026-06-01, 223 days ago"), report.text());
    }

    @Test
    void missingTranslationsExampleDataAndInactiveAlertsAreListed(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/services/only-english.md"), service("Only English", "2026-12-01"));
        TestContent.write(content.resolve("uk/dovidka/pro-nas.md"), "---\ntitle: Про нас\nexample: true\n---\n\nТекст.\n");
        TestContent.write(content.resolve("en/info/pro-nas.md"), "---\ntitle: About\n---\n\nText.\n");
        TestContent.write(content.resolve("en/alerts/later.md"),
                "---\ntitle: Later\nsummary: s\nseverity: info\nstarts: 2027-06-01\nexpires: 2027-07-01\n---\n\nText.\n");

        ReviewReport report = review(content);

        ReviewReport.Item english = report.untranslated().stream().filter(i -> i.file().endsWith("only-english.md")).findFirst().orElseThrow();
        assertEquals(List.of("uk"), english.missingTranslations());
        assertEquals(List.of("the page is marked 'example: true'"), report.withExampleData().get(0).exampleData());
        assertEquals("scheduled: starts 2027-06-01", report.inactiveAlerts().get(0).alert());
        assertNull(english.alert());
        assertTrue(report.json().contains("\"missingTranslations\" : [ \"uk\" ]"), report.json());
    }

    @Test
    void strictExitsOneOnlyWhenSomethingIsStale(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/services/today.md"), service("Reviewed today", LocalDate.now().toString()));
        assertEquals(0, Main.run("review", "--strict", "--content", content.toString()));

        TestContent.write(content.resolve("en/services/long-ago.md"), service("Reviewed long ago", "2000-01-01"));
        assertEquals(0, Main.run("review", "--content", content.toString()));
        assertEquals(1, Main.run("review", "--strict", "--format", "json", "--content", content.toString()));
    }
}
