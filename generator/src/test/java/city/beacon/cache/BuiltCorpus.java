package city.beacon.cache;

import city.beacon.SiteBuilder;
import city.beacon.bench.Corpus;
import city.beacon.bench.CorpusGenerator;
import city.beacon.render.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 40-page corpus in a temporary folder, built into public/ beside it: what the cache tests rebuild. */
abstract class BuiltCorpus {
    @TempDir
    Path dir;
    Path content;
    Path out;

    @BeforeEach
    void corpus() throws IOException {
        content = dir.resolve("content");
        out = dir.resolve("public");
        CorpusGenerator.writeBeacon(new Corpus(40), content);
    }

    /** Builds content/ into public/; the build must publish. */
    SiteBuilder.Result build() throws IOException {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), Map.of())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        return result;
    }

    static Path firstFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }
}
