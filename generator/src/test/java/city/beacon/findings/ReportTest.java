package city.beacon.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
