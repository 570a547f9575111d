package city.beacon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds run from cron, systemd or {@code env -i} have no locale, or one the machine lacks, or a Turkish one:
 * the bundled portal (Cyrillic file names) builds in each, in a fresh process as operators run it, and the
 * sites are byte for byte the same. Its search index is made to split (a budget of 2 KiB), so that what a
 * process orders its own way (a hash map's order differs from one JVM to the next) shows there too.
 */
class LocaleBuildTest {

    /** How each build is run: the variables of its environment (nothing else is passed on), and its JVM options. */
    private record Run(String name, Map<String, String> environment, List<String> jvmOptions) {
    }

    private static final String PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

    private static final List<Run> RUNS = List.of(
            new Run("no locale (env -i)", Map.of("PATH", PATH), List.of()),
            new Run("LANG=C", Map.of("PATH", PATH, "LANG", "C"), List.of()),
            new Run("LC_ALL=C.UTF-8", Map.of("PATH", PATH, "LC_ALL", "C.UTF-8"), List.of()),
            new Run("LC_ALL=tr_TR.UTF-8", Map.of("PATH", PATH, "LC_ALL", "tr_TR.UTF-8"), List.of()),
            new Run("LANG=uk_UA.UTF-8", Map.of("PATH", PATH, "LANG", "uk_UA.UTF-8"), List.of()),
            new Run("C.UTF-8 with a Turkish JVM locale", Map.of("PATH", PATH, "LC_ALL", "C.UTF-8"),
                    List.of("-Duser.language=tr", "-Duser.country=TR")),
            new Run("no locale with a Turkish JVM locale", Map.of("PATH", PATH),
                    List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.variant=")));

    @Test
    void theBundledPortalBuildsTheSameBytesWithoutALocaleAndUnderEveryLocale(@TempDir Path tmp) throws Exception {
        Path content = TestContent.copy("content", tmp);
        Path settings = content.resolve("site.yaml");
        Files.writeString(settings, Files.readString(settings).replaceFirst("\n  search_kib: \\d+", "\n  search_kib: 2"));
        Map<String, Map<String, byte[]>> sites = new LinkedHashMap<>();
        for (Run run : RUNS) {
            Path out = tmp.resolve("run-" + sites.size()).resolve("public");
            Files.createDirectories(out.getParent());
            Result result = beacon(tmp, run, "build", "--content", content.toString(), "--out", out.toString());
            assertEquals(0, result.exit(), run.name() + ":\n" + result.err());
            assertTrue(result.out().startsWith("Built 30 pages in en, 31 pages in uk, "), run.name() + ": " + result.out());
            assertTrue(!result.err().contains("Exception"), run.name() + ": " + result.err());
            sites.put(run.name(), TestContent.tree(out));
        }
        Map<String, byte[]> first = sites.values().iterator().next();
        assertTrue(first.containsKey("uk/poslugy/humanitarna-dopomoha/index.html"), first.keySet().toString());
        assertTrue(first.containsKey("en/search-index/p-0.js"), "the search index is split: " + first.keySet());
        sites.forEach((name, site) -> {
            assertEquals(first.keySet(), site.keySet(), name);
            List<String> different = new ArrayList<>();
            first.forEach((file, bytes) -> {
                if (!Arrays.equals(bytes, site.get(file))) different.add(file);
            });
            assertEquals(List.of(), different, "files that differ between \"" + RUNS.get(0).name() + "\" and \"" + name + "\"");
        });
    }

    @Test
    void messagesWithCyrillicAreReadableWithoutALocale(@TempDir Path tmp) throws Exception {
        Path content = TestContent.copy("content", tmp);
        Files.writeString(content.resolve("uk/poslugy/гуманітарна-допомога.md"),
                Files.readString(content.resolve("uk/poslugy/гуманітарна-допомога.md")).replaceFirst("\ntitle: ", "\nзаголовок: x\ntitle: "));
        Result result = beacon(tmp, RUNS.get(0), "check", "--content", content.toString());
        assertEquals(1, result.exit(), result.out() + result.err());
        assertTrue((result.out() + result.err()).contains("uk/poslugy/гуманітарна-допомога.md:"), result.out() + result.err());
    }

    record Result(int exit, String out, String err) {
    }

    /** Runs Beacon in a fresh JVM with only {@code run}'s environment, as a cron line would. */
    static Result beacon(Path dir, Run run, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(run.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "city.beacon.cli.Main"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(run.environment());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "beacon did not finish: " + run.name());
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
