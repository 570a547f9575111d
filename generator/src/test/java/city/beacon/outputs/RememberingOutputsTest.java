package city.beacon.outputs;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.model.Page;
import city.beacon.model.Replacement;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.publish.OutputTree;
import city.beacon.publish.SiteOutput;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview's search index, feeds and open data, which keep what they wrote: after edits,
 * and for a page replaced in the site they wrote, they must write what fresh ones write.
 */
class RememberingOutputsTest {
    @TempDir
    Path dir;

    @Test
    void rememberingOutputsWriteWhatFreshOnesWriteAfterATitleAndACategoryChange() throws IOException {
        Path content = TestContent.copy("content", dir);
        List<SiteOutput> remembering = List.of(SearchIndex.remembering(), OpenData.remembering());
        Map<String, String> before = write(remembering, site(content), "before");

        Path page = content.resolve("en/services/replacing-passport.md");
        Files.writeString(page, Files.readString(page).replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar passport desk"));
        Path config = content.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("en: Safety and shelters", "en: Numbat shelters"));
        Site after = site(content);
        Map<String, String> remembered = write(remembering, after, "remembered");

        assertEquals(write(List.of(new SearchIndex(), new OpenData()), after, "fresh"), remembered);
        for (String file : List.of("en/search-index.js", "en/api/services.json")) {
            assertTrue(remembered.get(file).contains("Zanzibar passport desk") && !before.get(file).contains("Zanzibar"), file);
        }
        assertTrue(remembered.get("en/search-index.js").contains("numbat") && !before.get("en/search-index.js").contains("numbat"),
                "the words of the retitled category");
        assertEquals(before.get("uk/api/support.json"), remembered.get("uk/api/support.json"), "a file the edits do not touch");
    }

    @Test
    void rememberingOutputsWriteAReplacedPageAsFreshOnesWriteTheSiteItIsIn() throws IOException {
        Path content = TestContent.copy("content", dir);
        Site site = site(content);
        List<SiteOutput> remembering = List.of(SearchIndex.remembering(), AtomFeeds.remembering(), OpenData.remembering());
        Map<String, String> first = write(remembering, site, "first");
        String page = "en/services/heating-points.md";
        List<UnaryOperator<String>> edits = List.of(
                text -> text.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar heating points"), // last in its files
                text -> text.replaceFirst("\ncategory: [^\n]*", "\ncategory: housing"),
                text -> text.replaceFirst("\ntags: [^\n]*", "\ntags: [numbat]"),
                text -> text.replaceFirst("\nupdated: [^\n]*", "\nupdated: 2026-11-29"), // first in the feed
                text -> text.replaceFirst("\nsummary: [^\n]*", "\nsummary: Warm rooms and tea."), // in the feed, same date
                text -> text.replaceFirst("\nupdated: [^\n]*", "\nupdated: 2020-01-01")); // out of the feed
        int round = 0;
        for (UnaryOperator<String> edit : edits) {
            Path file = content.resolve(page);
            Files.writeString(file, edit.apply(Files.readString(file)));
            Site edited = site(content);
            Page before = site.bySource().get(page);
            Replacement replacement = SiteModel.replace(site, before, edited.bySource().get(page), false).orElseThrow();
            Map<String, String> written = write(remembering, replacement, "replaced-" + round++);

            assertEquals(write(List.of(new SearchIndex(), new AtomFeeds(), new OpenData()), edited, "fresh-" + round), written,
                    Files.readString(file));
            site = replacement.site();
        }
        assertTrue(first.get("en/search-index.js").contains("heating") && !first.get("en/search-index.js").contains("Zanzibar"));
    }

    @Test
    void theJsonFilesAreWhatJacksonWritesForTheirContent() throws IOException {
        Site site = site(TestContent.copy("content", dir));
        Map<String, String> files = write(List.of(new SearchIndex(), new OpenData()), site, "files");
        ObjectMapper json = new ObjectMapper();
        for (String lang : List.of("uk", "en")) {
            String script = files.get(lang + "/search-index.js");
            assertTrue(script.startsWith("beaconSearch(") && script.endsWith(");\n"), "a script handing the index to beacon.js");
            String index = script.substring("beaconSearch(".length(), script.length() - ");\n".length());
            assertEquals(json.writeValueAsString(json.readTree(index)), index, lang + "/search-index.js");
            for (String name : List.of("services", "support")) {
                String data = files.get(lang + "/api/" + name + ".json");
                assertTrue(json.readTree(data).get(name).size() > 2, lang + " " + name);
                assertEquals(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(data)) + "\n", data, lang + " " + name);
            }
        }
    }

    private static Site site(Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader.Content loaded = new ContentLoader(content).load(problems).orElseThrow();
        return SiteModel.build(loaded.config(), loaded.pages(), loaded.pageFiles(), loaded.data(), loaded.staticFiles(),
                Instant.parse("2026-11-30T00:00:00Z"), false, problems);
    }

    /** What {@code outputs} write for {@code site}, by file. */
    private Map<String, String> write(List<SiteOutput> outputs, Site site, String name) {
        return write(name, out -> outputs.forEach(output -> output.write(site, out, new Problems())));
    }

    /** What {@code outputs} write for {@code replacement}, by file. */
    private Map<String, String> write(List<SiteOutput> outputs, Replacement replacement, String name) {
        return write(name, out -> outputs.forEach(output -> output.write(replacement, out, new Problems())));
    }

    private Map<String, String> write(String name, Consumer<OutputTree> writing) {
        OutputTree out = new OutputTree(dir.resolve(name));
        writing.accept(out);
        Map<String, String> files = new TreeMap<>();
        for (String file : out.files()) files.put(file, new String(out.read(file), java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }
}
