package city.beacon.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * One entry's bytes, inside the cache file read whole; {@code keyAt}: where its record (key,
     * length, bytes) starts in that file, -1 for an entry encoded by this build.
     */
    public record Raw(byte[] file, int keyAt, int offset, int length) {
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
        return new Raw(written, -1, 0, written.length);
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
            int keyAt = at.position();
            int keyLength = length(at);
            String key = new String(file, at.position(), keyLength, StandardCharsets.UTF_8);
            at.position(at.position() + keyLength);
            int length = length(at);
            entries.put(key, new Raw(file, keyAt, at.position(), length));
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
        List<String> sorted = new ArrayList<>(entries.size());
        List<Raw> raws = new ArrayList<>(entries.size());
        if (entries.size() == previous.size()) { // as many keys: the same keys when each of the previous ones is there
            for (String key : previous.keySet()) {
                Raw raw = entries.get(key);
                if (raw == null) break;
                sorted.add(key);
                raws.add(raw);
            }
        }
        if (sorted.size() < entries.size()) {
            sorted = List.copyOf(new TreeSet<>(entries.keySet()));
            raws = sorted.stream().map(entries::get).toList();
        }
        out.writeInt(entries.size());
        // Entries read one after another from the previous file are written back as one run of its bytes.
        Raw run = null;
        int runEnd = 0;
        for (int i = 0; i < sorted.size(); i++) {
            String key = sorted.get(i);
            Raw raw = raws.get(i);
            if (run != null && raw.keyAt() == runEnd && raw.file() == run.file()) {
                runEnd = raw.offset() + raw.length();
                continue;
            }
            if (run != null) out.write(run.file(), run.keyAt(), runEnd - run.keyAt());
            run = raw.keyAt() >= 0 ? raw : null;
            runEnd = raw.offset() + raw.length();
            if (run != null) continue;
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(raw.length());
            out.write(raw.file(), raw.offset(), raw.length());
        }
        if (run != null) out.write(run.file(), run.keyAt(), runEnd - run.keyAt());
    }

    /** Texts by key, each decoded when asked for ({@link #texts}). */
    private static final class Texts extends java.util.AbstractMap<String, String> {
        private final Map<String, Raw> raw;

        Texts(Map<String, Raw> raw) {
            this.raw = raw;
        }

        @Override
        public String get(Object key) {
            Raw text = raw.get(key);
            return text == null ? null : new String(text.file(), text.offset(), text.length(), StandardCharsets.UTF_8);
        }

        @Override
        public boolean containsKey(Object key) {
            return raw.containsKey(key);
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            Map<String, String> all = new LinkedHashMap<>();
            raw.keySet().forEach(key -> all.put(key, get(key)));
            return java.util.Collections.unmodifiableMap(all).entrySet();
        }
    }

    /** A map of texts read from {@code file} at the buffer's position as {@link #writeTexts} wrote them, decoded one by one when asked for. */
    public static Map<String, String> readTexts(byte[] file, ByteBuffer at) throws IOException {
        return new Texts(read(file, at));
    }

    /** Writes a map of texts; one {@link #readTexts} gave is written back as the bytes it was read from. */
    public static void writeTexts(DataOutputStream out, Map<String, String> texts) throws IOException {
        if (texts instanceof Texts read) {
            write(out, read.raw, read.raw);
            return;
        }
        Map<String, Raw> entries = new HashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            byte[] text = e.getValue().getBytes(StandardCharsets.UTF_8);
            entries.put(e.getKey(), new Raw(text, -1, 0, text.length));
        }
        write(out, entries, Map.of());
    }
}
