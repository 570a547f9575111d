package city.beacon.cli;

import city.beacon.CapturedOutput;
import city.beacon.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a contract: options, output and exit codes. */
class MainTest {
    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private String out() {
        return output.out();
    }

    private String err() {
        return output.err();
    }

    @Test
    void buildWithTimingsPrintsTheMillisecondsOfEachStepAndThePagesRenderedLast() {
        Path out = temp.resolve("site");
        int code = Main.run("build", "--content", TestContent.site("tiny").toString(), "--out", out.toString(), "--timings");
        assertEquals(0, code, err());
        String last = out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("Timings: settings \\d+ ms, load and page cache \\d+ ms, .* pages \\d+ ms, lists \\d+ ms, .*"
                + "publish and save caches \\d+ ms; (\\d+) of \\1 pages and (\\d+) of \\2 pages of lists rendered, the others kept"), last);
        Main.run("build", "--content", TestContent.site("tiny").toString(), "--out", out.toString(), "--timings");
        String again = out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(again.endsWith("; 0 of " + last.replaceAll(".*; (\\d+) of .*", "$1") + " pages and 0 of "
                + last.replaceAll(".* and (\\d+) of .*", "$1") + " pages of lists rendered, the others kept"), again);
    }

    @Test
    void buildOfValidContentExitsZeroAndPrintsOneSummaryLine() {
        Path out = temp.resolve("site");
        int code = Main.run("build", "--content", TestContent.site("tiny").toString(), "--out", out.toString());
        assertEquals(0, code, err());
        assertTrue(out().startsWith("Built 2 pages in en, 2 pages in uk, "), out());
        assertEquals(1, out().lines().filter(l -> l.startsWith("Built ")).count(), out());
        assertTrue(out().lines().skip(1).allMatch(l -> l.matches("(Page weight|Search index|JavaScript|No --base-url).*")),
                "after the summary only the figures: " + out());
        assertEquals("", err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void buildWithContentErrorsExitsOneAndLeavesTheOutputAsItWas() throws Exception {
        Path out = temp.resolve("site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.html"), "the site published before");
        Files.writeString(out.resolve("build-info.json"), "{\"generator\": \"beacon\"}\n"); // the marker of a previous build
        int code = Main.run("build", "--content", TestContent.site("broken").toString(), "--out", out.toString());
        assertEquals(1, code);
        assertTrue(err().contains("error: unknown field 'sumary'; did you mean 'summary'?"), err());
        assertTrue(err().contains("3 errors, 1 warning"), err());
        assertEquals("Build failed: 3 errors, 1 warning; nothing was published; " + out + " is unchanged.",
                err().lines().findFirst().orElseThrow(), "the summary comes first: " + err());
        assertEquals("3 errors, 1 warning", err().lines().reduce((a, b) -> b).orElseThrow(), "the count ends the findings: " + err());
        assertEquals("the site published before", Files.readString(out.resolve("index.html")));
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void buildWithWarningsPrintsTheSummaryFirstThenTheFindingsThenTheCountThenTheNotes() throws Exception {
        // stdout and stderr into one stream, as a terminal or a CI log shows them
        output.mergeErrIntoOut();
        Path content = temp.resolve("content");
        copy(TestContent.site("tiny"), content);
        Files.writeString(content.resolve("en/info/draft.md"), "---\ntitle: Draft\ndraft: true\n---\n[Gone](gone.md)\n");
        Path out = temp.resolve("site");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()), out());
        java.util.List<String> lines = out().lines().toList();
        assertTrue(lines.get(0).startsWith("Built 2 pages in en, 2 pages in uk, "), out());
        assertTrue(lines.get(1).contains("draft.md:5:1: warning: in a draft, the link \"gone.md\" points to a page that does not exist"), out());
        assertEquals("0 errors, 1 warning", lines.get(2), out());
        assertTrue(lines.stream().skip(3).allMatch(l -> l.matches("(Page weight|Search index|JavaScript|No --base-url).*")),
                "then only the figures: " + out());
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }

    @Test
    void missingContentFolderIsAContentErrorNotACrash() {
        int code = Main.run("build", "--content", temp.resolve("nothing").toString(), "--out", temp.resolve("site").toString());
        assertEquals(1, code);
        assertTrue(err().contains("error: the content folder does not exist; run Beacon from the portal's repository, or pass --content <folder>"),
                err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, Main.run("build", "--contnet", "content"));
        assertTrue(err().contains("Unknown options: '--contnet', 'content'"), err());
        assertTrue(err().contains("Possible solutions: --content"), err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, Main.run("biuld"));
        assertTrue(err().contains("biuld"), err());
    }

    @Test
    void helpListsTheBuildCommandAndItsOptions() {
        assertEquals(0, Main.run("--help"));
        assertTrue(out().contains("build"), out());
        output.reset();
        assertEquals(0, Main.run("build", "--help"));
        for (String option : new String[]{"--content", "--out", "--base-url", "--strict", "--debug"}) {
            assertTrue(out().contains(option), option + " in " + out());
        }
    }

    @Test
    void versionNamesTheProgram() {
        assertEquals(0, Main.run("--version"));
        assertTrue(out().matches("beacon \\S+\\R"), out());
    }

    /** A content folder whose 12 Ukrainian pages, with no translation, each carry Hugo's 'date' and 'description'. */
    private Path hugoPages() {
        Path content = city.beacon.check.CheckRun.minimalContent(temp);
        for (int i = 1; i <= 12; i++) {
            city.beacon.check.CheckRun.write(content, "uk/dovidka/krok-" + i + ".md",
                    "---\ntitle: Крок " + i + "\ndate: 2024-01-0" + (i % 9 + 1) + "\ndescription: Опис\n---\nТекст\n");
        }
        return content;
    }

    @Test
    void checkPrintsFindingsByKindBeyondMaxFindingsAndJsonListsEveryOne() throws Exception {
        Path content = hugoPages();
        assertEquals(1, Main.run("check", "--content", content.toString(), "--max-findings", "5"));
        List<String> lines = out().lines().toList();
        assertEquals(List.of(
                "12 errors: unknown field 'date' (from Hugo or Jekyll); the first 3:",
                "content/uk/dovidka/krok-1.md:3:1: error: unknown field 'date' (from Hugo or Jekyll); write it as 'updated: 2024-01-02' "
                        + "(the date the text last changed); Beacon has no separate publication date",
                "content/uk/dovidka/krok-10.md:3:1: error: unknown field 'date' (from Hugo or Jekyll); write it as 'updated: 2024-01-02' "
                        + "(the date the text last changed); Beacon has no separate publication date",
                "content/uk/dovidka/krok-11.md:3:1: error: unknown field 'date' (from Hugo or Jekyll); write it as 'updated: 2024-01-03' "
                        + "(the date the text last changed); Beacon has no separate publication date"),
                lines.subList(0, 4).stream().map(l -> l.replace(content.getParent().toString() + "/", "")).toList());
        assertTrue(lines.stream().anyMatch(l -> l.matches("24 errors, 0 warnings \\(2 kinds\\); 5 of 24 shown \\(--max-findings 5\\); "
                + "beacon check --format json lists every one")), out());

        output.reset();
        assertEquals(1, Main.run("check", "--content", content.toString(), "--max-findings", "5", "--format", "json"));
        assertEquals(24, new com.fasterxml.jackson.databind.ObjectMapper().readTree(out()).get("findings").size());
    }

    @Test
    void buildTakesMaxFindingsToo() {
        Path content = hugoPages();
        assertEquals(1, Main.run("build", "--content", content.toString(), "--out", temp.resolve("site").toString(),
                "--max-findings", "2"));
        assertTrue(err().contains("; 2 of 24 shown (--max-findings 2); beacon check --format json lists every one"), err());
    }

    @Test
    void checkMigrateMakesUnknownFieldsWarningsAndListsTheImportHints() {
        Path content = hugoPages();
        writePageWithHugoParams(content);
        assertEquals(0, Main.run("check", "--content", content.toString(), "--migrate"), out());
        assertTrue(out().contains("krok-1.md:3:1: warning: unknown field 'date' (from Hugo or Jekyll); write it as 'updated: 2024-01-02'"),
                out());
        assertTrue(out().contains("""
                Fields from Hugo or Jekyll, and what to write instead:
                  date (12 pages): write it as 'updated: ...' (the date the text last changed); Beacon has no separate publication date
                  description (12 pages): write it as 'summary: ...' (the line under the title in lists and search)
                  params (1 page): no Beacon field; remove it, or move what it says into the text
                """), out());
        assertTrue(out().contains("Checked 0 pages in en, 13 pages in uk"), out());
    }

    private static void writePageWithHugoParams(Path content) {
        city.beacon.check.CheckRun.write(content, "uk/dovidka/inshe.md", "---\ntitle: Інше\nparams:\n  x: 1\n---\nТекст\n");
    }
}
