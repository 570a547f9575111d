package city.beacon.serve;

import city.beacon.TestContent;
import city.beacon.check.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one saved page makes the preview render again, and that the site it then serves is, byte
 * for byte and error for error, the one a preview started afresh on the same content serves.
 */
class PreviewSiteTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("SOURCE_DATE_EPOCH", "1795000000");

    @TempDir
    Path temp;
    private Path content;
    private Path templates;
    private int started;

    @BeforeEach
    void copy() throws IOException {
        content = TestContent.copy("content", temp);
        templates = TestContent.copy("templates", temp);
    }

    @Test
    void bodyEditRendersThatPageAloneAndLeavesListsAndWholeSiteFilesAsTheyWere() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot before = site.snapshot();
        assertTrue(before.errors().isEmpty(), before.errors().toString());

        edit("en/services/heating-points.md", text -> text.replaceFirst("\n## ", "\nA sentence added by the test.\n\n## "));
        PreviewSite.Rebuild rebuild = site.reloadPage("en/services/heating-points.md");

        assertEquals(1, rebuild.pagesRendered());
        PreviewSite.Snapshot after = site.snapshot();
        assertEquals(before.version() + 1, after.version());
        assertTrue(html(after, "en/services/heating-points/").contains("A sentence added by the test."));
        for (String made : new String[]{"en/", "en/services/", "en/search.json", "en/feed.xml", "sw.js"}) {
            assertNotNull(before.files().get(made), made);
            assertSame(before.files().get(made), after.files().get(made), made + " is not made again");
        }
        assertSameAsAFreshStart(site);
    }

    @Test
    void titleEditRendersTheListsShowingThePageAndTheSearchIndexButNoOtherList() throws IOException {
        PreviewSite site = started();
        PreviewSite.Snapshot before = site.snapshot();

        edit("en/info/privacy.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar privacy notice"));
        PreviewSite.Rebuild rebuild = site.reloadPage("en/info/privacy.md");

        assertTrue(rebuild.pagesRendered() > 1, "the lists too: " + rebuild);
        PreviewSite.Snapshot after = site.snapshot();
        assertSame(before.files().get("en/services/"), after.files().get("en/services/"), "a list without the page is kept");
        assertTrue(!html(before, "en/services/").contains("privacy"), "the kept list does not show the page");
        assertTrue(html(after, "en/info/privacy/").contains("Zanzibar privacy notice"));
        assertTrue(html(after, "en/info/").contains("Zanzibar privacy notice"), "the section's list");
        assertTrue(html(after, "en/search.json").contains("Zanzibar privacy notice"));
        assertSameAsAFreshStart(site);
    }

    @Test
    void headingRenamedInABodyEditIsReportedOnThePageLinkingToIt() throws IOException {
        PreviewSite site = started();
        // en/services/idp-living-allowance.md links to idp-registration.md#what-to-bring.
        String original = edit("en/services/idp-registration.md", text -> text.replace("\n## What to bring\n", "\n## Things to bring\n"));
        assertEquals(1, site.reloadPage("en/services/idp-registration.md").pagesRendered());

        Problem broken = site.snapshot().errors().stream().findFirst().orElseThrow();
        assertTrue(broken.file().endsWith("en/services/idp-living-allowance.md"), broken.format());
        assertTrue(broken.message().contains("points to a heading that does not exist"), broken.format());
        assertSameAsAFreshStart(site);

        Files.writeString(content.resolve("en/services/idp-registration.md"), original);
        site.reloadPage("en/services/idp-registration.md");
        assertTrue(site.snapshot().errors().isEmpty(), site.snapshot().errors().toString());
    }

    @Test
    void brokenLinkAddedInABodyEditIsShownAndItsFixClearsIt() throws IOException {
        PreviewSite site = started();
        String original = edit("en/info/about.md", text -> text + "\nSee [the old page](no-such-page.md).\n");
        site.reloadPage("en/info/about.md");

        assertTrue(site.snapshot().errors().stream().anyMatch(p -> p.file().endsWith("en/info/about.md")),
                site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);

        Files.writeString(content.resolve("en/info/about.md"), original);
        site.reloadPage("en/info/about.md");
        assertTrue(site.snapshot().errors().isEmpty(), site.snapshot().errors().toString());
        assertSameAsAFreshStart(site);
    }

    private PreviewSite started() throws IOException {
        String name = "preview-" + started++;
        PreviewSite site = new PreviewSite(content, Theme.directory(templates, temp.resolve(name + "-classes")), ENVIRONMENT);
        site.reloadAll();
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

    private void assertSameAsAFreshStart(PreviewSite site) throws IOException {
        PreviewSite.Snapshot fresh = started().snapshot();
        PreviewSite.Snapshot edited = site.snapshot();
        Map<String, byte[]> expected = fresh.files().all();
        Map<String, byte[]> actual = edited.files().all();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((address, file) -> assertArrayEquals(file, actual.get(address), address));
        assertEquals(fresh.errors(), edited.errors());
    }

    private static String html(PreviewSite.Snapshot snapshot, String address) {
        byte[] file = snapshot.files().get(address);
        assertNotNull(file, address);
        return new String(file, StandardCharsets.UTF_8);
    }
}
