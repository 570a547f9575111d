package city.beacon.outputs;

import city.beacon.TestContent;
import city.beacon.check.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.publish.OutputTree;
import city.beacon.publish.SiteOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview's search index and open data, which remember what they wrote: after edits they must write what fresh ones write. */
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
        for (String file : List.of("en/search.json", "en/api/services.json")) {
            assertTrue(remembered.get(file).contains("Zanzibar passport desk") && !before.get(file).contains("Zanzibar"), file);
        }
        assertTrue(remembered.get("en/search.json").contains("numbat") && !before.get("en/search.json").contains("numbat"),
                "the words of the retitled category");
        assertEquals(before.get("uk/api/support.json"), remembered.get("uk/api/support.json"), "a file the edits do not touch");
    }

    private static Site site(Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader.Content loaded = new ContentLoader(content).load(problems).orElseThrow();
        return SiteModel.build(loaded.config(), loaded.pages(), loaded.pageFiles(), loaded.data(), loaded.staticFiles(),
                Instant.parse("2026-11-30T00:00:00Z"), false, problems);
    }

    /** What {@code outputs} write for {@code site}, by file. */
    private Map<String, String> write(List<SiteOutput> outputs, Site site, String name) throws IOException {
        OutputTree out = new OutputTree(dir.resolve(name));
        for (SiteOutput output : outputs) output.write(site, out, new Problems());
        Map<String, String> files = new TreeMap<>();
        for (String file : out.files()) files.put(file, new String(out.read(file), java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }
}
