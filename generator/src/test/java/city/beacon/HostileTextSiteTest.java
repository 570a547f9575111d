package city.beacon;

import city.beacon.build.SiteBuilder;
import city.beacon.check.CheckRun;
import city.beacon.render.Theme;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, items 6 and 7: a portal whose every text field holds markup, comment openers, '&',
 * U+2028 and U+2029 (all allowed text) builds pages that keep their footer, inline JSON a browser
 * cannot end early, and XML and JSON files that strict parsers read.
 */
class HostileTextSiteTest {
    /** As written in YAML (a double-quoted text): what the browser's script parser and the XML parser are most sensitive to. */
    static final String HOSTILE = "<!--<script> & </script> ]]> \\u2028 \\u2029 <![CDATA[ --> \\\" '";
    static final String HOSTILE_TEXT = "<!--<script> & </script> ]]> \u2028 \u2029 <![CDATA[ --> \" '";

    @TempDir
    static Path dir;
    static Path out;
    static SiteBuilder.Result result;

    private static String q(String label) {
        return "\"" + label + " " + HOSTILE + "\"";
    }

    @BeforeAll
    static void buildAPortalWithHostileTextEverywhere() throws IOException {
        Path content = CheckRun.minimalContent(dir);
        String site = Fixtures.SITE_YAML
                .replace("title: {uk: Тестове місто, en: Test City}", "title: {uk: " + q("Місто") + ", en: " + q("City") + "}")
                .replace("description: {uk: Довідник, en: Guide}", "description: {uk: " + q("Довідник") + ", en: " + q("Guide") + "}")
                .replace("title: {uk: Житло, en: Housing}", "title: {uk: " + q("Житло") + ", en: " + q("Housing") + "}")
                .replace("title: {uk: Послуги, en: Services}", "title: {uk: " + q("Послуги") + ", en: " + q("Services") + "}");
        CheckRun.write(content, "site.yaml", site + "places:\n"
                + "  types: [{id: heating, title: {uk: " + q("Пункти") + ", en: " + q("Points") + "}}]\n"
                + "  districts: [{id: podilskyi, name: {uk: " + q("Поділ") + ", en: " + q("Podil") + "}}]\n"
                + "  bbox: [30.24, 50.21, 30.83, 50.59]\n");
        // The sample's places are replaced by one whose name is the hostile text, quoted as RFC 4180 wants.
        String csvName = "\"" + HOSTILE_TEXT.replace("\"", "\"\"") + "\"";
        CheckRun.write(content, "data/places.csv", "id,type,district,lat,lon,example,name_uk,name_en,address_uk,address_en\n"
                + "p-1,heating,podilskyi,50.46,30.51,true," + csvName + "," + csvName + ",А,A\n");
        Files.deleteIfExists(content.resolve("data/places-status.csv"));
        CheckRun.write(content, "data/emergency.yaml", "- number: \"112\"\n  label: {uk: " + q("Екстрені") + ", en: " + q("Emergency") + "}\n");
        CheckRun.write(content, "data/crisis-lines.yaml", "- number: \"+380 44 000 00 90\"\n  label: {uk: " + q("Лінія")
                + ", en: " + q("Line") + "}\n  hours: {uk: " + q("цілодобово") + ", en: " + q("24/7") + "}\n");
        CheckRun.write(content, "data/mirrors.yaml", "- name: " + q("Mirror") + "\n  url: https://mirror.example.org/beacon/\n"
                + "  location: {uk: " + q("Львів") + ", en: " + q("Lviv") + "}\n");
        for (String lang : List.of("uk", "en")) {
            String folder = lang.equals("uk") ? "poslugy" : "services";
            CheckRun.write(content, lang + "/" + folder + "/obigriv.md", """
                    ---
                    title: %s
                    summary: %s
                    category: housing
                    documents: [%s]
                    steps: [%s]
                    cost: %s
                    processing_time: %s
                    places:
                      - name: %s
                        address: %s
                        hours: %s
                        phone: "+380 44 000 00 05"
                    online: https://example.org/apply
                    updated: 2026-11-01
                    reviewed: 2026-11-02
                    tags: [%s]
                    ---
                    Text <!--<script> & </script>.
                    """.formatted(q("Heating points"), q("Where"), q("Passport"), q("Come"), q("Free"), q("At once"),
                    q("Centre"), q("Street 1"), q("9-18"), q("warmth")));
            CheckRun.write(content, lang + "/" + (lang.equals("uk") ? "pidtrymka" : "support") + "/liniia.md", """
                    ---
                    title: %s
                    summary: %s
                    type: hotline
                    phones:
                      - number: "+380 44 000 00 91"
                        label: %s
                        hours: %s
                    languages: [%s]
                    audience: %s
                    reviewed: 2026-11-02
                    example: true
                    ---
                    Text.
                    """.formatted(q("Line"), q("Talk"), q("Call"), q("Always"), q("Ukrainian"), q("Everyone")));
            CheckRun.write(content, lang + "/" + (lang.equals("uk") ? "dovidka" : "info") + "/about.md",
                    "---\ntitle: " + q("About") + "\nexample: true\n---\nText.\n");
            CheckRun.write(content, lang + "/" + (lang.equals("uk") ? "opovishchennia" : "alerts") + "/vidkliuchennia.md",
                    "---\ntitle: " + q("Outage") + "\nsummary: " + q("Power") + "\nseverity: warning\nstarts: 2026-11-01\n"
                            + "expires: 2026-12-31\nexample: true\n---\nText.\n");
        }
        out = dir.resolve("public");
        result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795600800"), "https://kyiv.example.org/")).build();
        assertTrue(result.published(), () -> Fixtures.lines(result.problems()).toString());
    }

    private static List<Path> files(String... endings) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(endings).anyMatch(e -> f.getFileName().toString().endsWith(e))).sorted().toList();
        }
    }

    @Test
    void everyPageKeepsItsFooterAndItsInlineJsonCannotEndTheScriptEarly() throws IOException {
        List<Path> pages = files(".html");
        assertTrue(pages.size() > 20, pages.toString());
        int scripts = 0;
        for (Path page : pages) {
            String html = Files.readString(page);
            Document doc = Jsoup.parse(html);
            assertEquals(1, doc.select("body > footer").size(), () -> "no footer in " + out.relativize(page));
            for (Element script : doc.select("script[type=application/ld+json]")) {
                scripts++;
                String json = script.data();
                for (String raw : List.of("<", ">", "&", "\u2028", "\u2029")) {
                    assertFalse(json.contains(raw), () -> "raw " + raw + " in the JSON-LD of " + out.relativize(page) + ": " + json);
                }
                JsonNode data = new ObjectMapper().readTree(json);
                assertTrue(data.get("name").asText().endsWith(HOSTILE_TEXT), data.toString());
            }
        }
        assertEquals(2, scripts, "one service page per language");
    }

    @Test
    void charactersXmlCannotHoldFailTheBuildWithTheirLineInsteadOfWritingABrokenFeed() throws IOException {
        Path bad = dir.resolve("bad");
        Path content = CheckRun.minimalContent(bad);
        CheckRun.write(content, "uk/dovidka/about.md", "---\ntitle: \"Про\\x0b нас\"\nsummary: \"Опис\\x01\"\nexample: true\n---\nТекст\n");
        CheckRun.write(content, "en/info/about.md", "---\ntitle: \"About \\uFFFE us\"\nexample: true\n---\nText\n");
        Path badOut = bad.resolve("public");
        SiteBuilder.Result built = new SiteBuilder(new SiteBuilder.Options(content, badOut, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795600800"), "https://kyiv.example.org/")).build();
        String suggestion = "breaks the feeds; delete it (retype the text if it was pasted)";
        assertEquals(List.of(
                "content/en/info/about.md:2:1: error: field 'title': contains U+FFFE, which is not a character and " + suggestion,
                "content/uk/dovidka/about.md:2:1: error: field 'title': contains the control character U+000B, which cannot be shown and " + suggestion,
                "content/uk/dovidka/about.md:3:1: error: field 'summary': contains the control character U+0001, which cannot be shown and " + suggestion),
                Fixtures.lines(built.problems()).stream().map(l -> l.replace(bad + "/", "")).filter(l -> l.contains("error")).toList());
        assertFalse(built.published());
        assertFalse(Files.exists(badOut.resolve("uk/feed.xml")));
    }

    @Test
    void everyXmlAndJsonOutputParsesStrictly() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<String> checked = new ArrayList<>();
        for (Path xml : files(".xml")) {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            builder.parse(xml.toFile());
            checked.add(out.relativize(xml).toString());
        }
        ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        for (Path json : files(".json", ".webmanifest", ".geojson")) {
            strict.readTree(json.toFile());
            checked.add(out.relativize(json).toString());
        }
        for (Path index : files("search-index.js")) { // beaconSearch({...}); the JSON inside must parse strictly too
            String script = Files.readString(index);
            assertTrue(script.startsWith("beaconSearch(") && script.endsWith(");\n"), index.toString());
            strict.readTree(script.substring("beaconSearch(".length(), script.length() - ");\n".length()));
            checked.add(out.relativize(index).toString());
        }
        assertTrue(checked.containsAll(List.of("uk/feed.xml", "en/feed.xml", "sitemap.xml", "uk/search-index.js",
                "en/api/services.json", "build-info.json", "en/api/places.geojson")), checked.toString());
        assertEquals(HOSTILE_TEXT, strict.readTree(out.resolve("en/api/places.geojson").toFile())
                .get("features").get(0).get("properties").get("name").asText());
        String feed = Files.readString(out.resolve("en/feed.xml"));
        assertTrue(feed.contains("Heating points " + HOSTILE_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;")), feed);
    }
}
