package city.beacon.yaml;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlDocumentTest {
    private static final String YAML = """
            title: Паспорт
            documents:
              - Заява
              - Фото
            places:
              - name: ЦНАП
                address: вул. Прикладна, 1
            """;

    @Test
    void remembersTheLineAndColumnOfEveryFieldAndItem() {
        // The YAML starts on line 2 of the file, after the opening '---'.
        YamlDocument doc = YamlDocument.parse(YAML, "a.md", 2, new Problems());
        assertEquals(new YamlDocument.Location(2, 1), doc.locate(JsonPointer.compile("/title")));
        assertEquals(new YamlDocument.Location(5, 5), doc.locate(JsonPointer.compile("/documents/1")));
        assertEquals(new YamlDocument.Location(7, 5), doc.locate(JsonPointer.compile("/places/0/name")));
        assertEquals(new YamlDocument.Location(8, 5), doc.locate(JsonPointer.compile("/places/0/address")));
        assertEquals("вул. Прикладна, 1", doc.root().at("/places/0/address").asText());
    }

    @Test
    void anAbsentFieldIsLocatedAtItsNearestParent() {
        YamlDocument doc = YamlDocument.parse(YAML, "a.md", 2, new Problems());
        assertEquals(doc.locate(JsonPointer.compile("/places/0")), doc.locate(JsonPointer.compile("/places/0/hours")));
    }

    @Test
    void tabIndentationIsReportedWithItsLine() {
        Problems problems = new Problems();
        assertNull(YamlDocument.parse("title: A\ndocuments:\n\t- one\n", "a.md", 2, problems));
        assertEquals(List.of("a.md:4:1: error: a tab character indents this line; "
                + "YAML needs spaces for indentation: replace the tab with two spaces"), Fixtures.lines(problems));
    }

    @Test
    void anAliasIsRefusedWhereItIsUsed() {
        // Jackson does not expose the anchor of a plain value; the alias that would repeat it is caught.
        Problems problems = new Problems();
        assertNull(YamlDocument.parse("a: &x hello\nb: *x\n", "a.md", 1, problems));
        assertEquals(List.of("a.md:2:4: error: YAML anchors and aliases (&name, *name) are not allowed; write the value out in full"),
                Fixtures.lines(problems));
    }

    @Test
    void anAnchoredGroupIsRefused() {
        Problems problems = new Problems();
        assertNull(YamlDocument.parse("a: &x\n  b: 1\nc: 2\n", "a.md", 1, problems));
        List<String> lines = Fixtures.lines(problems);
        assertEquals(1, lines.size());
        assertEquals("a.md:1:4: error: YAML anchors and aliases (&name, *name) are not allowed; write the value out in full",
                lines.get(0));
    }

    @Test
    void syntaxErrorIsReportedWithItsLineAndNoCopyOfTheText() {
        Problems problems = new Problems();
        assertNull(YamlDocument.parse("title: A\nsummary: [unclosed\n", "a.md", 2, problems));
        String line = Fixtures.lines(problems).get(0);
        assertEquals(true, line.startsWith("a.md:"), line);
        assertEquals(false, line.contains("in 'reader'"), line);
        assertEquals(true, line.contains("the list in [ ] that starts on line 3 is not closed"), line);
    }

    @Test
    void duplicateKeysAreRefused() {
        Problems problems = new Problems();
        assertNull(YamlDocument.parse("title: A\ntitle: B\n", "a.md", 2, problems));
        assertEquals(1, problems.errorCount());
    }

    @Test
    void emptyYamlIsAnEmptyMapping() {
        YamlDocument doc = YamlDocument.parse("", "a.md", 2, new Problems());
        assertEquals(0, doc.root().size());
    }

    private static List<String> yamlFindings(String yaml) {
        Problems problems = new Problems();
        assertNull(YamlDocument.parse(yaml, "a.md", 2, problems));
        return Fixtures.lines(problems);
    }

    @Test
    void aFieldIndentedUnderAnotherIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:3:3: error: this line is indented more than the field above it; "
                        + "fields of one page start at the same column; remove the spaces before 'summary:'"),
                yamlFindings("title: Паспорт\n  summary: Як замінити\n"));
    }

    @Test
    void aFieldOfAListItemIndentedWronglyIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:5:4: error: this line is indented less than the field above it, but not as far as "
                        + "any field before it; fields of one group start at the same column; line 'hours:' up with the fields it belongs with"),
                yamlFindings("places:\n  - name: ЦНАП\n    address: вул. Прикладна, 1\n   hours: 9-18\n"));
    }

    @Test
    void aColonInsideATextIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:2:13: error: this text contains ': ', which YAML reads as the start of another field; "
                        + "put the whole text in double quotes, like title: \"Увага: текст\""),
                yamlFindings("title: Увага: відключення\n"));
    }

    @Test
    void anUnclosedQuoteIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:2:8: error: the quoted text that starts here is never closed; "
                        + "add the closing \" at the end of the text"),
                yamlFindings("title: \"Паспорт\nsummary: B\n"));
    }

    @Test
    void anUnclosedListIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:3:8: error: the list in [ ] that starts on line 2 is not closed; "
                        + "add ']' after its last item (and put items containing ':' in double quotes)"),
                yamlFindings("tags: [a, b\nexample: true\n"));
    }

    @Test
    void aWrittenTwiceFieldIsExplainedInPlainWords() {
        assertEquals(List.of("a.md:4:1: error: the field 'title' is written twice, on lines 2 and 4; keep one of them"),
                yamlFindings("title: A\nsummary: S\ntitle: B\n"));
        assertEquals(List.of("a.md:5:5: error: the field 'name' is written twice, on lines 3 and 5; keep one of them"),
                yamlFindings("places:\n  - name: A\n    address: B\n    name: C\n"));
        assertEquals(List.of("a.md:3:1: error: the field 'service' is written twice, both on line 3; keep one of them"),
                yamlFindings("title: A\nreview: {service: 1, service: 2}\n"));
    }

    @Test
    void theParserOwnTextIsKeptForDebugOnly() {
        Problems problems = new Problems();
        YamlDocument.parse("title: A\n  summary: B\n", "a.md", 2, problems);
        city.beacon.findings.Problem problem = problems.sorted().get(0);
        assertFalse(problem.format().contains("mapping values"), problem.format());
        assertTrue(problem.format(true).endsWith("(YAML parser: mapping values are not allowed here)"), problem.format(true));
    }
}
