package city.beacon;

import city.beacon.build.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole sites under src/test/resources/sites/: a tiny valid one and a broken one. */
class SiteFixturesTest {
    @TempDir
    Path temp;

    static Path site(String name) {
        try {
            return Path.of(SiteFixturesTest.class.getResource("/sites/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The findings of a build, with the fixture's folder shown as "content" as an editor would see it. */
    private static List<String> findings(SiteBuilder.Result result, Path content) {
        return Fixtures.lines(result.problems()).stream().map(l -> l.replace(content.normalize().toString(), "content")).toList();
    }

    @Test
    void tinySiteBuildsEveryPageWithRewrittenLinks() throws IOException {
        Path out = temp.resolve("public");
        SiteBuilder.Result result = build(site("tiny"), out);
        assertEquals(List.of(), findings(result, site("tiny")));
        assertTrue(result.published());
        assertEquals("{en=2, uk=2}", result.pagesPerLanguage().toString());

        Document about = Jsoup.parse(out.resolve("uk/dovidka/pro/index.html").toFile());
        assertEquals("../../poslugy/pasport/#що-взяти", about.selectFirst("main p a").attr("href"));
        Document passport = Jsoup.parse(out.resolve("uk/poslugy/pasport/index.html").toFile());
        assertEquals("Що взяти", passport.getElementById("що-взяти").text());
        assertEquals("../../../en/services/passport/", passport.selectFirst("nav.langs a[hreflang=en]").attr("href"));
        Document english = Jsoup.parse(out.resolve("en/info/pro/index.html").toFile());
        assertEquals("../../services/passport/", english.selectFirst("main p a").attr("href"));
        for (String file : List.of("index.html", "404.html", "uk/index.html", "en/index.html", "uk/poslugy/index.html",
                "en/services/index.html", "uk/katehorii/dokumenty/index.html", "en/categories/documents/index.html",
                "uk/a-ya/index.html", "en/a-z/index.html", "assets/beacon.css")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(result.summary(out).matches("Built 2 pages in en, 2 pages in uk, \\d+ files \\(\\d+ KiB\\) in \\d+ ms -> .*public"),
                result.summary(out));
    }

    @Test
    void brokenSiteReportsEveryMistakeAndPublishesNothing() throws IOException {
        Path out = temp.resolve("public");
        SiteBuilder.Result result = build(site("broken"), out);
        assertFalse(result.published());
        assertFalse(Files.exists(out), "a failed build publishes nothing");
        try (var left = Files.list(temp)) { // the lock file of the output stays: deleting it would race
            assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().equals(".public.lock")).toList(),
                    "the staging folder is removed");
        }
        assertEquals(List.of(
                "content/uk/dovidka/kontakty.md:3:1: error: unknown field 'sumary'; did you mean 'summary'?",
                "content/uk/dovidka/pro.md: warning: no translation into en; residents reading en see it marked as available in one "
                        + "language only; add the translated file, or a line 'translation: <path>' naming it",
                "content/uk/dovidka/pro.md:4:10: error: the link \"../poslugy/pasprt.md\" points to a page that does not exist; "
                        + "did you mean '../poslugy/pasport.md'?",
                "content/uk/poslugy/pasport.md:4:1: error: field 'category': unknown category \"dokuments\"; did you mean 'documents'?"),
                findings(result, site("broken")));
    }

    private static SiteBuilder.Result build(Path content, Path out) throws IOException {
        return new SiteBuilder(new SiteBuilder.Options(content, out, false, false, city.beacon.render.Theme.bundled(),
                java.util.Map.of("SOURCE_DATE_EPOCH", "1795600800"))).build();
    }
}
