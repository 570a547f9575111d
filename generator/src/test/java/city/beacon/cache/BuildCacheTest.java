package city.beacon.cache;

import city.beacon.BuiltCorpus;
import city.beacon.Git;
import city.beacon.build.SiteBuilder;
import city.beacon.TestContent;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import city.beacon.markdown.RenderedMarkdown.InternalLink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BuildCacheTest extends BuiltCorpus {
    @Test
    void aPublishedPageChangedBehindTheBuildsBackIsRenderedAgain() throws IOException {
        build();
        Path page = out.resolve(pageUrl("en/services") + "index.html");
        String rendered = Files.readString(page);
        Files.writeString(page, "changed by hand on the server");
        build();
        assertEquals(rendered, Files.readString(page), "the cache names the hash of the file it stands for, and this is not it");
    }

    @Test
    void anEditedPageIsRenderedAgainAndTheOthersAreNot() throws IOException {
        build();
        Path edited = firstFile(content.resolve("en/services"));
        Files.writeString(edited, "\nA sentence added by an editor.\n", java.nio.file.StandardOpenOption.APPEND);
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        setAllModified(before);
        build();
        // sw.js names a version of the whole site, so it changes with any page
        List<Path> written = filesNewerThan(before).stream().filter(f -> f.toString().endsWith(".html")).toList();
        assertEquals(1, written.size(), "only the edited page is written: " + written);
        assertTrue(Files.readString(written.get(0)).contains("A sentence added by an editor."));
    }

    @Test
    void aRebuildWithNothingChangedWritesNoFile() throws IOException {
        build();
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        setAllModified(before);
        build();
        assertEquals(List.of(), filesNewerThan(before));
    }

    @Test
    void aBodyEditKeepsEveryListAndWholeSiteFileInTheSite() throws IOException {
        build();
        List<String> before = siteFiles();
        assertTrue(before.containsAll(List.of("en/search-index.js", "en/api/services.json", "en/feed.xml", "en/search-index.js.gz")), before.toString());
        Path edited = firstFile(content.resolve("en/services"));
        Files.writeString(edited, "\nA sentence added by an editor.\n", java.nio.file.StandardOpenOption.APPEND);
        build(); // the lists and the files made from the whole site are kept from the build cache, not made again
        assertSameFiles(before, siteFiles());
        build(); // and kept again from what that build recorded
        assertSameFiles(before, siteFiles());
    }

    private static void assertSameFiles(List<String> before, List<String> after) {
        assertEquals(List.of(), before.stream().filter(f -> !after.contains(f)).toList(), "files the rebuild dropped");
        assertEquals(List.of(), after.stream().filter(f -> !before.contains(f)).toList(), "files the rebuild added");
    }

    @Test
    void aLaterCommitOfTheSameDayRendersOnlyTheEditedPage() throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test content kept in git");
        Git.commitAll(content, "2026-12-03T09:00:00+02:00", "the corpus");
        build();
        Path edited = firstFile(content.resolve("en/services"));
        Files.writeString(edited, "\nA sentence added by an editor.\n", java.nio.file.StandardOpenOption.APPEND);
        Git.commitAll(content, "2026-12-03T17:45:00+02:00", "an edit"); // the build time moves 8 h 45 min
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        setAllModified(before);
        assertEquals(1, build().rendered(), "pages show the build's day, not its time: the others are kept unrendered");
        List<Path> written = filesNewerThan(before).stream().filter(f -> f.toString().endsWith(".html")).toList();
        assertEquals(1, written.size(), "only the edited page is written: " + written);
        assertTrue(Files.readString(written.get(0)).contains("A sentence added by an editor."));
    }

    @Test
    void aCommitOfTheNextDayShowsThatDayEverywhereAsACleanBuildDoes() throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test content kept in git");
        Git.commitAll(content, "2026-12-03T09:00:00+02:00", "the corpus");
        build();
        Files.writeString(firstFile(content.resolve("en/services")), "\nA sentence.\n", java.nio.file.StandardOpenOption.APPEND);
        Git.commitAll(content, "2026-12-04T08:00:00+02:00", "an edit");
        build();
        assertTrue(Files.readString(out.resolve("en/index.html")).contains("This copy was built on 4 December 2026."));
        Path clean = dir.resolve("clean");
        assertTrue(new SiteBuilder(new SiteBuilder.Options(content, clean, false, false, Theme.bundled(), Map.of())).build().published());
        Map<String, byte[]> rebuilt = TestContent.tree(out);
        Map<String, byte[]> fresh = TestContent.tree(clean);
        assertEquals(fresh.keySet(), rebuilt.keySet());
        assertEquals(List.of(), fresh.keySet().stream().filter(f -> !Arrays.equals(fresh.get(f), rebuilt.get(f))).toList(),
                "files the rebuild wrote otherwise than a clean build");
    }

    @Test
    void findingsOfAKeptPageAreReportedAgain() throws IOException {
        Path page = firstFile(content.resolve("en/info"));
        Files.writeString(page, "\n#### A heading that skips levels\n", java.nio.file.StandardOpenOption.APPEND);
        String first = build().problems().sorted().toString();
        assertTrue(first.contains("skips from level"), first);
        assertEquals(first, build().problems().sorted().toString());
    }

    @Test
    void anotherGeneratorOrThemeVersionInvalidatesEveryEntry() throws IOException {
        Path file = dir.resolve(".cache");
        BuildCache cache = BuildCache.load(file, "version 1", "content/");
        BuildCache.Entry entry = new BuildCache.Entry("key", "0123abcd", Set.of("steps", "where"),
                List.of(new InternalLink("en/info/a/", null, "a.md", 3, 7), new InternalLink("en/info/b/", "top", "b.md#top", 4, 1)),
                List.of(Problem.warning("content/en/info/a.md", 9, 1, null, "the heading skips", null)),
                java.util.Optional.of(new city.beacon.model.SearchEntry("Title", "Summary", List.of("title"), List.of("summary", "text"))));
        cache.put("en/info/c/", entry);
        cache.save(file);
        assertEquals(entry, BuildCache.load(file, "version 1", "content/").reusable("en/info/c/", "key").orElseThrow());
        assertFalse(BuildCache.load(file, "version 1", "content/").reusable("en/info/c/", "another key").isPresent(), "the page changed");
        assertFalse(BuildCache.load(file, "version 2", "content/").reusable("en/info/c/", "key").isPresent(), "the generator changed");
    }

    @Test
    void whatTheSearchIndexHoldsOfAPageIsReadBackAloneEvenBehindItsFindings() throws IOException {
        Path file = dir.resolve(".cache");
        city.beacon.model.SearchEntry words = new city.beacon.model.SearchEntry("Пункти", "Де зігрітися", List.of("punkti"), List.of("de", "zihritisia"));
        BuildCache cache = BuildCache.load(file, "v", "content/");
        cache.put("uk/poslugy/punkty/", new BuildCache.Entry("key", "0123abcd", Set.of("a"), List.of(),
                List.of(Problem.warning("content/uk/poslugy/punkty.md", 9, 1, null, "the heading skips", "write ###")),
                java.util.Optional.of(words)));
        cache.put("uk/poslugy/", new BuildCache.Entry("list", "abcd", Set.of(), List.of(), List.of(), java.util.Optional.empty()));
        cache.save(file);

        BuildCache next = BuildCache.load(file, "v", "content/");
        assertEquals(java.util.Optional.of(words), next.search("uk/poslugy/punkty/"), "read from the entry's bytes, past its finding");
        assertEquals(java.util.Optional.empty(), next.search("uk/poslugy/"), "a page of a list has none");
        assertEquals(java.util.Optional.empty(), next.search("uk/nowhere/"));
    }

    @Test
    void listsABuildKeepsAreSavedAsTheyWereReadAndReadBackTheSame() throws IOException {
        Path file = dir.resolve(".cache");
        BuildCache.Entry list = new BuildCache.Entry("list key", "0123abcd", Set.of("a"),
                List.of(new InternalLink("en/info/a/", null, "a.md", 0, 0)), List.of(), java.util.Optional.empty());
        BuildCache.Lists lists = new BuildCache.Lists("lists key", Map.of("en/services/", list), Map.of("en/feed.xml", "abcd"),
                List.of(Problem.warning("content/en/info/a.md", 2, 1, null, "a list finding", null)));
        BuildCache first = BuildCache.load(file, "v", "content/");
        first.putLists(lists);
        first.putWeights(Map.of("0123abcd", 100));
        first.save(file);

        BuildCache second = BuildCache.load(file, "v", "content/");
        second.putLists(second.lists("lists key").orElseThrow()); // kept, as a text edit keeps them
        second.putWeights(Map.of("0123abcd", 101)); // the file is saved for what else changed
        second.save(file);

        BuildCache third = BuildCache.load(file, "v", "content/");
        assertEquals(lists, third.lists("lists key").orElseThrow());
        assertEquals(Map.of("0123abcd", 101), third.weights(), "what follows the lists in the file is read where it is");
        assertEquals("/srv/portal/content/en/info/a.md",
                BuildCache.load(file, "v", "/srv/portal/content/").previousLists().problems().get(0).file(),
                "the finding, kept relative to the content folder, names the file as the reading build does");
    }

    @Test
    void aCacheSavedInMemoryIsReadBackAsOneSavedToAFileAndHoldsNoBytes() throws IOException {
        // The live preview keeps its caches in memory: three builds, each into a file and into memory alike.
        city.beacon.publish.SideFile.Slot file = city.beacon.publish.SideFile.at(dir.resolve(".cache"));
        city.beacon.publish.SideFile.InMemory memory = new city.beacon.publish.SideFile.InMemory();
        BuildCache.Entry a = new BuildCache.Entry("key a", "aaaa", Set.of("top"), List.of(new InternalLink("en/info/b/", "top", "b.md#top", 4, 1)),
                List.of(Problem.warning("content/en/info/a.md", 9, 1, null, "the heading skips", null)),
                java.util.Optional.of(new city.beacon.model.SearchEntry("A", "About a", List.of("a"), List.of("about"))));
        BuildCache.Entry b = new BuildCache.Entry("key b", "bbbb", Set.of(), List.of(), List.of(), java.util.Optional.empty());
        BuildCache.Entry b2 = new BuildCache.Entry("key b2", "bbb2", Set.of("new"), List.of(), List.of(), java.util.Optional.empty());
        BuildCache.Lists lists = new BuildCache.Lists("lists", Map.of("en/services/", b), Map.of("en/feed.xml", "ffff"), List.of());
        for (city.beacon.publish.SideFile.Slot slot : List.of(file, memory)) {
            BuildCache first = BuildCache.load(slot, "content/").validFor("v");
            first.put("en/info/a/", a);
            first.put("en/info/b/", b);
            first.putLists(lists);
            first.putWeights(Map.of("aaaa", 10));
            first.save(slot);
            BuildCache second = BuildCache.load(slot, "content/").validFor("v");
            second.keep("en/info/a/"); // kept undecoded, as a build keeps an unchanged page
            second.put("en/info/b/", b2);
            second.putLists(second.lists("lists").orElseThrow());
            second.putWeights(Map.of("aaaa", 10, "bbb2", 20));
            second.save(slot);
        }
        BuildCache fromFile = BuildCache.load(file, "content/").validFor("v");
        BuildCache fromMemory = BuildCache.load(memory, "content/").validFor("v");
        for (String url : List.of("en/info/a/", "en/info/b/")) {
            assertEquals(fromFile.previous(url), fromMemory.previous(url), url);
            assertEquals(fromFile.previousSha256(url), fromMemory.previousSha256(url), url);
            assertEquals(fromFile.previousProblems(url), fromMemory.previousProblems(url), url);
            assertEquals(fromFile.search(url), fromMemory.search(url), url);
        }
        assertEquals(java.util.Optional.of(b2), fromMemory.previous("en/info/b/"));
        assertEquals(fromFile.previousLists(), fromMemory.previousLists());
        assertEquals(fromFile.weights(), fromMemory.weights());
        assertEquals(java.util.Optional.empty(), memory.read(), "no bytes: the entries are held as read back");
        assertFalse(BuildCache.load(memory, "content/").validFor("another version").previous("en/info/a/").isPresent(),
                "another generator version invalidates them as it does a file's");
    }

    @Test
    void aDamagedCacheFileOnlyMeansAFullBuild() throws IOException {
        Path file = dir.resolve(".cache");
        Files.write(file, new byte[]{0, 0, 0, 1, 0, 9, 'x'});
        assertFalse(BuildCache.load(file, "v", "content/").reusable("en/", "k").isPresent());
    }



    private String pageUrl(String folder) throws IOException {
        try (Stream<Path> pages = Files.list(out.resolve(folder))) {
            return out.relativize(pages.filter(Files::isDirectory).sorted().findFirst().orElseThrow()) + "/";
        }
    }

    private List<String> siteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).sorted().toList();
        }
    }

    private void setAllModified(FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, time);
        }
    }

    private List<Path> filesNewerThan(FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(time) > 0;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
