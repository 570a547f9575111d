package city.beacon.build;

import city.beacon.Fixtures;
import city.beacon.render.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the bundled sample portal (content/) and checks every page of the result as a resident's browser would. */
class SiteBuilderTest {
    /** 25 November 2026, 12:00 in Kyiv: the winter power-outage alert is active. */
    static final Map<String, String> ENVIRONMENT = Map.of("SOURCE_DATE_EPOCH", "1795600800");

    @TempDir
    static Path temp;
    static Path out;
    static SiteBuilder.Result result;
    /** Every generated HTML file, by its path relative to the output folder. */
    static final Map<String, Document> PAGES = new TreeMap<>();

    @BeforeAll
    static void buildTheSamplePortal() throws IOException {
        out = temp.resolve("public");
        result = build(Fixtures.repo().resolve("content"), out);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                PAGES.put(relative(file), Jsoup.parse(file.toFile(), "UTF-8"));
            }
        }
    }

    static SiteBuilder.Result build(Path content, Path out) throws IOException {
        return new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), ENVIRONMENT)).build();
    }

    private static String relative(Path file) {
        return out.relativize(file).toString().replace('\\', '/');
    }

    /** The file an href written in {@code page} leads to, as the browser resolves it; null for links leaving the site. */
    private static Path target(String page, String href) {
        String path = href.replaceFirst("[#?].*$", "");
        if (path.isEmpty()) return out.resolve(page);
        String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8);
        // the 404 page is served at any depth: its links start at the site's root (/uk/); no other page's may
        if (page.equals("404.html") && decoded.startsWith("/")) decoded = decoded.length() == 1 ? "./" : decoded.substring(1);
        Path file = out.resolve(page).getParent().resolve(decoded).normalize();
        return decoded.endsWith("/") || Files.isDirectory(file) ? file.resolve("index.html") : file;
    }

    private static boolean isExternal(String href) {
        return href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || href.startsWith("//");
    }

    @Test
    void theSamplePortalBuildsWithoutErrors() {
        assertTrue(result.published(), () -> Fixtures.lines(result.problems()).toString());
        assertEquals(0, result.problems().errorCount(), () -> Fixtures.lines(result.problems()).toString());
        assertTrue(result.pagesPerLanguage().get("uk") >= 20 + 5, result.pagesPerLanguage().toString());
        assertTrue(result.pagesPerLanguage().get("en") >= 20 + 5, result.pagesPerLanguage().toString());
        assertTrue(PAGES.size() > 100, "pages: " + PAGES.size());
    }

    @Test
    void everyPageHasLanguageTitleOneHeadingViewportAndSkipLink() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((file, doc) -> {
            if (doc.selectFirst("html").attr("lang").isBlank()) wrong.add(file + ": no html[lang]");
            if (doc.title().isBlank()) wrong.add(file + ": empty title");
            if (doc.select("h1").size() != 1) wrong.add(file + ": " + doc.select("h1").size() + " h1");
            if (doc.select("meta[name=viewport]").size() != 1) wrong.add(file + ": no meta viewport");
            Element skip = doc.selectFirst("body > a.skip");
            if (skip == null || doc.getElementById(skip.attr("href").substring(1)) == null) wrong.add(file + ": no working skip link");
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void idsAreUniqueOnEveryPage() {
        List<String> twice = new ArrayList<>();
        PAGES.forEach((file, doc) -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String id : doc.select("[id]").eachAttr("id")) if (!seen.add(id)) twice.add(file + ": #" + id);
        });
        assertEquals(List.of(), twice);
    }

    @Test
    void everyPageButTheHomesHasABreadcrumb() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((file, doc) -> {
            boolean home = file.equals("index.html") || file.equals("404.html") || file.matches("[a-z]{2}/index.html");
            if (home != doc.select("nav.crumbs a").isEmpty()) {
                wrong.add(file + (home ? ": a breadcrumb on a home page" : ": no breadcrumb"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPageHasALanguageSwitcherThatLeadsToAGeneratedPage() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((file, doc) -> {
            List<Element> links = doc.select("nav.langs a[hreflang]");
            if (links.isEmpty()) wrong.add(file + ": no language switcher");
            for (Element link : links) {
                if (link.attr("hreflang").equals(doc.selectFirst("html").attr("lang"))) wrong.add(file + ": switches to its own language");
                if (!Files.isRegularFile(target(file, link.attr("href")))) wrong.add(file + ": switcher -> " + link.attr("href"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyInternalLinkAndAssetResolvesToAGeneratedFile() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Document> page : PAGES.entrySet()) {
            for (Element element : page.getValue().select("[href], [src]")) {
                String ref = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (isExternal(ref)) continue;
                checked++;
                Path file = target(page.getKey(), ref);
                if (!file.startsWith(out) || !Files.isRegularFile(file)) broken.add(page.getKey() + " -> " + ref);
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 2000, "internal links checked: " + checked);
    }

    @Test
    void linksToHeadingsOnOtherPagesFindTheirHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Document> page : PAGES.entrySet()) {
            for (Element link : page.getValue().select("main a[href*=#]")) {
                String href = link.attr("href");
                if (isExternal(href)) continue;
                String id = URLDecoder.decode(href.substring(href.indexOf('#') + 1), StandardCharsets.UTF_8);
                Document target = PAGES.get(relative(target(page.getKey(), href)));
                if (target == null || target.getElementById(id) == null) broken.add(page.getKey() + " -> " + href);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noPageLoadsAnythingFromAnotherOrigin() {
        List<String> remote = new ArrayList<>();
        PAGES.forEach((file, doc) -> {
            for (Element element : doc.select("script, link[href], img, iframe, frame, embed, object, source, video, audio, track, input[src]")) {
                String ref = element.hasAttr("src") ? element.attr("src") : element.hasAttr("href") ? element.attr("href") : element.attr("data");
                // scripts are the site's own (a relative src) or JSON-LD data; data: URIs load nothing
                if (element.tagName().equals("iframe") || isExternal(ref) && !ref.startsWith("data:")) {
                    remote.add(file + ": " + element.outerHtml());
                }
            }
            String css = doc.select("style").html() + String.join(" ", doc.select("[style]").eachAttr("style"));
            if (css.contains("url(") || css.contains("@import")) remote.add(file + ": CSS that loads a file");
        });
        assertEquals(List.of(), remote);
    }

    @Test
    void theStylesheetLoadsNothingElse() throws IOException {
        String css = Files.readString(out.resolve("assets/beacon.css"));
        assertFalse(css.contains("url(") || css.contains("@import"), "assets/beacon.css loads another file");
    }

    @Test
    void everyPageShowsTheEmergencyNumber112() {
        List<String> missing = PAGES.entrySet().stream()
                .filter(e -> e.getValue().select("a[href=tel:112]").isEmpty()).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void rootOffersBothLanguagesAndThereIsA404Page() {
        Document root = PAGES.get("index.html");
        assertEquals(List.of("uk/", "en/"), root.select("main a").eachAttr("href"));
        assertTrue(root.select("meta[http-equiv=refresh], script").isEmpty());
        assertTrue(PAGES.containsKey("404.html"));
    }

    @Test
    void cyrillicFileNameGivesATransliteratedFolder() {
        assertTrue(PAGES.containsKey("uk/poslugy/humanitarna-dopomoha/index.html"), PAGES.keySet().toString());
        assertFalse(PAGES.keySet().stream().anyMatch(p -> !p.matches("[a-z0-9./-]+")),
                "every output path is plain Latin: " + PAGES.keySet().stream().filter(p -> !p.matches("[a-z0-9./-]+")).toList());
    }

    @Test
    void activeAlertIsABannerOnEveryPageOfItsLanguage() {
        Document page = PAGES.get("en/services/heating-points/index.html");
        assertEquals("Scheduled power outages in winter 2026–2027", page.selectFirst("div.alert a").text());
        assertFalse(PAGES.containsKey("en/alerts/water-shutdown-june-2027/index.html"), "a future alert is not published");
    }

    @Test
    void servicePageInTheSamplePortalShowsItsFacts() {
        Document page = PAGES.get("en/services/damaged-housing-compensation/index.html");
        assertFalse(page.select("ul.checklist li").isEmpty());
        assertFalse(page.select("ul.places a[href^=tel:+380]").isEmpty());
        assertEquals("../../../uk/poslugy/kompensatsiia-za-poshkodzhene-zhytlo/", page.selectFirst("nav.langs a[hreflang=uk]").attr("href"));
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical() throws IOException {
        Path again = temp.resolve("again");
        build(Fixtures.repo().resolve("content"), again);
        List<String> different = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path twin = again.resolve(out.relativize(file));
                if (!Files.exists(twin) || Files.mismatch(file, twin) != -1) different.add(relative(file));
            }
        }
        assertEquals(List.of(), different);
    }
}
