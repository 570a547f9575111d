package city.beacon.content;

import city.beacon.CapturedOutput;
import city.beacon.cli.Main;
import city.beacon.check.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17, item 10: site.yaml, the data files and static files that are symbolic links out of
 * the content folder are refused as page links are, and no message ever prints more of a file
 * than the one line at fault.
 */
class SymlinkedSettingsTest {
    @TempDir
    Path dir;

    private static final String SECRET = """
            -----BEGIN OPENSSH PRIVATE KEY-----
            b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
            QyNTUxOQAAACDPY11DDT0Q76+LtpAtTmbze3P8AeYjFw4PwmB9rssUnAAAAJD7zKvp+8yr
            -----END OPENSSH PRIVATE KEY-----
            """;
    private static final String OUTSIDE = "error: a symbolic link that points outside the content folder; it is not followed; "
            + "copy the file into the content folder instead of linking to it";

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
    }

    private Path sampleWithASecretBeside() throws IOException {
        Path content = CheckRun.sampleContent(dir);
        Files.writeString(dir.resolve("id_ed25519"), SECRET);
        return content;
    }

    private List<String> check(Path content, String format) {
        output.reset();
        Main.run("check", "--content", content.toString(), "--format", format);
        return output.out().lines().map(l -> l.replace(dir + "/", "")).toList();
    }

    @Test
    void siteYamlLinkedOutOfTheContentFolderIsRefusedUnread() throws IOException {
        Path content = sampleWithASecretBeside();
        link(content.resolve("site.yaml"), dir.resolve("id_ed25519"));
        List<String> lines = check(content, "text");
        assertEquals(List.of("content/site.yaml: " + OUTSIDE, "1 error, 0 warnings"), lines.subList(0, 2));
        assertFalse(String.join("\n", check(content, "github")).contains("b3BlbnNzaC1rZXkt"));
    }

    @Test
    void dataFileLinkedOutOfTheContentFolderIsRefusedUnreadInEveryFormat() throws IOException {
        Path content = sampleWithASecretBeside();
        link(content.resolve("data/emergency.yaml"), dir.resolve("id_ed25519"));
        List<String> text = check(content, "text");
        assertEquals(List.of("content/data/emergency.yaml: " + OUTSIDE),
                text.stream().filter(l -> l.contains(": error: ")).toList());
        for (String format : List.of("text", "json", "github")) {
            String all = String.join("\n", check(content, format));
            assertFalse(all.contains("b3BlbnNzaC1rZXkt") || all.contains("BEGIN OPENSSH"), format + ": " + all);
        }
    }

    @Test
    void dataFolderLinkedElsewhereIsNotFollowed() throws IOException {
        Path content = sampleWithASecretBeside();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(content.resolve("data"), elsewhere.resolve("data"));
        link(content.resolve("data"), elsewhere.resolve("data"));
        assertEquals(List.of("content/data: error: a symbolic link to a folder; it is not followed; "
                        + "move or copy the folder into the content folder instead of linking to it"),
                check(content, "text").stream().filter(l -> l.contains(": error: ")).toList());
    }

    @Test
    void staticFileLinkedOutOfTheContentFolderIsRefused() throws IOException {
        Path content = sampleWithASecretBeside();
        Files.createDirectories(content.resolve("static"));
        link(content.resolve("static/key.txt"), dir.resolve("id_ed25519"));
        assertEquals(List.of("content/static/key.txt: " + OUTSIDE),
                check(content, "text").stream().filter(l -> l.contains(": error: ")).toList());
    }

    @Test
    void aFileThatIsOneLongTextIsNotQuotedBackWhole() throws IOException {
        Path content = sampleWithASecretBeside();
        Files.writeString(content.resolve("data/emergency.yaml"), SECRET);
        List<String> errors = check(content, "text").stream().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of("content/data/emergency.yaml:1:1: error: expected a list of entries starting with '- ', got "
                + "\"-----BEGIN OPENSSH PRIVATE KEY-----…\""), errors);
    }
}
