package city.beacon.render;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SiteModel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 404 page is served at any depth, so with a known public address its links are absolute. */
class NotFoundPageTest {

    private static Document notFound(String baseUrl) {
        Problems problems = new Problems();
        Site site = SiteModel.build(Fixtures.config(), List.of(), List.of(), new SiteData(List.of(), List.of(), List.of()),
                List.of(), Instant.parse("2026-11-25T10:00:00Z"), false, problems).withBaseUrl(baseUrl);
        Theme theme = Theme.bundled();
        SiteRenderer renderer = new SiteRenderer(site, theme.templates(), theme.texts(site.config().languageCodes(), problems),
                theme.inlineStylesheet());
        String html = renderer.generatedPages().stream().filter(g -> g.url().equals("404.html")).findFirst()
                .orElseThrow().html();
        return Jsoup.parse(html);
    }

    @Test
    void withABaseUrlEveryLinkOfThe404PageIsAbsolute() {
        Document page = notFound("https://kyiv.example.org/portal/");
        List<String> hrefs = page.select("a[href]").eachAttr("href").stream()
                .filter(h -> !h.startsWith("tel:") && !h.startsWith("#")).toList();
        assertTrue(hrefs.contains("https://kyiv.example.org/portal/uk/"), hrefs.toString());
        hrefs.forEach(h -> assertTrue(h.startsWith("https://kyiv.example.org/portal/"), h));
    }

    @Test
    void withoutABaseUrlThe404PageLinksFromTheServersRootAndItsFormToo() {
        Document page = notFound(null);
        assertEquals(List.of("/uk/", "/en/"), page.select("main a[hreflang]").eachAttr("href"));
        assertEquals("/uk/a-ya/", page.selectFirst("form.search").attr("action"));
        List<String> hrefs = page.select("a[href]").eachAttr("href").stream()
                .filter(h -> !h.startsWith("tel:") && !h.startsWith("#") && !h.startsWith("https:")).toList();
        hrefs.forEach(h -> assertTrue(h.startsWith("/"), h));
        assertEquals("uk|en", page.selectFirst("main script").attr("data-languages"), "the script that moves them under a sub-path");
    }

    @Test
    void withABaseUrlTheSearchFormNamesThePathOnTheSitesServerAndNoScriptIsNeeded() {
        Document page = notFound("https://kyiv.example.org/portal/");
        assertEquals("/portal/uk/a-ya/", page.selectFirst("form.search").attr("action"));
        assertEquals(0, page.select("script").size());
    }
}
