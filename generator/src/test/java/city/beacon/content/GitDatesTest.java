package city.beacon.content;

import city.beacon.Git;
import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GitDatesTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void theNewestCommitOfEachFileWins() {
        String log = "\u001eabc1 1800000000\0\nuk/a.md\0uk/b.md\0\u001eabc0 1700000000\0\nuk/a.md\0uk/c.md\0";
        assertEquals(Map.of("uk/a.md", LocalDate.of(2027, 1, 15), "uk/b.md", LocalDate.of(2027, 1, 15),
                "uk/c.md", LocalDate.of(2023, 11, 15)), GitDates.parse(log, KYIV).byFile());
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
    void theDatesSinceAKnownCommitAreTheDatesOfTheWholeHistory(@TempDir Path temp) throws Exception {
        assumeTrue(Git.installed(), "git not installed: the dates-from-git test needs it");
        TestContent.write(temp.resolve("en/info/a.md"), "a\n");
        TestContent.write(temp.resolve("en/info/b.md"), "b\n");
        Git.commitAll(temp, "2026-03-04T12:00:00+02:00", "two pages");
        GitDates.Dates known = GitDates.all(temp, KYIV);
        TestContent.write(temp.resolve("en/info/b.md"), "b, edited\n");
        TestContent.write(temp.resolve("en/info/c.md"), "c\n");
        Git.commitAll(temp, "2026-05-06T12:00:00+02:00", "an edit and a new page");
        List<String> files = List.of("en/info/a.md", "en/info/b.md", "en/info/c.md");

        String head = Git.run(temp, Map.of(), "rev-parse", "HEAD").strip();
        GitDates.Dates since = GitDates.since(temp, KYIV, known.commit(), known.byFile(), files, GitDates.after(temp, KYIV, known.commit(), head));
        assertEquals(GitDates.all(temp, KYIV), since);
        assertEquals(Map.of("en/info/a.md", LocalDate.of(2026, 3, 4), "en/info/b.md", LocalDate.of(2026, 5, 6),
                "en/info/c.md", LocalDate.of(2026, 5, 6)), since.byFile());
        assertEquals(head, since.commit());
        assertEquals(since, GitDates.since(temp, KYIV, head, since.byFile(), files, GitDates.after(temp, KYIV, head, head)), "no commit since: the known dates");
        assertEquals(Optional.of(new GitDates.Dates("", Map.of())), GitDates.after(temp, KYIV, head, head), "no commit since: git is not asked");
        assertEquals(Map.of("en/info/b.md", LocalDate.of(2026, 5, 6), "en/info/c.md", LocalDate.of(2026, 5, 6)),
                GitDates.after(temp, KYIV, known.commit(), head).orElseThrow().byFile(), "only the files of the commits since");
    }

    @Test
    void aKnownCommitNoLongerInTheHistoryMeansTheWholeHistoryIsRead(@TempDir Path temp) throws Exception {
        assumeTrue(Git.installed(), "git not installed: the dates-from-git test needs it");
        TestContent.write(temp.resolve("en/info/a.md"), "a\n");
        Git.commitAll(temp, "2026-03-04T12:00:00+02:00", "a page");
        String forgotten = "0123456789012345678901234567890123456789";
        Map<String, LocalDate> wrong = Map.of("en/info/a.md", LocalDate.of(2001, 1, 1));

        String head = Git.run(temp, Map.of(), "rev-parse", "HEAD").strip();
        assertEquals(GitDates.all(temp, KYIV), GitDates.since(temp, KYIV, forgotten, wrong, List.of("en/info/a.md"), GitDates.after(temp, KYIV, forgotten, head)));
        assertEquals(Optional.empty(), GitDates.after(temp, KYIV, forgotten, head), "not an ancestor: the commits since cannot tell");
        TestContent.write(temp.resolve("en/info/b.md"), "b\n"); // not committed, so not dated by the known commit
        assertEquals(GitDates.all(temp, KYIV), GitDates.since(temp, KYIV, head, wrong, List.of("en/info/a.md", "en/info/b.md"), GitDates.after(temp, KYIV, head, head)),
                "a file the known dates do not cover: the whole history");
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
