package city.beacon.outputs;

import city.beacon.TestContent;
import city.beacon.content.ContentLoader;
import city.beacon.findings.Problems;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.publish.OutputTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index keeps the words it folded from one write to the next (the live preview writes
 * after every save): after a title and a category's title change, it writes what a fresh index writes.
 */
class SearchIndexMemoTest {
    @TempDir
    Path dir;

    @Test
    void anIndexThatWroteBeforeWritesWhatAFreshOneWritesAfterATitleAndACategoryChange() throws IOException {
        Path content = TestContent.copy("content", dir);
        SearchIndex index = new SearchIndex();
        Map<String, String> before = write(index, site(content), "before");

        Path page = content.resolve("en/services/replacing-passport.md");
        Files.writeString(page, Files.readString(page).replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar passport desk"));
        Path config = content.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("en: Safety and shelters", "en: Numbat shelters"));
        Site after = site(content);
        Map<String, String> again = write(index, after, "again");

        assertEquals(write(new SearchIndex(), after, "fresh"), again);
        assertTrue(again.get("en/search-index.js").contains("Zanzibar passport desk") && !before.get("en/search-index.js").contains("Zanzibar"));
        assertTrue(again.get("en/search-index.js").contains("numbat") && !before.get("en/search-index.js").contains("numbat"),
                "the words of the retitled category, in the pages of that category");
    }

    private static Site site(Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader.Content loaded = new ContentLoader(content).load(problems).orElseThrow();
        return SiteModel.build(loaded.config(), loaded.pages(), loaded.pageFiles(), loaded.data(), loaded.staticFiles(),
                Instant.parse("2026-11-30T00:00:00Z"), false, problems);
    }

    /** What {@code index} writes for {@code site}, by file. */
    private Map<String, String> write(SearchIndex index, Site site, String name) {
        OutputTree out = new OutputTree(dir.resolve(name));
        index.write(site, out, new Problems());
        Map<String, String> files = new TreeMap<>();
        for (String file : out.files()) files.put(file, new String(out.read(file), StandardCharsets.UTF_8));
        return files;
    }
}
