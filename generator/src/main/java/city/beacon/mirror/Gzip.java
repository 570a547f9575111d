package city.beacon.mirror;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic gzip at the best compression: the JDK writes a fixed 10-byte header (no file
 * name, modification time 0, OS 0), so the same input always gives the same bytes.
 */
public final class Gzip {
    private Gzip() {
    }

    public static byte[] compress(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return bytes.toByteArray();
    }
}
