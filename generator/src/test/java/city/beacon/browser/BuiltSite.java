package city.beacon.browser;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The bundled sample portal, built once into a temporary folder for the tests that look at the result. */
final class BuiltSite {
    private static Path built;

    private BuiltSite() {
    }

    static Path repo() {
        return Path.of(System.getProperty("beacon.repo", ".."));
    }

    static synchronized Path get() throws IOException {
        if (built == null) {
            Path out = Files.createTempDirectory("beacon-built").resolve("public");
            SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(repo().resolve("content"), out, false, false,
                    Theme.bundled(), Map.of("SOURCE_DATE_EPOCH", "1795996800"))).build();
            if (!result.published()) throw new IllegalStateException("the sample portal did not build: " + result.problems().sorted());
            built = out;
        }
        return built;
    }
}
