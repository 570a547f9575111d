package city.beacon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The repository's content/ and templates/, copied so a test can change them. */
public final class TestContent {
    private TestContent() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("beacon.repo", "..")).toAbsolutePath().normalize();
    }

    /** The whole-site fixture {@code name} under src/test/resources/sites/ (its content folder). */
    public static Path site(String name) {
        return SiteFixturesTest.site(name);
    }

    /** A copy of the repository folder {@code name} (content, templates) under {@code into}. */
    public static Path copy(String name, Path into) throws IOException {
        return copyTree(repo().resolve(name), into.resolve(name));
    }

    /** A copy of the folder {@code from} and everything in it at {@code to}, which must not exist yet. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(source -> {
                try {
                    Files.copy(source, to.resolve(from.relativize(source).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    /** A content folder with the repository's site.yaml (but its top tasks, which name pages) and data/ and no pages yet. */
    public static Path settingsOnly(Path into) throws IOException {
        Path content = Files.createDirectories(into.resolve("content/data"));
        Files.writeString(into.resolve("content/site.yaml"), settingsWithoutPages(), StandardCharsets.UTF_8);
        try (Stream<Path> data = Files.list(repo().resolve("content/data"))) {
            for (Path file : data.toList()) Files.copy(file, content.resolve(file.getFileName().toString()));
        }
        return content.getParent();
    }

    /**
     * The repository's site.yaml without 'top_tasks:' and the place types' 'page:' lines, whose pages a
     * content folder without pages does not have.
     */
    public static String settingsWithoutPages() throws IOException {
        return Files.readString(repo().resolve("content/site.yaml"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^top_tasks:\n(?:[ \t].*\n)*", "")
                .replaceAll("(?m)^      page: .*\n", "");
    }

    /** Every file of a tree by its relative path, with its bytes. */
    public static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
