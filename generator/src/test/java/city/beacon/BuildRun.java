package city.beacon;

import city.beacon.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code beacon build} run in this JVM as a command line runs it (exit code, what it prints), on a copy
 * of a whole-site fixture that a test then breaks, and what it left beside its output folder.
 */
public record BuildRun(int exit, String out, String err) {

    /** A copy of the fixture site {@code name} (under src/test/resources/sites/) at {@code into}/content. */
    public static Path copyOfSite(String name, Path into) throws IOException {
        return TestContent.copyTree(SiteFixturesTest.site(name), into.resolve("content"));
    }

    /** Runs {@code beacon args...}, its output captured. */
    public static BuildRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new BuildRun(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** What a command printed to stdout and stderr together, in the order a terminal shows it, and its exit code. */
    public record Merged(int exit, String output) {
    }

    /** Runs {@code beacon args...} with stdout and stderr captured into one text, as a terminal shows them. */
    public static Merged merged(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new Merged(Main.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** {@code beacon build --content content --out out}. */
    public static BuildRun build(Path content, Path out) {
        return of("build", "--content", content.toString(), "--out", out.toString());
    }

    /** The names in {@code folder}, sorted: what a build left there. */
    public static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The documented files beside an output folder {@code public}: its lock and its caches (README, Building). */
    private static final java.util.Set<String> BESIDE = java.util.Set.of(".public.lock", ".public.pages", ".public.cache", ".public.files");

    /** What a build left in {@code parent} beside its output folder {@code public} and the documented files: staging folders, temporary files. */
    public static List<String> leftovers(Path parent) throws IOException {
        return names(parent).stream().filter(name -> name.startsWith(".public") && !BESIDE.contains(name)).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
