package city.beacon.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    private static Problems sample() {
        Problems problems = new Problems();
        problems.warning("content/uk/b.md", 0, 0, null, "no translation into en", null);
        problems.error("content/uk/a.md", 7, 3, "reviewed", "expected a date like 2026-11-25, got \"last week\"", null);
        problems.error("content/uk/a.md", 2, 1, null, "unknown field 'titel'", "did you mean 'title'?");
        return problems;
    }

    private static String print(Report.Format format, Problems problems) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.print(format, problems, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textIsOneLinePerFindingSortedByFileAndLineThenTheCount() {
        assertEquals("""
                content/uk/a.md:2:1: error: unknown field 'titel'; did you mean 'title'?
                content/uk/a.md:7:3: error: field 'reviewed': expected a date like 2026-11-25, got "last week"
                content/uk/b.md: warning: no translation into en
                2 errors, 1 warning
                """, print(Report.Format.TEXT, sample()));
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(print(Report.Format.JSON, sample()));
        assertEquals(2, root.get("errors").asInt());
        assertEquals(1, root.get("warnings").asInt());
        assertEquals(3, root.get("findings").size());
        JsonNode second = root.get("findings").get(1);
        assertEquals(new ObjectMapper().readTree("""
                {"severity":"error","file":"content/uk/a.md","line":7,"column":3,"field":"reviewed",
                 "message":"expected a date like 2026-11-25, got \\"last week\\"","suggestion":null}"""), second);
        assertEquals("did you mean 'title'?", root.get("findings").get(0).get("suggestion").asText());
    }

    @Test
    void githubFormatPrintsWorkflowCommandsWithEscapedValues() {
        Problems problems = sample();
        problems.error("content/en/x, y.md", 3, 0, null, "100% wrong\nreally", null);
        assertEquals("""
                ::error file=content/en/x%2C y.md,line=3,title=beacon check::100%25 wrong%0Areally
                ::error file=content/uk/a.md,line=2,col=1,title=beacon check::unknown field 'titel'; did you mean 'title'?
                ::error file=content/uk/a.md,line=7,col=3,title=field 'reviewed'::expected a date like 2026-11-25, got "last week"
                ::warning file=content/uk/b.md,title=beacon check::no translation into en
                3 errors, 1 warning
                """, print(Report.Format.GITHUB, problems));
    }

    @Test
    void textEscapesTerminalControlsAndLineBreaksSoContentCannotClearTheScreenOrForgeAFinding() {
        Problems problems = new Problems();
        problems.error("content/uk/dovidka/a\u001b[2J\ncontent/x.md:1:1: error: forged.md", 2, 1, "title",
                "the title \"\u001b]0;owned\u0007\r\u202Eevil\u009b\" is wrong", "tab\there");
        assertEquals("""
                content/uk/dovidka/a\\u001B[2J\\ncontent/x.md:1:1: error: forged.md:2:1: error: field 'title': \
                the title "\\u001B]0;owned\\u0007\\r\\u202Eevil\\u009B" is wrong; tab\\there
                1 error, 0 warnings
                """, print(Report.Format.TEXT, problems));
    }

    @Test
    void strictMakesEveryWarningAnError() {
        Problems strict = sample().withWarningsAsErrors();
        assertEquals(3, strict.errorCount());
        assertEquals(0, strict.warningCount());
    }

    private static String text(Problems problems, int maxFindings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.text(problems, new PrintStream(bytes, true, StandardCharsets.UTF_8), false, maxFindings);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** 30 pages with an unknown field each, 12 pages with an empty title, 2 without translation. */
    private static Problems many() {
        Problems problems = new Problems();
        for (int i = 10; i < 40; i++) problems.error("content/en/info/p" + i + ".md", 3, 1, null, "unknown field 'date'", "write 'updated: ...'");
        for (int i = 10; i < 22; i++) problems.error("content/uk/dovidka/t" + i + ".md", 2, 1, "title", "must not be empty", "write the title");
        problems.warning("content/uk/a.md", 0, 0, null, "no translation into en", null);
        problems.warning("content/uk/b.md", 0, 0, null, "no translation into en", null);
        return problems;
    }

    @Test
    void moreFindingsThanTheLimitArePrintedByKindWithTheFirstExamplesOfEachAndATotal() {
        assertEquals("""
                30 errors: unknown field 'date'; the first 3:
                content/en/info/p10.md:3:1: error: unknown field 'date'; write 'updated: ...'
                content/en/info/p11.md:3:1: error: unknown field 'date'; write 'updated: ...'
                content/en/info/p12.md:3:1: error: unknown field 'date'; write 'updated: ...'
                12 errors: field 'title': must not be empty; the first 3:
                content/uk/dovidka/t10.md:2:1: error: field 'title': must not be empty; write the title
                content/uk/dovidka/t11.md:2:1: error: field 'title': must not be empty; write the title
                content/uk/dovidka/t12.md:2:1: error: field 'title': must not be empty; write the title
                2 warnings: no translation into en
                content/uk/a.md: warning: no translation into en
                content/uk/b.md: warning: no translation into en
                42 errors, 2 warnings (3 kinds); 8 of 44 shown (--max-findings 40); beacon check --format json lists every one
                """, text(many(), 40));
    }

    @Test
    void theLimitCountsFindingsShownAndTheKindsBeyondItAreCounted() {
        assertEquals("""
                30 errors: unknown field 'date'; the first 3:
                content/en/info/p10.md:3:1: error: unknown field 'date'; write 'updated: ...'
                content/en/info/p11.md:3:1: error: unknown field 'date'; write 'updated: ...'
                content/en/info/p12.md:3:1: error: unknown field 'date'; write 'updated: ...'
                12 errors: field 'title': must not be empty; the first 1:
                content/uk/dovidka/t10.md:2:1: error: field 'title': must not be empty; write the title
                and 1 more kind (2 findings)
                42 errors, 2 warnings (3 kinds); 4 of 44 shown (--max-findings 4); beacon check --format json lists every one
                """, text(many(), 4));
    }

    @Test
    void findingsWithinTheLimitArePrintedOneLineEachAsBefore() {
        Problems problems = many();
        String all = text(problems, 44);
        assertEquals(45, all.lines().count(), all);
        assertTrue(all.startsWith("content/en/info/p10.md:3:1: error: unknown field 'date'; write 'updated: ...'\n"), all);
        assertTrue(all.endsWith("\n42 errors, 2 warnings\n"), all);
    }

    @Test
    void jsonAndGithubListEveryFindingWhateverTheLimit() {
        assertEquals(44 + 1, print(Report.Format.GITHUB, many()).lines().count());
        assertEquals(44, print(Report.Format.JSON, many()).lines().filter(l -> l.contains("\"severity\"")).count());
    }

    @Test
    void aKindKeepsTheNamesInSingleQuotesAndLeavesOutTheEditorsTextAndTheNumbers() {
        assertEquals("unknown field 'date' (from Hugo or Jekyll)",
                FindingKinds.pattern(Problem.error("a.md", 3, 1, null, "unknown field 'date' (from Hugo or Jekyll)", "write ...")));
        assertEquals("field 'places[N].phone': expected a short code, got \"…\"",
                FindingKinds.pattern(Problem.error("a.md", 3, 1, "places[2].phone", "expected a short code, got \"044 12\"", null)));
        assertEquals("the front matter's opening '---' must be the first line of the file, but N blank lines come before it",
                FindingKinds.pattern(Problem.error("a.md", 3, 1, null,
                        "the front matter's opening '---' must be the first line of the file, but 2 blank lines come before it", null)));
    }
}
