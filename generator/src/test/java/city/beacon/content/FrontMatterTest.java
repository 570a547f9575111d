package city.beacon.content;

import city.beacon.yaml.TextFiles;
import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterTest {

    @Test
    void splitsYamlFromBodyWithTheLineEachStartsOn() {
        Problems problems = new Problems();
        FrontMatter fm = FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# Body\ntext\n", "a.md", problems).orElseThrow();
        assertEquals("title: A\nsummary: B\n", fm.yaml());
        assertEquals(2, fm.yamlLine());
        assertEquals("# Body\ntext\n", fm.body());
        assertEquals(5, fm.bodyLine());
        assertTrue(problems.sorted().isEmpty());
    }

    @Test
    void closingLineMayBeThreeDotsAndBodyMayBeMissing() {
        FrontMatter fm = FrontMatter.split("---\ntitle: A\n...", "a.md", new Problems()).orElseThrow();
        assertEquals("title: A\n", fm.yaml());
        assertEquals("", fm.body());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsAreHandledByTextFiles() {
        byte[] bytes = "\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n".getBytes(StandardCharsets.UTF_8);
        Problems problems = new Problems();
        String text = TextFiles.decode(bytes, "a.md", problems).orElseThrow();
        assertEquals("---\ntitle: A\n---\nBody\n", text);
        FrontMatter fm = FrontMatter.split(text, "a.md", problems).orElseThrow();
        assertEquals("title: A\n", fm.yaml());
        assertEquals("Body\n", fm.body());
    }

    @Test
    void invalidUtf8IsReportedWithTheLineOfTheBadByte() {
        byte[] bytes = {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        Problems problems = new Problems();
        assertEquals(Optional.empty(), TextFiles.decode(bytes, "content/uk/a.md", problems));
        assertEquals(List.of("content/uk/a.md:2: error: the file is not valid UTF-8 text; "
                + "save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)"), Fixtures.lines(problems));
    }

    @Test
    void unclosedFrontMatterIsReported() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), FrontMatter.split("---\ntitle: A\nText without a closing line\n", "a.md", problems));
        assertEquals(List.of("a.md:1:1: error: the front matter is not closed; "
                + "add a line '---' after the last field, before the text of the page"), Fixtures.lines(problems));
    }

    @Test
    void emptyFileIsReported() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), FrontMatter.split(" \n\n", "a.md", problems));
        assertEquals(List.of("a.md:1:1: error: the file is empty; start it with front matter: "
                + "a line '---', fields such as 'title: ...', and another '---'"), Fixtures.lines(problems));
    }

    @Test
    void fileWithoutFrontMatterIsReported() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), FrontMatter.split("# Title\ntext\n", "a.md", problems));
        assertTrue(Fixtures.lines(problems).get(0).startsWith("a.md:1:1: error: the file does not start with front matter"));
    }

    @Test
    void emptyFrontMatterSplitsIntoEmptyYaml() {
        FrontMatter fm = FrontMatter.split("---\n---\nBody\n", "a.md", new Problems()).orElseThrow();
        assertEquals("", fm.yaml());
        assertEquals(3, fm.bodyLine());
    }

    @Test
    void aBlankLineBeforeTheOpeningLineIsNamed() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), FrontMatter.split("\n---\ntitle: A\n---\nText\n", "a.md", problems));
        assertEquals(List.of("a.md:2:1: error: the front matter's opening '---' must be the first line of the file, "
                + "but 1 blank line comes before it; remove what comes before '---'"), Fixtures.lines(problems));
    }

    @Test
    void spacesAndAByteOrderMarkBeforeTheOpeningLineAreNamed() {
        Problems problems = new Problems();
        FrontMatter.split("\n\n  ---\ntitle: A\n---\n", "a.md", problems);
        FrontMatter.split("\uFEFF---\ntitle: A\n---\n", "b.md", problems);
        assertEquals(List.of("a.md:3:3: error: the front matter's opening '---' must be the first line of the file, "
                        + "but 2 blank lines and spaces come before it; remove what comes before '---'",
                "b.md:1:2: error: the front matter's opening '---' must be the first line of the file, "
                        + "but an invisible byte order mark (U+FEFF) comes before it; remove what comes before '---'"),
                Fixtures.lines(problems));
    }
}
