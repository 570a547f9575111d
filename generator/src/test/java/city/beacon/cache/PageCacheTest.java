package city.beacon.cache;

import city.beacon.BuiltCorpus;
import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.content.ContentLoader;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page cache: what a rebuild after a small edit does not read, parse or render again. */
class PageCacheTest extends BuiltCorpus {
    private static final FileTime AN_HOUR_AGO = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);

    @Test
    void aPageFileWithTheSameSizeAndTimeIsNotReadAgain() throws IOException {
        age(content);
        build();
        Path source = firstFile(content.resolve("en/services"));
        String page = pageOf(source);
        sameSizeEdit(source);
        Files.setLastModifiedTime(source, AN_HOUR_AGO);

        build();
        assertFalse(Files.readString(out.resolve(page)).contains("MARKER"), "taken from the cache: the file was not read");

        Files.setLastModifiedTime(source, FileTime.fromMillis(AN_HOUR_AGO.toMillis() + 5000));
        build();
        assertTrue(Files.readString(out.resolve(page)).contains("MARKER"), "another time: read again");
    }

    @Test
    void aFileChangedWithinTwoSecondsOfBeingReadIsReadAgainEvenWithTheSameSizeAndTime() throws IOException {
        build(); // the corpus was written just now, as an editor's save just before a build
        Path source = firstFile(content.resolve("en/services"));
        FileTime time = Files.getLastModifiedTime(source);
        sameSizeEdit(source);
        Files.setLastModifiedTime(source, time);

        build();
        assertTrue(Files.readString(out.resolve(pageOf(source))).contains("MARKER"),
                "a coarse file-system clock could give the edit the time of the read: not trusted");
    }

    @Test
    void everyKindOfPageComesBackFromTheCacheFileAsItWasParsed() throws IOException {
        age(content);
        ContentLoader loader = new ContentLoader(content);
        SiteConfig config = loader.loadConfig(new Problems()).orElseThrow();
        Path file = dir.resolve(".pages");
        PageCache written = PageCache.load(file, "v1", config, loader::sourceOf, loader.display(""));
        List<Page> parsed = loader.load(new Problems(), config, () -> written).pages();
        written.write(file).orElseThrow().replace();

        PageCache read = PageCache.load(file, "v1", config, loader::sourceOf, loader.display(""));
        Set<PageKind> kinds = parsed.stream().map(Page::kind).collect(Collectors.toSet());
        assertEquals(Set.of(PageKind.values()), kinds, "the corpus has every kind");
        for (Page page : parsed) {
            PageCache.Entry entry = read.unchanged(page.source().relative(), written.current(page.source().relative()).orElseThrow().state())
                    .orElseThrow(() -> new AssertionError("no entry for " + page.source().relative()));
            assertEquals(page, entry.page());
        }
        assertTrue(PageCache.load(file, "v2", config, loader::sourceOf, loader.display(""))
                .unchanged(parsed.get(0).source().relative(), written.current(parsed.get(0).source().relative()).orElseThrow().state())
                .isEmpty(), "another generator or site.yaml: nothing is taken from the cache");
    }

    @Test
    void aBodyEditKeepsTheListsAndATitleEditRendersThemAgain() throws IOException {
        age(content);
        build();
        Path source = firstFile(content.resolve("en/services"));
        Path list = out.resolve("en/services/index.html");
        setAllModified(out, AN_HOUR_AGO);
        Files.writeString(source, Files.readString(source) + "\nA sentence added by an editor.\n");
        build();
        assertEquals(AN_HOUR_AGO, Files.getLastModifiedTime(list), "a new sentence changes no list");
        assertTrue(Files.readString(out.resolve(pageOf(source))).contains("A sentence added by an editor."));

        String title = Files.readString(source).lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
        Files.writeString(source, Files.readString(source).replace(title, "title: \"A title an editor changed\""));
        build();
        assertTrue(Files.readString(list).contains("A title an editor changed"), "the section's list shows the new title");
    }

    @Test
    void aRebuildWithNothingChangedRewritesNoSideFileAndLeavesNoStagingFolder() throws IOException {
        age(content);
        build();
        List<Path> sideFiles = List.of(dir.resolve(".public.cache"), dir.resolve(".public.pages"), dir.resolve(".public.files"));
        for (Path side : sideFiles) Files.setLastModifiedTime(side, AN_HOUR_AGO);
        build();
        for (Path side : sideFiles) assertEquals(AN_HOUR_AGO, Files.getLastModifiedTime(side), side + " was written again");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".public.cache", ".public.files", ".public.lock", ".public.pages", "content", "public"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no staging folder or journal left");
        }
    }



    @Test
    void aBuildThatFailsLeavesThePageCacheAsItWasAndNoCopyBesideIt() throws IOException {
        age(content);
        build();
        Path pages = dir.resolve(".public.pages");
        byte[] before = Files.readAllBytes(pages);
        Path source = firstFile(content.resolve("en/services"));
        Files.writeString(source, Files.readString(source) + "\nSee [the form](no-such-page.md).\n");

        SiteBuilder.Result failed = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), Map.of())).build();

        assertFalse(failed.published());
        assertTrue(failed.problems().sorted().stream().anyMatch(p -> p.message().contains("no-such-page.md")), failed.problems().sorted().toString());
        assertArrayEquals(before, Files.readAllBytes(pages), "the page cache, written while the site was made, is put in place only when it is published");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".public.cache", ".public.files", ".public.lock", ".public.pages", "content", "public"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no copy of a side file left beside it");
        }
    }

    @Test
    void theContentFolderTypedAnotherWayKeepsTheCachesAndItsFindingsNameFilesTheNewWay() throws IOException {
        Path source = firstFile(content.resolve("en/services"));
        Path warned = firstFile(content.resolve("en/info"));
        Files.writeString(warned, Files.readString(warned) + "\n#### A heading three levels down\n");
        age(content);
        build();
        sameSizeEdit(source);
        Files.setLastModifiedTime(source, AN_HOUR_AGO);
        Path spelledOtherwise = Path.of("").toAbsolutePath().relativize(content); // a relative path, the first build's was absolute

        SiteBuilder.Result again = new SiteBuilder(new SiteBuilder.Options(spelledOtherwise, out, false, false, Theme.bundled(), Map.of())).build();
        assertTrue(again.published(), again.problems().sorted().toString());
        assertFalse(Files.readString(out.resolve(pageOf(source))).contains("MARKER"), "the page cache holds: the file was not read");
        Problem skip = again.problems().sorted().stream().filter(p -> p.message().contains("the heading skips from level")).findFirst()
                .orElseThrow(() -> new AssertionError("the kept page's finding is reported again: " + again.problems().sorted()));
        assertEquals(spelledOtherwise + "/" + content.relativize(warned), skip.file(), "named as this build names the folder");
    }

    /** The published file of the page written in {@code source}: its address is made from its slug, here its file name. */
    private String pageOf(Path source) throws IOException {
        String name = source.getFileName().toString().replace(".md", "");
        String folder = content.relativize(source.getParent()).toString();
        try (Stream<Path> pages = Files.list(out.resolve(folder))) {
            return out.relativize(pages.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no page for " + source))) + "/index.html";
        }
    }

    private static void age(Path root) throws IOException {
        setAllModified(root, AN_HOUR_AGO);
    }

    private static void setAllModified(Path root, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, time);
        }
    }

    /** Writes MARKER over six letters of the page's text: the file keeps its size. */
    private static void sameSizeEdit(Path source) throws IOException {
        String text = Files.readString(source);
        int body = text.indexOf("\n---\n") + 5;
        Files.writeString(source, text.substring(0, body) + text.substring(body).replaceFirst("[A-Za-z]{6}", "MARKER"));
        assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Files.size(source));
    }
}
