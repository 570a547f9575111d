package city.beacon.publish;

import city.beacon.BuildRun;
import city.beacon.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code build --out DIR} replaces only a folder Beacon wrote; {@code check} writes nowhere near the content. */
class OutputFolderTest {

    @Test
    void buildIntoTheContentFolderIsRefusedAndDeletesNothing(@TempDir Path tmp) throws IOException {
        Path content = TestContent.copy("content", tmp);
        Map<String, String> before = tree(tmp);

        BuildRun.Merged build = BuildRun.merged("build", "--content", content.toString(), "--out", content.toString());

        assertEquals(1, build.exit(), build.output());
        assertTrue(build.output().contains(content + ": error: this folder was not written by Beacon"), build.output());
        assertTrue(build.output().contains("choose another --out"), build.output());
        assertEquals(before, tree(tmp), "every page and site.yaml are still there, and nothing was added beside them");
    }

    @Test
    void buildIntoAFolderHoldingOtherFilesIsRefused(@TempDir Path tmp) throws IOException {
        Path content = TestContent.copy("content", tmp);
        Path out = tmp.resolve("www");
        TestContent.write(out.resolve("notes.txt"), "the operator's own notes");
        TestContent.write(out.resolve("build-info.json"), "{\"generator\": \"someone else\"}\n");
        Map<String, String> before = tree(tmp);

        BuildRun.Merged build = BuildRun.merged("build", "--content", content.toString(), "--out", out.toString());

        assertEquals(1, build.exit(), build.output());
        assertTrue(build.output().contains(out + ": error: this folder was not written by Beacon"), build.output());
        assertEquals(before, tree(tmp));
    }

    @Test
    void buildIntoAFileIsRefused(@TempDir Path tmp) throws IOException {
        Path content = TestContent.copy("content", tmp);
        Path out = tmp.resolve("public");
        TestContent.write(out, "a file, not a folder");

        BuildRun.Merged build = BuildRun.merged("build", "--content", content.toString(), "--out", out.toString());

        assertEquals(1, build.exit(), build.output());
        assertTrue(build.output().contains(out + ": error: this is a file, not a folder"), build.output());
        assertEquals("a file, not a folder", Files.readString(out));
    }

    @Test
    void buildIntoAnEmptyFolderAndAgainIntoItsOwnOutputPublishes(@TempDir Path tmp) throws IOException {
        Path content = TestContent.copy("content", tmp);
        Path out = Files.createDirectories(tmp.resolve("public"));

        assertEquals(0, BuildRun.merged("build", "--content", content.toString(), "--out", out.toString()).exit());
        assertTrue(Files.isRegularFile(out.resolve("build-info.json")), "the marker of a Beacon build");
        Files.writeString(content.resolve("en/info/about.md"), Files.readString(content.resolve("en/info/about.md")) + "\nMore.\n");
        BuildRun.Merged again = BuildRun.merged("build", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, again.exit(), again.output());
    }

    @Test
    void checkWritesNothingBesideTheContent(@TempDir Path tmp) throws IOException {
        Path content = TestContent.copy("content", tmp);
        Map<String, String> before = tree(tmp);

        BuildRun.Merged check = BuildRun.merged("check", "--content", content.toString());

        assertEquals(0, check.exit(), check.output());
        assertEquals(before, tree(tmp));
    }

    /** Every entry of a tree, hidden ones included, with the bytes of each file. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> entries = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                entries.put(root.relativize(p).toString(), Files.isDirectory(p) ? "folder"
                        : FileStamps.sha256(Files.readAllBytes(p)));
            }
        }
        return entries;
    }

}
