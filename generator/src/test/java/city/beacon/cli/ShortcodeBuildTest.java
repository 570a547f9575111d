package city.beacon.cli;

import city.beacon.CapturedOutput;
import city.beacon.check.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Hugo shortcode left in a page, through the whole build: never published silently. */
class ShortcodeBuildTest {
    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private static final String PAGE = "---\ntitle: Довідка\n---\n{{< note >}}\nВізьміть **паспорт**.\n{{< /note >}}\n";

    private Path content() {
        Path content = CheckRun.minimalContent(temp);
        CheckRun.write(content, "uk/dovidka/dovidka.md", PAGE);
        return content;
    }

    @Test
    void checkStopsAtAShortcodeWithItsLineAndCheckMigrateWarnsOfIt() {
        Path content = content();
        assertEquals(1, Main.run("check", "--content", content.toString()), output.out());
        assertTrue(output.out().contains("content/uk/dovidka/dovidka.md:4:1: error: the Hugo shortcode {{< note >}} is not Beacon Markdown: "
                + "residents would see it as text"), output.out());
        output.reset();
        assertEquals(0, Main.run("check", "--content", content.toString(), "--migrate"), output.out());
        assertTrue(output.out().contains("content/uk/dovidka/dovidka.md:4:1: warning: the Hugo shortcode {{< note >}}"), output.out());
    }

    @Test
    void aShortcodeThatSiteYamlUnwrapsIsPublishedAsItsMarkdown() throws Exception {
        Path content = content();
        Files.writeString(content.resolve("site.yaml"), "shortcodes: {note: unwrap}\n", StandardOpenOption.APPEND);
        Path out = temp.resolve("site");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()), output.err());
        String html = Files.readString(out.resolve("uk/dovidka/dovidka/index.html"));
        assertTrue(html.contains("<p>Візьміть <strong>паспорт</strong>.</p>"), html);
        assertFalse(html.contains("{{"), html);
    }

    @Test
    void changingAShortcodesPolicyRendersThePageAgainThoughItsFileIsUnchanged() throws Exception {
        Path content = content();
        String settings = Files.readString(content.resolve("site.yaml"));
        Path out = temp.resolve("site");
        Files.writeString(content.resolve("site.yaml"), settings + "shortcodes: {note: unwrap}\n");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()), output.err());
        assertTrue(Files.readString(out.resolve("uk/dovidka/dovidka/index.html")).contains("паспорт"));
        Files.writeString(content.resolve("site.yaml"), settings + "shortcodes: {note: drop}\n");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()), output.err());
        String html = Files.readString(out.resolve("uk/dovidka/dovidka/index.html"));
        assertFalse(html.contains("паспорт"), html);
        assertTrue(output.err().contains("content/uk/dovidka/dovidka.md:4:1: warning: a Hugo shortcode {{< note >}} was removed from this page, "
                + "as site.yaml says ('shortcodes: {note: drop}')"), output.err());
    }
}
