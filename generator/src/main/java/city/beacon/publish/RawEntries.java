package city.beacon.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entries of a cache file as the previous build wrote them: each one's bytes, by key, decoded
 * only when a build asks for it, and written back as they are when it did not change. A build
 * after a one-page edit decodes a few of ten thousand entries: decoding them all (their text from
 * UTF-8, with the quick JIT compiler of a fresh process) took half a second.
 */
public final class RawEntries {
    private RawEntries() {
    }

    /** One entry's bytes, inside the cache file read whole. */
    public record Raw(byte[] file, int offset, int length) {
        public DataInputStream in() {
            return new DataInputStream(new ByteArrayInputStream(file, offset, length));
        }

        /** The entry's bytes to read a field or two from, without a stream (tens of thousands are read in a build). */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(file, offset, length);
        }
    }

    /** A text {@link DataOutputStream#writeUTF} wrote, read from {@code at} (a key, a hash). */
    public static String utf(ByteBuffer at) throws IOException {
        int length = at.getShort() & 0xffff;
        int start = at.position();
        at.position(start + length);
        for (int i = start; i < start + length; i++) {
            if (at.array()[i] <= 0) return new DataInputStream(new ByteArrayInputStream(at.array(), start - 2, length + 2)).readUTF();
        }
        return new String(at.array(), start, length, StandardCharsets.ISO_8859_1); // ASCII, the same in both
    }

    /** Writes one entry into bytes of its own. */
    public interface Encoder<T> {
        void write(DataOutputStream out, T entry) throws IOException;
    }

    /** The bytes {@code encoder} writes for {@code entry}, kept as a raw entry. */
    public static <T> Raw encode(T entry, Encoder<T> encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        encoder.write(new DataOutputStream(bytes), entry);
        byte[] written = bytes.toByteArray();
        return new Raw(written, 0, written.length);
    }

    /**
     * Reads a count and that many entries (key, length, bytes) from {@code file} at the buffer's
     * position, which is left after them: only the keys are decoded.
     */
    public static Map<String, Raw> read(byte[] file, ByteBuffer at) throws IOException {
        int count = at.getInt();
        if (count < 0) throw new IOException("a negative count");
        Map<String, Raw> entries = new LinkedHashMap<>(count * 2); // in the file's order: sorted
        for (int n = 0; n < count; n++) {
            int keyLength = length(at);
            String key = new String(file, at.position(), keyLength, StandardCharsets.UTF_8);
            at.position(at.position() + keyLength);
            int length = length(at);
            entries.put(key, new Raw(file, at.position(), length));
            at.position(at.position() + length);
        }
        return entries;
    }

    private static int length(ByteBuffer at) throws IOException {
        int length = at.getInt();
        if (length < 0 || length > at.remaining()) throw new IOException("an entry longer than the file");
        return length;
    }

    /**
     * The entries to write after a build: those it {@code carried} over undecoded, and each of
     * {@code next}: the bytes it was read from when it is the very entry decoded from them, else encoded.
     */
    public static <T> Map<String, Raw> merge(Map<String, Raw> carried, Map<String, T> next, Map<String, T> decoded,
                                             Map<String, Raw> previous, Encoder<T> encoder) throws IOException {
        Map<String, Raw> entries = new HashMap<>(carried);
        for (Map.Entry<String, T> e : next.entrySet()) {
            entries.put(e.getKey(), decoded.get(e.getKey()) == e.getValue() ? previous.get(e.getKey()) : encode(e.getValue(), encoder));
        }
        return entries;
    }

    /** Whether {@code entries} are exactly the {@code previous} ones, as read. */
    public static boolean same(Map<String, Raw> entries, Map<String, Raw> previous) {
        return entries.keySet().equals(previous.keySet()) && entries.entrySet().stream().allMatch(e -> previous.get(e.getKey()) == e.getValue());
    }

    /**
     * Writes {@code entries} sorted by key, in the form {@link #read} reads; in the order of
     * {@code previous} (as read: sorted) when they have the same keys, which spares sorting them again.
     */
    public static void write(DataOutputStream out, Map<String, Raw> entries, Map<String, Raw> previous) throws IOException {
        Iterable<String> sorted = entries.keySet().equals(previous.keySet()) ? previous.keySet() : new TreeSet<>(entries.keySet());
        out.writeInt(entries.size());
        for (String key : sorted) {
            Raw raw = entries.get(key);
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(raw.length());
            out.write(raw.file(), raw.offset(), raw.length());
        }
    }
}
