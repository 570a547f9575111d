package city.beacon.build;

import city.beacon.BuiltCorpus;
import city.beacon.Git;
import city.beacon.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A build after an edit of pages' text ({@link EditBuild}) publishes what a full build of the same
 * content publishes, byte for byte, and reports the same findings; any other change gives it up
 * for a full build.
 */
class EditBuildTest extends BuiltCorpus {
    private static final FileTime AN_HOUR_AGO = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    private static final String GIVEN_UP = "edit build given up";

    @BeforeEach
    void aFindingOnAPageKept() throws IOException {
        // A finding on a page the edits leave alone, which every build must report again.
        Files.writeString(first("en/info"), "\n#### A heading that skips levels\n", StandardOpenOption.APPEND);
        age();
    }

    @Test
    void aTextEditRendersThatPageAloneAndPublishesWhatAFullBuildPublishes() throws IOException {
        SiteBuilder.Result full = build(out);
        Files.writeString(first("en/services"), "\nA sentence added by an editor, [with a link](../info/"
                + first("en/info").getFileName() + ").\n", StandardOpenOption.APPEND);
        Files.writeString(first("uk/poslugy"), "\nРечення, яке додав редактор.\n", StandardOpenOption.APPEND);
        age();

        SiteBuilder.Result edit = build(out);
        assertFalse(edit.steps().containsKey(GIVEN_UP), edit.timings());
        assertEquals(2, edit.rendered(), "the two edited pages, no other");
        assertTrue(Files.readString(out.resolve(pageOf(first("en/services")))).contains("A sentence added by an editor"));
        assertSameAsAFreshBuild(edit);
        assertEquals(full.problems().sorted(), edit.problems().sorted(), "the findings of the pages kept are reported again");
        assertTrue(edit.problems().sorted().toString().contains("skips from level"), edit.problems().sorted().toString());

        Files.writeString(first("en/services"), "\nAnd a second one.\n", StandardOpenOption.APPEND);
        age();
        SiteBuilder.Result again = build(out);
        assertFalse(again.steps().containsKey(GIVEN_UP), "an edit build after an edit build: " + again.timings());
        assertSameAsAFreshBuild(again);
    }

    @Test
    void aRebuildWithNothingChangedIsAnEditBuildThatWritesNothing() throws IOException {
        build(out);
        Map<String, byte[]> before = TestContent.tree(out);
        setAllModified(out);
        SiteBuilder.Result noop = build(out);
        assertFalse(noop.steps().containsKey(GIVEN_UP), noop.timings());
        assertEquals(0, noop.rendered());
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).filter(f -> modifiedSince(f)).toList());
        }
        assertSameTree(before, TestContent.tree(out));
    }

    @Test
    void aChangedTitleGivesUpForAFullBuildThatShowsItInTheLists() throws IOException {
        build(out);
        Path source = first("en/services");
        String title = Files.readString(source).lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
        Files.writeString(source, Files.readString(source).replace(title, "title: \"A title an editor changed\""));
        age();
        SiteBuilder.Result result = build(out);
        assertTrue(result.steps().containsKey(GIVEN_UP), result.timings());
        assertTrue(Files.readString(out.resolve("en/services/index.html")).contains("A title an editor changed"));
        assertSameAsAFreshBuild(result);
    }

    @Test
    void aNewHeadingGivesUpForAFullBuild() throws IOException {
        build(out);
        Files.writeString(first("en/services"), "\n## A heading other pages could link to\n\nText.\n", StandardOpenOption.APPEND);
        age();
        SiteBuilder.Result result = build(out);
        assertTrue(result.steps().containsKey(GIVEN_UP), "the page's ids changed: " + result.timings());
        assertSameAsAFreshBuild(result);
    }

    @Test
    void aPageAddedGivesUpForAFullBuild() throws IOException {
        build(out);
        Path copy = first("en/services").resolveSibling("a-new-page.md");
        Files.copy(first("en/services"), copy);
        Files.setLastModifiedTime(copy, AN_HOUR_AGO);
        SiteBuilder.Result result = build(out);
        assertTrue(result.steps().containsKey(GIVEN_UP), result.timings());
        assertSameAsAFreshBuild(result);
    }

    @Test
    void aPublishedFileChangedByHandGivesUpForAFullBuildThatWritesItAgain() throws IOException {
        build(out);
        Files.writeString(out.resolve("en/services/index.html"), "changed by hand on the server");
        Files.writeString(out.resolve(pageOf(first("en/support"))), "changed by hand on the server");
        Files.writeString(first("en/services"), "\nA sentence added by an editor.\n", StandardOpenOption.APPEND);
        age();
        SiteBuilder.Result result = build(out);
        assertTrue(result.steps().containsKey(GIVEN_UP), result.timings());
        assertSameAsAFreshBuild(result);
    }

    @Test
    void aLaterCommitOfAnEditIsAnEditBuildWithTheCommitInBuildInfo() throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test content kept in git");
        Git.commitAll(content, "2026-12-03T09:00:00+02:00", "the corpus");
        build(out);
        Files.writeString(first("en/services"), "\nA sentence added by an editor.\n", StandardOpenOption.APPEND);
        Git.commitAll(content, "2026-12-03T17:45:00+02:00", "an edit");
        age();
        SiteBuilder.Result result = build(out);
        assertFalse(result.steps().containsKey(GIVEN_UP), result.timings());
        assertTrue(Files.readString(out.resolve("build-info.json")).contains("2026-12-03T15:45:00Z"));
        assertSameAsAFreshBuild(result);
    }

    @Test
    void anAlertComingIntoForceOrExpiringBetweenEditsOfTheSameDayIsShownOrRetiredAsAFreshBuildDoes() throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test content kept in git");
        String title = "Water off on the left bank";
        Files.writeString(content.resolve("en/alerts/water-off.md"), "---\ntitle: " + title + "\nsummary: No water from noon to six.\n"
                + "severity: warning\nstarts: 2026-12-03T12:00:00+02:00\nexpires: 2026-12-03T18:00:00+02:00\n---\n\nFill bottles before noon.\n");
        Path edited = first("en/services");
        Git.commitAll(content, "2026-12-03T09:00:00+02:00", "the corpus, and an alert for the afternoon");
        age();
        build(out);

        SiteBuilder.Result morning = editCommitAndBuild(edited, "2026-12-03T10:00:00+02:00");
        assertFalse(morning.steps().containsKey(GIVEN_UP), "no alert came into force or expired since: " + morning.timings());
        assertFalse(Files.readString(out.resolve(pageOf(edited))).contains(title));
        assertSameAsAFreshBuild(morning);

        SiteBuilder.Result afternoon = editCommitAndBuild(edited, "2026-12-03T13:00:00+02:00");
        assertTrue(Files.readString(out.resolve(pageOf(edited))).contains(title), "in force: on every page of its language");
        assertSameAsAFreshBuild(afternoon);

        SiteBuilder.Result evening = editCommitAndBuild(edited, "2026-12-03T19:00:00+02:00");
        assertFalse(Files.readString(out.resolve(pageOf(edited))).contains(title), "expired: retired everywhere");
        assertSameAsAFreshBuild(evening);
    }

    /** Adds a sentence to {@code page}, commits it at {@code when} (the build time) and builds. */
    private SiteBuilder.Result editCommitAndBuild(Path page, String when) throws Exception {
        Files.writeString(page, "\nA sentence added at " + when + ".\n", StandardOpenOption.APPEND);
        Git.commitAll(content, when, "an edit");
        age();
        return build(out);
    }

    private void assertSameAsAFreshBuild(SiteBuilder.Result result) throws IOException {
        Path fresh = dir.resolve("fresh-" + System.nanoTime());
        SiteBuilder.Result clean = build(fresh);
        assertSameTree(TestContent.tree(fresh), TestContent.tree(out));
        assertEquals(clean.problems().sorted(), result.problems().sorted());
        assertEquals(clean.summary(fresh).replaceAll(" in \\d+ ms.*", ""), result.summary(out).replaceAll(" in \\d+ ms.*", ""));
        assertEquals(clean.notes(), result.notes());
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differing = expected.keySet().stream().filter(f -> !Arrays.equals(expected.get(f), actual.get(f))).toList();
        assertEquals(List.of(), differing, "files whose bytes differ from a fresh build's");
    }

    private Path first(String folder) throws IOException {
        return firstFile(content.resolve(folder));
    }

    /** The published file of the page written in {@code source}: its address is made from its file name. */
    private String pageOf(Path source) throws IOException {
        String name = source.getFileName().toString().replace(".md", "");
        try (Stream<Path> pages = Files.list(out.resolve(content.relativize(source.getParent()).toString()))) {
            return out.relativize(pages.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow()) + "/index.html";
        }
    }

    /** Dates every content file an hour back: an edit older than two seconds, which the page cache trusts. */
    private void age() throws IOException {
        setAllModified(content);
    }

    private static void setAllModified(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, AN_HOUR_AGO);
        }
    }

    private static boolean modifiedSince(Path file) {
        try {
            return Files.getLastModifiedTime(file).compareTo(AN_HOUR_AGO) > 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
