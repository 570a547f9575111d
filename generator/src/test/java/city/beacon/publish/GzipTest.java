package city.beacon.publish;

import city.beacon.mirror.Precompressed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GzipTest {
    private static final byte[] PAGE = "<p>Пункти незламності працюють цілодобово.</p>\n".repeat(40).getBytes(StandardCharsets.UTF_8);

    @Test
    void headerHasNoFileNameNoTimeAndTheSameBytesEveryTime() throws Exception {
        byte[] gz = Gzip.compress(PAGE);
        // magic, deflate, no flags (so no name), mtime 0, XFL, OS
        assertArrayEquals(new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, Arrays.copyOf(gz, 8));
        assertArrayEquals(gz, Gzip.compress(PAGE.clone()));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(PAGE, in.readAllBytes());
        }
        assertTrue(gz.length < PAGE.length / 10, "best compression of a repetitive page: " + gz.length);
    }

    @Test
    void gzIsWrittenBesideTextFilesOnlyWhereItSavesBytes(@TempDir Path tmp) {
        OutputTree out = new OutputTree(tmp);
        out.write("en/", PAGE);
        out.write("assets/beacon.css", "body{margin:0}".repeat(30));
        out.write("tiny.txt", "a");
        out.write("photo.jpg", PAGE); // not text: served as it is
        Precompressed.write(out);
        assertTrue(Files.exists(tmp.resolve("en/index.html.gz")));
        assertTrue(Files.exists(tmp.resolve("assets/beacon.css.gz")));
        assertFalse(Files.exists(tmp.resolve("tiny.txt.gz")), "a 1-byte file grows when gzipped");
        assertFalse(Files.exists(tmp.resolve("photo.jpg.gz")));
        assertEquals(6, out.fileCount());
    }
}
