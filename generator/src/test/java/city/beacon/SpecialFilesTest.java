package city.beacon;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A named pipe (FIFO) where content is read would make a build wait forever for a writer, holding the
 * output's lock: every file that is not a regular file is refused with a finding, and never opened.
 */
class SpecialFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "uk/poslugy/x.md",
            "uk/dovidka/pro.md",
            "data/emergency.yaml",
            "data/crisis-lines.yaml",
            "static/plan.pdf",
            "site.yaml",
    })
    void aNamedPipeInTheContentIsAFindingNotAWait(String file, @TempDir Path tmp) throws Exception {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Path fifo = content.resolve(file);
        Files.createDirectories(fifo.getParent());
        Files.deleteIfExists(fifo);
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Path out = tmp.resolve("public");

        BuildRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BuildRun.build(content, out));

        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains(content.resolve(file) + ": error: a named pipe (FIFO), not a file; it is not read; "
                + "replace it with an ordinary file, or delete it"), run.toString());
        assertFalse(run.err().contains("Exception"), run.toString());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), BuildRun.leftovers(tmp), "nothing is left beside the output folder");
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
