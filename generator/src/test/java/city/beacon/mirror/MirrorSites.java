package city.beacon.mirror;

import city.beacon.build.SiteBuilder;
import city.beacon.TestContent;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds of a copy of the sample content (outside git, so its dates decide the build time) for the mirror tests. */
final class MirrorSites {
    private MirrorSites() {
    }

    static Path repo() {
        return Path.of(System.getProperty("beacon.repo", "..")).toAbsolutePath().normalize();
    }

    static Path copyOfContent(Path into) throws IOException {
        Path source = repo().resolve("content");
        Path target = into.resolve("content");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return target;
    }

    static SiteBuilder.Result build(Path content, Path out, MirrorOptions mirror) throws IOException {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of(), null, mirror)).build();
        assertTrue(result.published(), () -> "the build failed: " + result.problems().sorted().stream()
                .filter(Problem::isError).map(Object::toString).collect(Collectors.joining("\n")));
        return result;
    }

    /** Every file of a tree by its relative path, with its SHA-256 and modification time. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : TestContent.tree(root).entrySet()) {
            files.put(f.getKey(), Manifest.sha256(f.getValue()) + " " + Files.getLastModifiedTime(root.resolve(f.getKey())));
        }
        return files;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }
}
