package city.beacon;

import city.beacon.cli.Main;
import city.beacon.check.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, item 14: text from the content never reaches the terminal raw (no escape sequences, no forged lines). */
class TerminalOutputTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void fileNameWithEscapeSequenceAndForgedFindingIsPrintedEscapedOnOneLine() {
        Path content = CheckRun.minimalContent(dir);
        String name = "a\u001b[2J\nx.md:1:1: error: forged.md";
        CheckRun.write(content, "uk/dovidka/" + name, "---\ntitle: Сторінка\nexample: true\n---\nТекст\n");
        CheckRun.write(content, "en/info/" + name, "---\ntitle: \"\\e[2J\"\nexample: true\n---\nText\n");

        int code = Main.run("check", "--content", content.toString());

        String shown = content + "/en/info/a\\u001B[2J\\nx.md:1:1: error: forged.md";
        List<String> lines = output.out().lines().toList();
        assertEquals(1, code, output.out() + output.err());
        assertEquals(List.of(shown + ":2:1: error: field 'title': contains the control character U+001B, "
                        + "which cannot be shown and breaks the feeds; delete it (retype the text if it was pasted)",
                "1 error, 0 warnings"), lines.subList(0, lines.size() - 1));
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("\u001b") || l.startsWith("x.md")).toList());
    }
}
