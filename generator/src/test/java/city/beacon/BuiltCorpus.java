package city.beacon;

import city.beacon.build.SiteBuilder;
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

/** A 40-page corpus in a temporary folder, built into public/ beside it: what the cache and edit-build tests rebuild. */
public abstract class BuiltCorpus {
    @TempDir
    protected Path dir;
    protected Path content;
    protected Path out;

    @BeforeEach
    protected void corpus() throws IOException {
        content = dir.resolve("content");
        out = dir.resolve("public");
        CorpusGenerator.writeBeacon(new Corpus(40), content);
    }

    /** Builds content/ into public/; the build must publish. */
    protected SiteBuilder.Result build() throws IOException {
        return build(out);
    }

    /** Builds content/ into {@code target}; the build must publish. */
    protected SiteBuilder.Result build(Path target) throws IOException {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, target, false, false, Theme.bundled(), Map.of())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        return result;
    }

    protected static Path firstFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }
}
