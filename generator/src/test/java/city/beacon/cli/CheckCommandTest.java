package city.beacon.cli;

import city.beacon.check.CheckRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code beacon check} as an editor or a CI job runs it: a child JVM, its exit code and its output. */
class CheckCommandTest {
    /** Judged at the build time (the sample's newest date), advised on the day the editor runs check: today in Kyiv. */
    private static final String STALE = "content/uk/pidtrymka/hrupy-pidtrymky-dlia-vpo.md:18:1: warning: field 'reviewed': "
            + "last reviewed on 2025-12-01, 354 days before this build (2026-11-20); support pages must be reviewed at least "
            + "every 180 days (review: in site.yaml); check that the page is still correct, then write 'reviewed: ";

    /** Whether {@code output} holds the finding about the stale page, advised on a day the run was on (it may cross midnight). */
    private static boolean hasStale(String output, String severity, LocalDate before) {
        String finding = STALE.replace(": warning: ", ": " + severity + ": ");
        LocalDate after = LocalDate.now(KYIV);
        return output.lines().anyMatch(l -> l.equals(finding + before + "'") || l.equals(finding + after + "'"));
    }

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run beacon(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("city.beacon.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().remove("SOURCE_DATE_EPOCH");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "beacon did not finish");
        return new Run(process.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private Run beacon(String... args) throws IOException, InterruptedException {
        return beacon(List.of(), args);
    }

    @Test
    void nothingBeaconPrintsToPipesHoldsAnEscapeCode() throws Exception {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/storinka.md", "---\ntitle: \"Сторінка \\e[31mчервона\"\nsumary: Опис\n---\nТекст\n");
        for (String command : List.of("check", "build")) {
            Run run = command.equals("check") ? beacon("check", "--content", content.toString())
                    : beacon("build", "--content", content.toString(), "--out", dir.resolve("public").toString());
            assertEquals(1, run.exit(), run.out() + run.err());
            assertFalse((run.out() + run.err()).contains("\u001B"), command + ": " + run.out() + run.err());
        }
    }

    @Test
    void yamlMistakeIsToldInPlainWordsAndTheParserWordsOnlyUnderDebug() throws Exception {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/storinka.md", "---\ntitle: Сторінка\n  summary: Опис\n---\nТекст\n"
                .getBytes(StandardCharsets.UTF_8));
        String plain = "content/uk/dovidka/storinka.md:3:3: error: this line is indented more than the field above it; "
                + "fields of one page start at the same column; remove the spaces before 'summary:'";
        Run run = beacon("check", "--content", content.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(plain.substring("content/".length())), run.out());
        assertFalse(run.out().contains("mapping values"), run.out());
        Run debug = beacon("check", "--content", content.toString(), "--debug");
        assertTrue(debug.out().contains("remove the spaces before 'summary:' (YAML parser: mapping values are not allowed here)"),
                debug.out());
    }

    @Test
    void sampleContentHasOnlyWarningsSoCheckPassesAndNeverTouchesPublic() throws Exception {
        CheckRun.sampleContent(dir);
        Path marker = Files.writeString(Files.createDirectories(dir.resolve("public")).resolve("index.html"), "the published site");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        LocalDate today = LocalDate.now(KYIV);
        Run run = beacon(List.of("-Djava.io.tmpdir=" + tmp), "check");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(hasStale(run.out(), "warning", today), run.out());
        assertEquals("0 errors, 2 warnings", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("Checked 30 pages in en, 31 pages in uk, "), lines.get(lines.size() - 1));
        assertEquals("the published site", Files.readString(marker));
        try (Stream<Path> published = Files.list(dir.resolve("public")); Stream<Path> scratch = Files.list(tmp)) {
            assertEquals(List.of(marker), published.toList());
            assertEquals(List.of(), scratch.toList(), "the temporary build folder is deleted");
        }
    }

    @Test
    void strictTurnsTheWarningsIntoErrorsAndExitsOne() throws Exception {
        CheckRun.sampleContent(dir);
        LocalDate today = LocalDate.now(KYIV);
        Run run = beacon("check", "--strict");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(hasStale(run.out(), "error", today), run.out());
        assertTrue(run.out().contains("2 errors, 0 warnings"), run.out());
    }

    @Test
    void jsonFormatListsTheFindingsForBots() throws Exception {
        CheckRun.sampleContent(dir);
        Run run = beacon("check", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(0, root.get("errors").asInt());
        assertEquals(2, root.get("warnings").asInt());
        JsonNode stale = root.get("findings").get(1);
        assertEquals("content/uk/pidtrymka/hrupy-pidtrymky-dlia-vpo.md", stale.get("file").asText());
        assertEquals(18, stale.get("line").asInt());
        assertEquals("reviewed", stale.get("field").asText());
        assertEquals("warning", stale.get("severity").asText());
    }

    @Test
    void githubFormatAnnotatesTheLine() throws Exception {
        CheckRun.sampleContent(dir);
        Run run = beacon("check", "--strict", "--format", "github");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith(
                "::error file=content/uk/pidtrymka/hrupy-pidtrymky-dlia-vpo.md,line=18,col=1,title=field 'reviewed'::last reviewed on 2025-12-01")),
                run.out());
    }

    @Test
    void contentErrorsExitOneWithTheFindings() throws Exception {
        Path content = CheckRun.sampleContent(dir);
        CheckRun.write(content, "uk/dovidka/about.md", "---\ntitle: \"\"\nexample: true\n---\nТекст\n");
        Run run = beacon("check");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("content/uk/dovidka/about.md:2:1: error: field 'title': must not be empty; write the title"), run.out());
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        Run run = beacon("check", "--format", "xml");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Invalid value for option '--format': expected text, json or github, got 'xml'"), run.err());
    }

    @Test
    void internalErrorShowsAStackTraceOnlyWithDebug() throws Exception {
        CheckRun.sampleContent(dir);
        List<String> noTempFolder = List.of("-Djava.io.tmpdir=" + dir.resolve("no/such/folder"));
        Run plain = beacon(noTempFolder, "check");
        assertEquals(3, plain.exit());
        assertTrue(plain.err().startsWith("beacon: internal error: java.nio.file.NoSuchFileException: "), plain.err());
        assertTrue(plain.err().strip().endsWith("(run again with --debug to see the details)"), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());

        Run debug = beacon(noTempFolder, "check", "--debug");
        assertEquals(3, debug.exit());
        assertTrue(debug.err().contains("\tat city.beacon.build.SiteBuilder.build("), debug.err());
    }

    @Test
    void buildTakesStrictAndPublishesNothingOnWarnings() throws Exception {
        CheckRun.sampleContent(dir);
        LocalDate today = LocalDate.now(KYIV);
        Run run = beacon("build", "--strict");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(hasStale(run.err(), "error", today), run.err());
        assertFalse(Files.exists(dir.resolve("public")));
    }
}
