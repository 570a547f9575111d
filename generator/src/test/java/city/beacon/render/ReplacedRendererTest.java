package city.beacon.render;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.model.Replacement;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renderer for a site with one page replaced, made from the last one's lists, renders what one made afresh renders. */
class ReplacedRendererTest {
    /** The winter outages alert is in force: its banner is on every page. */
    private static final Instant BUILD_TIME = Instant.parse("2026-11-30T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aReplacedRendererMakesTheListsAFreshOneMakes() throws IOException {
        Path content = TestContent.copy("content", dir);
        Files.writeString(content.resolve("site.yaml"), Files.readString(content.resolve("site.yaml")) + "paginate: 4\nhome_entries: 2\n");
        Theme theme = Theme.bundled();
        Site site = site(content);
        Alphabets alphabets = new Alphabets();
        SiteRenderer renderer = new SiteRenderer(site, theme.templates(), theme.texts(site.config().languageCodes(), new Problems()),
                theme.inlineStylesheet(), List.of(), alphabets);
        record Edit(String page, UnaryOperator<String> change) {
        }
        for (Edit edit : List.of(
                new Edit("en/alerts/winter-power-outages.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Outages all winter")),
                new Edit("en/services/heating-points.md", text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar heating points")),
                new Edit("en/services/heating-points.md", text -> text.replaceFirst("\ncategory: [^\n]*", "\ncategory: documents")),
                new Edit("uk/dovidka/dlia-volonteriv.md", text -> text.replaceFirst("\ntags: [^\n]*", "\ntags: [нове]\nweight: 1")))) {
            Path file = content.resolve(edit.page());
            Files.writeString(file, edit.change().apply(Files.readString(file)));
            Site edited = site(content);
            Replacement replacement = SiteModel.replace(site, site.bySource().get(edit.page()), edited.bySource().get(edit.page()), false)
                    .orElseThrow();
            renderer = renderer.replaced(replacement);
            SiteRenderer fresh = new SiteRenderer(edited, theme.templates(), theme.texts(site.config().languageCodes(), new Problems()),
                    theme.inlineStylesheet(), List.of(), alphabets);

            Map<String, String> made = pages(renderer);
            assertEquals(pages(fresh), made, edit.page());
            assertTrue(made.get("en/").contains("Outages all winter"), "the alert's banner");
            site = replacement.site();
        }
    }

    private static Map<String, String> pages(SiteRenderer renderer) {
        Map<String, String> pages = new TreeMap<>();
        renderer.generatedPages().forEach(g -> pages.put(g.url(), g.html()));
        return pages;
    }

    private static Site site(Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader.Content loaded = new ContentLoader(content).load(problems).orElseThrow();
        List<city.beacon.model.Page> facts = loaded.pages().stream().map(city.beacon.model.Page::withoutBody).toList();
        return SiteModel.build(loaded.config(), facts, loaded.pageFiles(), loaded.data(), loaded.staticFiles(), BUILD_TIME, false, problems);
    }
}
