package city.beacon.check;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helper: a small portal in a temporary folder, checked the way {@code beacon check} does. */
public final class CheckRun {
    public static final Path REPO = Path.of(System.getProperty("beacon.repo", "..")).toAbsolutePath().normalize();

    private CheckRun() {
    }

    /** A content folder with the sample's site.yaml (but its top tasks, which name pages) and data files, and no pages. */
    public static Path minimalContent(Path dir) {
        try {
            Path content = Files.createDirectories(dir.resolve("content"));
            Files.writeString(content.resolve("site.yaml"), city.beacon.TestContent.settingsWithoutPages(), StandardCharsets.UTF_8);
            Files.createDirectories(content.resolve("data"));
            try (Stream<Path> data = Files.list(REPO.resolve("content/data"))) {
                for (Path file : data.toList()) Files.copy(file, content.resolve("data").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the whole sample content. */
    public static Path sampleContent(Path dir) {
        Path content = dir.resolve("content");
        try (Stream<Path> walk = Files.walk(REPO.resolve("content"))) {
            for (Path from : walk.toList()) {
                Path to = content.resolve(REPO.resolve("content").relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path content, String relative, String text) {
        write(content, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path content, String relative, byte[] bytes) {
        try {
            Path file = content.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day the editor runs check, in these tests: 27 November 2026, a week after the sample's newest date. */
    public static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    /** Runs the build without publishing (SOURCE_DATE_EPOCH unset: the newest date in the content) on {@link #TODAY}. */
    public static SiteBuilder.Result check(Path content, Path out) {
        try {
            return new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), Map.of()), TODAY).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The findings of a check run as the lines an editor reads, file paths relative to {@code dir}. */
    public static List<String> findings(Path dir, Path content) {
        String prefix = dir.toString().replace('\\', '/') + "/";
        return check(content, null).problems().sorted().stream()
                .map(p -> p.format().replace(prefix, "")).toList();
    }

    /** Only the findings about {@code file} (relative to {@code dir}, e.g. content/uk/poslugy/a.md). */
    public static List<String> findingsAbout(Path dir, Path content, String file) {
        return findings(dir, content).stream().filter(line -> line.startsWith(file + ":")).toList();
    }
}
