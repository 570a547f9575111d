package city.beacon.outputs;

import city.beacon.check.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.publish.OutputTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {
    @TempDir
    Path dir;

    @Test
    void anIndexThatRemembersEntriesWritesWhatAFreshOneWritesAfterATitleAndACategoryChange() throws IOException {
        Path content = dir.resolve("content");
        copy(Path.of(System.getProperty("beacon.repo", "..")).resolve("content"), content);
        SearchIndex remembering = SearchIndex.remembering();
        String before = write(remembering, site(content), "before");

        Path page = content.resolve("en/services/replacing-passport.md");
        Files.writeString(page, Files.readString(page).replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar passport desk"));
        Path config = content.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("en: Safety and shelters", "en: Numbat shelters"));
        Site after = site(content);
        String remembered = write(remembering, after, "remembered");

        assertEquals(write(new SearchIndex(), after, "fresh"), remembered);
        assertTrue(remembered.contains("Zanzibar passport desk") && !before.contains("Zanzibar"), "the retitled page");
        assertTrue(remembered.contains("numbat") && !before.contains("numbat"), "the words of the retitled category");
    }

    private static Site site(Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader.Content loaded = new ContentLoader(content).load(problems).orElseThrow();
        return SiteModel.build(loaded.config(), loaded.pages(), loaded.pageFiles(), loaded.data(), loaded.staticFiles(),
                Instant.parse("2026-11-30T00:00:00Z"), false, problems);
    }

    private String write(SearchIndex index, Site site, String name) throws IOException {
        Path out = dir.resolve(name);
        index.write(site, new OutputTree(out), new Problems());
        return Files.readString(out.resolve("en/search.json"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }
}
