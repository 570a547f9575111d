package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The placeholder check looks only for what {@code beacon new} writes: a field's value that starts
 * with the mark, and a paragraph of the text that starts with it, never inside code.
 */
class PlaceholdersTest {
    private final Problems problems = new Problems();

    private List<String> report(String text) {
        Placeholders.report(text, "content/en/info/a.md", problems);
        return Fixtures.lines(problems);
    }

    @Test
    void theMarkInsideCodeIsNeverAPlaceholder() {
        assertEquals(List.of(), report("""
                ---
                title: Writing a page
                ---

                A new page starts like this:

                ```yaml
                title: "TODO: the name residents look for"
                ```

                    TODO: the text of the page, in Markdown.

                `TODO: a document` is what `beacon new` writes for each document.
                """));
    }

    @Test
    void theMarkInTheMiddleOfATextIsAWordNotAPlaceholder() {
        assertEquals(List.of(), report("""
                ---
                title: Volunteers
                summary: "Pick a task from the TODO list at the desk"
                ---

                Read the TODO list first. TODO list, then the rest.
                """));
    }

    @Test
    void aFieldThatStartsWithTheMarkIsReportedWithItsLineAndField() {
        assertEquals(List.of(
                "content/en/info/a.md:3:11: error: field 'summary': still holds a placeholder: summary: \"TODO: who it is for\"; "
                        + "write the real value in place of 'TODO...' (see docs/editor-guide.md)",
                "content/en/info/a.md:4:8: error: field 'tags': still holds a placeholder: tags: [TODO]; "
                        + "write the real value in place of 'TODO...' (see docs/editor-guide.md)",
                "content/en/info/a.md:6:6: error: field 'documents': still holds a placeholder: - \"TODO: a document\"; "
                        + "write the real value in place of 'TODO...' (see docs/editor-guide.md)"),
                report("""
                        ---
                        title: Help
                        summary: "TODO: who it is for"
                        tags: [TODO]
                        documents:
                          - "TODO: a document"
                        ---

                        Text.
                        """));
    }

    @Test
    void aParagraphOfTheTextThatStartsWithTheMarkIsReportedWithItsLine() {
        assertEquals(List.of(
                "content/en/info/a.md:5:1: error: still holds a placeholder: TODO: the text of the page, in Markdown.; "
                        + "write the text of the page in place of the placeholder",
                "content/en/info/a.md:9:3: error: still holds a placeholder: - ЗАПОВНІТЬ: крок; "
                        + "write the text of the page in place of the placeholder"),
                report("""
                        ---
                        title: Help
                        ---

                        TODO: the text of the page, in Markdown.

                        ## Steps

                        - ЗАПОВНІТЬ: крок
                        """));
    }
}
