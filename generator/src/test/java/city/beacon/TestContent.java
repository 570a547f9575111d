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

    /** A copy of the repository folder {@code name} (content, templates) under {@code into}. */
    public static Path copy(String name, Path into) throws IOException {
        Path from = repo().resolve(name);
        Path to = into.resolve(name);
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

    /** A content folder with the repository's site.yaml and data/ and no pages yet. */
    public static Path settingsOnly(Path into) throws IOException {
        Path content = Files.createDirectories(into.resolve("content/data"));
        Files.copy(repo().resolve("content/site.yaml"), into.resolve("content/site.yaml"));
        try (Stream<Path> data = Files.list(repo().resolve("content/data"))) {
            for (Path file : data.toList()) Files.copy(file, content.resolve(file.getFileName().toString()));
        }
        return content.getParent();
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
