package city.beacon.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hashes kept beside the output, which let a build compare with the published files without reading them. */
class FileStampsTest {
    private static final String SHA256_OF_SAME = "0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5";

    @Test
    void publishingKeepsTheHashSizeAndTimeOfEveryFileBesideTheOutput(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same"));
        FileStamps stamps = FileStamps.load(tmp.resolve(".public.files"));
        FileStamps.Stamp stamp = stamps.current("a.html", out.resolve("a.html")).orElseThrow();
        assertEquals(new FileStamps.Stamp(4, Files.getLastModifiedTime(out.resolve("a.html")).toMillis(), SHA256_OF_SAME), stamp);
        assertEquals(SHA256_OF_SAME, FileStamps.sha256("same".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileWithTheSizeAndTimeOfItsStampIsComparedByTheStampNotReadAgain(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same"));
        // Same size and time, other bytes: only a build that reads the file could notice.
        rewrite(out.resolve("a.html"), "SAME", Files.getLastModifiedTime(out.resolve("a.html")));

        assertEquals(0, publish(out, Map.of("a.html", "same")), "the stamp vouched for the file: carried over");
        assertEquals("SAME", Files.readString(out.resolve("a.html")));
    }

    @Test
    void aFileTouchedSinceItWasPublishedIsReadAndComparedByItsBytes(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same"));
        rewrite(out.resolve("a.html"), "SAME", FileTime.fromMillis(1_700_000_000_000L));

        assertEquals(1, publish(out, Map.of("a.html", "same")), "the stamp no longer vouches: the bytes differ, so written");
        assertEquals("same", Files.readString(out.resolve("a.html")));
    }

    @Test
    void aReusedFileIsListedWithItsHashWithoutBeingRead(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html.gz", "same"));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            assertTrue(staged.reuse("a.html.gz"));
            assertFalse(staged.reuse("missing.gz"));
            assertEquals(SHA256_OF_SAME, staged.sha256("a.html.gz"));
            assertTrue(staged.unchanged("a.html.gz"));
            publisher.discard(staged);
        }
    }

    @Test
    void aDamagedStampsFileMeansEveryFileIsReadNotAFailure(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same"));
        Files.write(tmp.resolve(".public.files"), new byte[]{0, 0, 0, 1, 0, 0, 0, 9, 1});
        assertTrue(FileStamps.load(tmp.resolve(".public.files")).current("a.html", out.resolve("a.html")).isEmpty());
        assertEquals(0, publish(out, Map.of("a.html", "same")), "compared by its bytes, still carried over");
    }

    /** Changes a published file behind the build's back, dating it {@code time}. */
    private static void rewrite(Path file, String text, FileTime time) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    private static int publish(Path out, Map<String, String> files) throws Exception {
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            files.forEach(staged::write);
            publisher.publish(staged);
            return staged.writtenCount();
        }
    }
}
