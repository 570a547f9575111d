package city.beacon.outputs;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds, sitemap, robots.txt, open data, JSON-LD and the service worker of the sample portal. */
class SiteOutputsTest {
    private static final String BASE = "https://kyiv.example.org/guide/";
    private static Path withBase;
    private static Path withoutBase;

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws IOException {
        withBase = build(dir.resolve("a"), BASE);
        withoutBase = build(dir.resolve("b"), null);
    }

    private static Path build(Path out, String base) throws IOException {
        Path content = Path.of(System.getProperty("beacon.repo", "..")).resolve("content");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795996800"), base)).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        assertTrue(result.notes().get(0).startsWith("Page weight (gzip, HTML + CSS): heaviest "), result.notes().toString());
        return out;
    }

    private static String read(Path root, String file) throws IOException {
        return Files.readString(root.resolve(file));
    }

    @Test
    void sitemapListsAbsoluteAddressesWithHreflangAlternates() throws Exception {
        String sitemap = read(withBase, "sitemap.xml");
        assertTrue(sitemap.contains("<url><loc>" + BASE + "en/services/replacing-passport/</loc><lastmod>"), sitemap);
        assertTrue(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"" + BASE + "uk/poslugy/vidnovlennia-pasporta/\"/>"));
        assertEquals("User-agent: *\nDisallow:\nSitemap: " + BASE + "sitemap.xml\n", read(withBase, "robots.txt"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(withBase.resolve("sitemap.xml").toFile());
    }

    @Test
    void sitemapListsThePlacesPagesWithTheirOtherLanguage() throws Exception {
        String sitemap = read(withBase, "sitemap.xml");
        String place = "<url><loc>" + BASE + "uk/mistsia/punkty-nezlamnosti/heating-podilskyi-1/</loc>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + BASE + "en/places/heating/heating-podilskyi-1/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"" + BASE + "uk/mistsia/punkty-nezlamnosti/heating-podilskyi-1/\"/></url>";
        assertTrue(sitemap.contains(place), sitemap);
        for (String list : List.of("en/places/", "uk/mistsia/", "en/places/districts/podilskyi/", "uk/mistsia/raiony/podilskyi/punkty-nezlamnosti/")) {
            assertTrue(sitemap.contains("<url><loc>" + BASE + list + "</loc>"), list);
        }
    }

    @Test
    void withoutABaseUrlThereIsNoSitemapAndFeedsLinkRelatively() throws IOException {
        assertFalse(Files.exists(withoutBase.resolve("sitemap.xml")));
        assertEquals("User-agent: *\nDisallow:\n", read(withoutBase, "robots.txt"));
        String feed = read(withoutBase, "en/feed.xml");
        assertTrue(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"services/replacing-passport/\"/>"), feed);
        assertFalse(feed.contains("https://kyiv"), feed);
    }

    @Test
    void atomFeedHasAlertsAndUpdatedPagesWithDatesFromTheContent() throws Exception {
        String feed = read(withBase, "en/feed.xml");
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(withBase.resolve("en/feed.xml").toFile());
        assertEquals("feed", xml.getDocumentElement().getTagName());
        assertTrue(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"" + BASE + "en/services/replacing-passport/\"/>"));
        assertTrue(feed.contains("<category term=\"alert\"/>"), "active alerts are in the feed");
        assertTrue(feed.contains("<updated>2026-"), "dates come from the content");
        assertEquals(feed.replace(BASE + "en/", ""), read(withoutBase, "en/feed.xml").replace("../en/", "")
                .replace("href=\"./\"", "href=\"\""), "ids and dates do not depend on the base URL");
    }

    @Test
    void openDataListsServicesAndSupportWithTheDocumentedFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode services = json.readTree(read(withBase, "uk/api/services.json"));
        assertEquals("beacon-services/1", services.get("schema").asText());
        assertEquals("uk", services.get("language").asText());
        JsonNode passport = null;
        for (JsonNode s : services.get("services")) if (s.get("id").asText().equals("vidnovlennia-pasporta")) passport = s;
        assertEquals("uk/poslugy/vidnovlennia-pasporta/", passport.get("url").asText());
        assertEquals(BASE + "uk/poslugy/vidnovlennia-pasporta/", passport.get("href").asText());
        assertEquals("documents", passport.get("category").get("id").asText());
        assertTrue(passport.get("steps").size() > 2);
        assertEquals("en/services/replacing-passport/", passport.get("translation").asText());
        JsonNode support = json.readTree(read(withBase, "en/api/support.json"));
        assertEquals("beacon-support/1", support.get("schema").asText());
        JsonNode firstPhone = support.get("support").get(0).get("phones").get(0);
        assertTrue(firstPhone.get("tel").asText().startsWith("tel:"), firstPhone.toString());
    }

    @Test
    void theJsonFilesAreWhatJacksonWritesForTheirContent() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String lang : new String[] {"uk", "en"}) {
            String script = read(withBase, lang + "/search-index.js");
            assertTrue(script.startsWith("beaconSearch(") && script.endsWith(");\n"), "a script handing the index to beacon.js");
            String index = script.substring("beaconSearch(".length(), script.length() - ");\n".length());
            assertEquals(json.writeValueAsString(json.readTree(index)), index, lang + "/search-index.js");
            for (String name : new String[] {"services", "support"}) {
                String data = read(withBase, lang + "/api/" + name + ".json");
                assertTrue(json.readTree(data).get(name).size() > 2, lang + " " + name);
                assertEquals(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(data)) + "\n", data, lang + " " + name);
            }
        }
    }

    @Test
    void servicePagesCarryGovernmentServiceJsonLd() throws IOException {
        String page = read(withBase, "en/services/replacing-passport/index.html");
        String script = page.substring(page.indexOf("<script type=\"application/ld+json\">") + 35);
        JsonNode ld = new ObjectMapper().readTree(script.substring(0, script.indexOf("</script>")));
        assertEquals("GovernmentService", ld.get("@type").asText());
        assertEquals("Replacing a lost passport or ID card", ld.get("name").asText());
        assertEquals(BASE + "en/services/replacing-passport/", ld.get("url").asText());
        assertEquals("https://example.org/passport-queue", ld.get("availableChannel").get(0).get("serviceUrl").asText());
        assertFalse(read(withBase, "en/support/mental-health-hotline/index.html").contains("application/ld+json"));
    }

    @Test
    void buildsOfTheSameContentAreByteIdenticalAndTheWorkerIsVersionedByContent() throws IOException {
        Path again = build(dir.resolve("c"), BASE);
        try (Stream<Path> files = Files.walk(withBase)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again.resolve(withBase.relativize(file))), file.toString());
            }
        }
        String worker = read(withBase, "sw.js");
        assertTrue(worker.matches("(?s).*var VERSION = '[0-9a-f]{16}'.*"), worker);
        assertTrue(worker.contains("\"uk/pidtrymka/\""), "the support section is precached");
        assertFalse(worker.contains("\"uk/pidtrymka/domashnie-nasylstvo/\""), "pages are kept when opened, not listed in the worker");
        assertNotEquals(workerVersion(withBase), workerVersion(withoutBase), "different files, different version");
        assertEquals(workerVersion(withBase), workerVersion(again));
    }

    private static String workerVersion(Path site) throws IOException {
        return read(site, "sw.js").replaceAll("(?s).*var VERSION = '([0-9a-f]{16})'.*", "$1");
    }
}
