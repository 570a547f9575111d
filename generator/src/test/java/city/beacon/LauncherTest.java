package city.beacon;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/beacon, the command the README gives, as an operator's machine runs it: with whichever JDK is
 * first on the PATH, and another one after an upgrade. The launcher is run from a copy of the
 * repository's layout (bin/beacon, generator/target/beacon.jar), with a jar whose main class only
 * says it ran ({@link Probe}), since the real jar is made after the tests.
 */
class LauncherTest {

    /** The main class of the jar the launcher runs here. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe ran: " + String.join(" ", args));
        }
    }

    @Test
    void eachJdkGetsItsOwnClassArchiveAndNoneIsToldOfAnotherJdksArchive(@TempDir Path tmp) throws Exception {
        Path thisJdk = Path.of(System.getProperty("java.home"));
        Path otherJdk = otherJdk(thisJdk);
        Assumptions.assumeTrue(otherJdk != null, "one JDK on this machine: the case needs two (e.g. JDK 17 and a Temurin 25)");
        Path repo = layout(tmp);

        for (Path jdk : List.of(thisJdk, otherJdk, thisJdk, otherJdk)) {
            Result run = launch(repo, jdk, "build", "--content", "x");
            assertEquals(0, run.exit(), jdk + ": " + run.err());
            assertEquals("probe ran: build --content x", run.out().strip(), jdk + ": " + run.err());
            // Before: the second JDK was handed the first one's archive on every run, and said so on stderr:
            // "[error][cds] Not a valid shared archive file (.../beacon.jsa)"
            assertFalse(run.err().contains("[error"), jdk + " was handed an archive it cannot use:\n" + run.err());
            assertFalse(run.err().contains("[warning][cds"), jdk + ":\n" + run.err());
        }
        try (Stream<Path> files = Files.list(repo.resolve("generator/target"))) {
            List<String> archives = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa")).sorted().toList();
            assertEquals(2, archives.size(), "one class archive per JDK: " + archives);
        }
        // With its archive made, each JDK uses it: the run maps the classes from it (-Xshare:on refuses to start without).
        for (Path jdk : List.of(thisJdk, otherJdk)) {
            Result shared = launch(repo, jdk, Map.of("BEACON_JAVA_OPTS", "-Xshare:on"), "check");
            assertEquals(0, shared.exit(), jdk + ": " + shared.err());
        }
    }

    @Test
    void anArchiveOlderThanTheJdkIsMadeAgainRatherThanRefusedOnEveryRun(@TempDir Path tmp) throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path repo = layout(tmp);
        assertEquals(0, launch(repo, jdk, "build").exit());
        Path archive;
        try (Stream<Path> files = Files.list(repo.resolve("generator/target"))) {
            archive = files.filter(p -> p.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        // A JDK upgraded in place (17.0.12 to 17.0.13 at the same path): the archive, newer than the jar,
        // predates the JVM. Here, the archive and the jar are dated back instead of upgrading the JDK.
        Files.setLastModifiedTime(repo.resolve("generator/target/beacon.jar"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(1000));
        Result again = launch(repo, jdk, "build");
        assertEquals(0, again.exit(), again.err());
        assertTrue(Files.getLastModifiedTime(archive).toMillis() > 1000, "the archive was made again");
    }

    /** A JDK of another version installed beside the one running the tests (its release file says which), or null. */
    private static Path otherJdk(Path thisJdk) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return null;
        String ours = version(thisJdk);
        try (Stream<Path> entries = Files.list(jvms)) {
            return entries.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> { String v = version(p); return v != null && !v.equals(ours); })
                    .findFirst().orElse(null);
        }
    }

    private static String version(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** bin/beacon and a jar running {@link Probe} at generator/target/beacon.jar, as in the repository. */
    private static Path layout(Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("bin"));
        Files.createDirectories(repo.resolve("generator/target"));
        Path launcher = repo.resolve("bin/beacon");
        Files.copy(TestContent.repo().resolve("bin/beacon"), launcher);
        launcher.toFile().setExecutable(true);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(repo.resolve("generator/target/beacon.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest);
             var bytes = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jar);
            jar.closeEntry();
        }
        return repo;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(Path repo, Path jdk, String... args) throws Exception {
        return launch(repo, jdk, Map.of(), args);
    }

    /** Runs bin/beacon with {@code jdk}'s java first on the PATH and a UTF-8 locale, as a shell would. */
    private static Result launch(Path repo, Path jdk, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(repo.resolve("bin/beacon").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(repo, "out", ".txt");
        Path err = Files.createTempFile(repo, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/beacon did not finish");
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
