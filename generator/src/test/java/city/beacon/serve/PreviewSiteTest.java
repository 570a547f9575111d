package city.beacon.serve;

import city.beacon.TestContent;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview is the build in memory: what one saved page makes it render again, that it writes
 * nothing to the disk, and that the site it then serves is, byte for byte and error for error, the
 * one a preview started afresh on the same content serves.
 */
class PreviewSiteTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("SOURCE_DATE_EPOCH", "1795000000");

    @TempDir
    Path temp;
    private Path content;
    private Path templates;
    /** Shared by the previews of one test: its templates are compiled once. */
    private Theme theme;

    @BeforeEach
    void copy() throws IOException {
        content = TestContent.copy("content", temp);
        templates = TestContent.copy("templates", temp);
    }

    @Test
    void bodyEditRendersThatPageAloneAndLeavesListsAndFeedsAsTheyWereButIndexesItsNewWords() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot before = site.snapshot();
        assertTrue(before.errors().isEmpty(), before.errors().toString());

        edit("en/services/heating-points.md", text -> text.replaceFirst("\n## ", "\nA sentence added by the test.\n\n## "));
        PreviewSite.Rebuild rebuild = site.rebuild();

        assertEquals(1, rebuild.pagesRendered());
        PreviewSite.Snapshot after = site.snapshot();
        assertEquals(before.version() + 1, after.version());
        assertTrue(html(after, "en/services/heating-points/index.html").contains("A sentence added by the test."));
        for (String made : new String[]{"en/index.html", "en/services/index.html", "en/feed.xml"}) {
            assertNotNull(before.files().get(made), made);
            assertSame(before.files().get(made), after.files().get(made), made + " is not made again");
        }
        // The search index holds the pages' text: the new words are found at once.
        String word = city.beacon.outputs.SearchKeys.words("sentence").iterator().next();
        assertTrue(!html(before, "en/search-index.js").contains("\"" + word + "\"") && html(after, "en/search-index.js").contains("\"" + word + "\""),
                "the edited text's words in the search index");
        // As in a build: the worker's version is a hash of every file, the edited page's among them.
        assertTrue(!java.util.Arrays.equals(before.files().get("sw.js"), after.files().get("sw.js")), "sw.js has a new version");
        assertSameAsAFreshStart(site);
    }

    @Test
    void titleEditRendersThatPageAndUpdatesTheListsShowingItButKeepsEveryOtherList() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot before = site.snapshot();

        edit("en/info/privacy.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar privacy notice"));
        PreviewSite.Rebuild rebuild = site.rebuild();

        assertEquals(1, rebuild.pagesRendered(), "the page itself: " + rebuild);
        // The six generated pages made every time (the root, 404, and each language's home and offline
        // pages), and the pages of the lists showing it (its section's, the A–Z index's, its topics'): of 133.
        assertTrue(rebuild.listPagesRendered() > 6 && rebuild.listPagesRendered() <= 12, "no other list: " + rebuild);
        PreviewSite.Snapshot after = site.snapshot();
        assertSame(before.files().get("en/services/index.html"), after.files().get("en/services/index.html"), "a list without the page is kept");
        assertTrue(!html(before, "en/services/index.html").contains("privacy"), "the kept list does not show the page");
        assertTrue(html(after, "en/info/privacy/index.html").contains("Zanzibar privacy notice"));
        assertTrue(html(after, "en/info/index.html").contains("Zanzibar privacy notice"), "the section's list");
        assertTrue(html(after, "en/search-index.js").contains("Zanzibar privacy notice"));
        assertSameAsAFreshStart(site);
    }

    @Test
    void buildsInMemoryWriteNothingBesideTheContent() throws IOException {
        List<Path> before = listed(temp);
        PreviewSite site = started();
        edit("en/info/about.md", text -> text + "\nA line added by the test.\n");
        site.rebuild();

        assertTrue(html(site.snapshot(), "en/info/about/index.html").contains("A line added by the test."));
        List<Path> after = listed(temp);
        after.removeIf(path -> path.startsWith(temp.resolve("classes"))); // the theme's compiled templates
        assertEquals(before, after, "no output folder, cache, lock or staging folder is written");
    }

    @Test
    void aFailedBuildKeepsServingTheLastGoodSiteWithItsErrors() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot good = site.snapshot();
        String original = edit("en/info/about.md", text -> text.replaceFirst("\ntitle: ", "\ntitle: \"unclosed "));

        site.rebuild();
        assertSame(good.files(), site.snapshot().files(), "the site as the last build that published left it");
        assertTrue(site.snapshot().errors().stream().anyMatch(p -> p.file().endsWith("en/info/about.md") && p.line() == 2),
                site.snapshot().errors().toString());

        Files.writeString(content.resolve("en/info/about.md"), original);
        site.rebuild();
        assertTrue(site.snapshot().errors().isEmpty(), site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return new java.util.ArrayList<>(walk.sorted().toList());
        }
    }

    @Test
    void headingRenamedInABodyEditIsReportedOnThePageLinkingToIt() throws IOException {
        PreviewSite site = started();
        // en/services/idp-living-allowance.md links to idp-registration.md#what-to-bring.
        String original = edit("en/services/idp-registration.md", text -> text.replace("\n## What to bring\n", "\n## Things to bring\n"));
        assertEquals(1, site.rebuild().pagesRendered());

        Problem broken = site.snapshot().errors().stream().findFirst().orElseThrow();
        assertTrue(broken.file().endsWith("en/services/idp-living-allowance.md"), broken.format());
        assertTrue(broken.message().contains("points to a heading that does not exist"), broken.format());
        assertSameAsAFreshStart(site);

        Files.writeString(content.resolve("en/services/idp-registration.md"), original);
        site.rebuild();
        assertTrue(site.snapshot().errors().isEmpty(), site.snapshot().errors().toString());
    }

    @Test
    void brokenLinkAddedInABodyEditIsShownAndItsFixClearsIt() throws IOException {
        PreviewSite site = started();
        String original = edit("en/info/about.md", text -> text + "\nSee [the old page](no-such-page.md).\n");
        site.rebuild();

        assertTrue(site.snapshot().errors().stream().anyMatch(p -> p.file().endsWith("en/info/about.md")),
                site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);

        Files.writeString(content.resolve("en/info/about.md"), original);
        site.rebuild();
        assertTrue(site.snapshot().errors().isEmpty(), site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);
    }

    @Test
    void frontMatterEditsOfOnePageUpdateTheListsAndWholeSiteFilesAsAFreshStartMakesThem() throws IOException {
        paginated();
        PreviewSite site = started();
        String page = "en/services/heating-points.md";
        List<UnaryOperator<String>> edits = List.of(
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar heating points"), // another letter, the end of its lists
                text -> text.replaceFirst("\ncategory: [^\n]*", "\ncategory: housing"), // out of one category, into another
                text -> text.replaceFirst("\ntags: [^\n]*", "\ntags: [numbat, power, power]"), // a new topic; two left
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Aardvark heating points\nweight: 5"), // first A–Z, last elsewhere
                text -> text.replaceFirst("\nweight: 5", ""), // first everywhere
                text -> text.replaceFirst("\nupdated: [^\n]*", "\nupdated: 2026-11-17"), // the newest in the feed
                text -> text.replaceFirst("\nsummary: [^\n]*", "\nsummary: Warm rooms, tea and power banks."),
                text -> text.replaceFirst("\ntags: [^\n]*", "\ntags: [power]"), // the new topic gone again
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: 1000 heating points\ndraft: true"));
        for (UnaryOperator<String> change : edits) assertEditServedAsAFreshStart(site, page, change);
        assertEditServedAsAFreshStart(site, page, text -> text.replaceFirst("\n## ", "\nA sentence added by the test.\n\n## "));
    }

    @Test
    void frontMatterEditsOfAPageInOneLanguageUpdateTheOtherLanguagesListsToo() throws IOException {
        paginated();
        PreviewSite site = started();
        String page = "uk/dovidka/dlia-volonteriv.md"; // only in Ukrainian: listed in English too, marked so
        for (UnaryOperator<String> change : List.<UnaryOperator<String>>of(
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Ящірки і волонтери"),
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zebra volunteers\nweight: 2"),
                text -> text.replaceFirst("\ntitle: [^\n]*\nweight: 2", "\ntitle: Aardvark volunteers"), // first by title, still after English pages
                text -> text.replaceFirst("\ntags: [^\n]*", "\ntags: [волонтерство]"))) {
            assertEditServedAsAFreshStart(site, page, change);
        }
    }

    @Test
    void editsThatReachOtherPagesRebuildTheSiteAsAFreshStartMakesIt() throws IOException {
        paginated();
        PreviewSite site = started();
        record Edit(String page, UnaryOperator<String> change) {
        }
        for (Edit edit : List.of(
                // Its address: every link to it.
                new Edit("en/info/about.md", text -> text.replaceFirst("\ntitle:", "\nslug: about-us\ntitle:")),
                // Its translation: the page it names shows it now.
                new Edit("en/info/privacy.md", text -> text.replaceFirst("\ntitle:", "\ntranslation: uk/dovidka/dlia-volonteriv.md\ntitle:")),
                // A second claim on that translation: the first page in reading order has it.
                new Edit("en/info/offline.md", text -> text.replaceFirst("\ntitle:", "\ntranslation: uk/dovidka/dlia-volonteriv.md\ntitle:")),
                // The claims' order changes with a title: which page has that translation may too.
                new Edit("en/info/privacy.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Aardvark privacy")),
                // An alert comes into force (its banner is on every page), then its title changes.
                new Edit("en/alerts/winter-power-outages.md", text -> text.replaceFirst("\nstarts: [^\n]*", "\nstarts: 2026-11-01")),
                new Edit("en/alerts/winter-power-outages.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Outages all winter")))) {
            assertEditServedAsAFreshStart(site, edit.page(), edit.change());
        }
    }

    @Test
    void anAlertOutOfForceEditedStaysOnNoPage() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot before = site.snapshot();
        edit("en/alerts/water-shutdown-june-2027.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Water off for a day"));

        PreviewSite.Rebuild rebuild = site.rebuild();

        assertEquals(0, rebuild.pagesRendered());
        assertSame(before.files(), site.snapshot().files());
        assertSameAsAFreshStart(site);
    }

    @Test
    void pagesAddedAndRemovedAreServedAsAFreshStartServesThem() throws IOException {
        paginated();
        PreviewSite site = started();
        Files.writeString(content.resolve("en/info/numbats.md"), "---\ntitle: Numbats\nsummary: A new page.\ntags: [numbat]\n---\n\nText.\n");
        site.rebuild();
        assertTrue(html(site.snapshot(), "en/info/numbats/index.html").contains("Numbats"));
        assertSameAsAFreshStart(site);

        Files.delete(content.resolve("en/info/numbats.md"));
        site.rebuild();
        assertNull(site.snapshot().files().get("en/info/numbats/index.html"));
        assertNull(site.snapshot().files().get("en/tags/numbat/index.html"), "its topic is gone with it");
        assertSameAsAFreshStart(site);

        // Pages link to the privacy notice: removed, they are errors, as in a build.
        Files.delete(content.resolve("en/info/privacy.md"));
        site.rebuild();
        assertTrue(site.snapshot().errors().stream().anyMatch(p -> p.message().contains("privacy.md")), site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);
    }

    /** Saves {@code change} to {@code page}; the rebuild serves what a fresh start serves. */
    private void assertEditServedAsAFreshStart(PreviewSite site, String page, UnaryOperator<String> change) throws IOException {
        edit(page, change);
        site.rebuild();
        assertSameAsAFreshStart(site);
    }

    /** Lists of three entries a page, and two per section on the home page: every list runs over pages, the A–Z index splits by letter. */
    private void paginated() throws IOException {
        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "paginate: 3\nhome_entries: 2\n");
    }

    private PreviewSite started() throws IOException {
        if (theme == null) theme = Theme.directory(templates, temp.resolve("classes"));
        PreviewSite site = new PreviewSite(content, theme, ENVIRONMENT);
        site.rebuild();
        return site;
    }

    /** Rewrites the page file at {@code relative} with {@code change}; returns its text before. */
    private String edit(String relative, UnaryOperator<String> change) throws IOException {
        Path file = content.resolve(relative);
        String original = Files.readString(file);
        String changed = change.apply(original);
        assertTrue(!changed.equals(original), "the test's edit changes " + relative);
        Files.writeString(file, changed);
        return original;
    }

    /**
     * The preview serves what a preview started afresh on the same content serves: the same findings,
     * and, when they let the site publish, the same files; while they do not, the server shows the
     * errors in place of the pages.
     */
    private void assertSameAsAFreshStart(PreviewSite site) throws IOException {
        PreviewSite.Snapshot fresh = started().snapshot();
        PreviewSite.Snapshot edited = site.snapshot();
        assertEquals(fresh.findings(), edited.findings());
        if (!fresh.errors().isEmpty()) return;
        Map<String, byte[]> expected = fresh.files();
        Map<String, byte[]> actual = edited.files();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((address, file) -> assertArrayEquals(file, actual.get(address), address));
    }

    private static String html(PreviewSite.Snapshot snapshot, String address) {
        byte[] file = snapshot.files().get(address);
        assertNotNull(file, address);
        return new String(file, StandardCharsets.UTF_8);
    }
}
