package city.beacon.content;

import city.beacon.Git;
import city.beacon.TestContent;
import city.beacon.check.Problems;
import city.beacon.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GitDatesTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void theNewestCommitOfEachFileWins() {
        String log = "\u001e1800000000\0\nuk/a.md\0uk/b.md\0\u001e1700000000\0\nuk/a.md\0uk/c.md\0";
        assertEquals(Map.of("uk/a.md", LocalDate.of(2027, 1, 15), "uk/b.md", LocalDate.of(2027, 1, 15),
                "uk/c.md", LocalDate.of(2023, 11, 15)), GitDates.parse(log, KYIV));
    }

    @Test
    void updatedDefaultsToTheLastCommitUnlessFrontMatterSetsIt(@TempDir Path temp) throws Exception {
        assumeTrue(Git.installed(), "git not installed: the dates-from-git test needs it");
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/info/from-git.md"), "---\ntitle: From git\n---\n\nText.\n");
        TestContent.write(content.resolve("en/info/own-date.md"), "---\ntitle: Own date\nupdated: 2020-02-02\n---\n\nText.\n");
        Git.commitAll(temp, "2026-03-04T12:00:00+02:00", "pages");
        TestContent.write(content.resolve("en/info/uncommitted.md"), "---\ntitle: Not committed\n---\n\nText.\n");

        List<Page> pages = new ContentLoader(content).load(new Problems()).orElseThrow().pages();

        assertEquals(LocalDate.of(2026, 3, 4), updated(pages, "from-git.md"));
        assertEquals(LocalDate.of(2020, 2, 2), updated(pages, "own-date.md"));
        assertEquals(null, updated(pages, "uncommitted.md"));
    }

    @Test
    void outsideARepositoryThereAreNoDates(@TempDir Path temp) {
        assumeTrue(Git.installed(), "git not installed");
        assertTrue(GitDates.lastCommits(temp, KYIV).isEmpty());
    }

    private static LocalDate updated(List<Page> pages, String name) {
        return pages.stream().filter(p -> p.source().relative().endsWith(name)).findFirst().orElseThrow().updated();
    }
}
