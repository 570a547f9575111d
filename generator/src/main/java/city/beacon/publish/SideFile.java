package city.beacon.publish;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A file a build keeps beside its output (the build cache, the file stamps): replaced whole or
 * not at all, so a build killed while saving leaves the previous copy, never half a file; what
 * such a build left behind is removed by the next one, under its lock ({@link Publisher}), so
 * that a build waiting for the lock never removes what the running one is saving.
 */
public final class SideFile {
    private static final String TEMPORARY = ".tmp";
    private SideFile() {
    }

    /** Writes what it is given to a temporary file beside {@code file}. */
    public interface Content {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the file; what it returns when the file is absent or damaged is the caller's fallback. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    public static void save(Path file, Content content) throws IOException {
        write(file, content).replace();
    }

    /** A side file written, not yet in its place: put there when the build publishes, else discarded. */
    public interface Pending {
        void replace() throws IOException;

        void discard() throws IOException;
    }

    /**
     * Where a side file is kept: a file beside the output folder ({@link #at}), or memory, for the
     * live preview ({@link InMemory}). The caches are read and written through it alike.
     */
    public interface Slot {
        /** The bytes as last put in place; empty when there are none or they cannot be read. */
        Optional<byte[]> read();

        /** Writes {@code content}, to be put in place by {@link Pending#replace}. */
        Pending write(Content content) throws IOException;
    }

    /** The side file {@code file}, beside an output folder. */
    public static Slot at(Path file) {
        return new Slot() {
            @Override
            public Optional<byte[]> read() {
                try {
                    return Files.isRegularFile(file) ? Optional.of(readWhole(file)) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Pending write(Content content) throws IOException {
                return SideFile.write(file, content);
            }
        };
    }

    /**
     * A side file held in memory, for builds in memory one after the other (the live preview's).
     * A cache may keep here, instead of its bytes, the entries it would read back from them
     * ({@link #hold}): encoding and copying the whole file at each save (36 MB at 10 000 pages, of
     * which an edit changes a few entries) was most of what a preview's rebuild allocated, and
     * the collector's pauses that followed were a third of its time.
     */
    public static final class InMemory implements Slot {
        private volatile byte[] bytes;
        private volatile Object held;

        @Override
        public Optional<byte[]> read() {
            return Optional.ofNullable(bytes);
        }

        @Override
        public Pending write(Content content) throws IOException {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 16);
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                content.write(out);
            }
            byte[] written = buffer.toByteArray();
            return replacing(written, null);
        }

        /** Keeps {@code state} (immutable: what the next build reads) in place of the bytes, once put in place. */
        public Pending hold(Object state) {
            return replacing(null, state);
        }

        /** What a cache {@linkplain #hold held} here, when it is a {@code type} and no bytes were written since. */
        public <T> Optional<T> held(Class<T> type) {
            return type.isInstance(held) ? Optional.of(type.cast(held)) : Optional.empty();
        }

        private Pending replacing(byte[] written, Object state) {
            return new Pending() {
                @Override
                public void replace() {
                    bytes = written;
                    held = state;
                }

                @Override
                public void discard() {
                }
            };
        }
    }

    /** What {@code reader} makes of the bytes in {@code slot}; empty when there are none, or they cannot be read or are damaged. */
    public static <T> Optional<T> loadWhole(Slot slot, WholeReader<T> reader) {
        try {
            Optional<byte[]> bytes = slot.read();
            return bytes.isEmpty() ? Optional.empty() : Optional.ofNullable(reader.read(ByteBuffer.wrap(bytes.get())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A side file written beside its place, not yet in it: a build may write one early and put it
     * in place ({@link #replace}) only once it publishes, or remove it ({@link #discard}).
     */
    public record Written(Path temporary, Path file) implements Pending {
        @Override
        public void replace() throws IOException {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void discard() throws IOException {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes what it is given beside {@code file}, to be put in its place by {@link Written#replace}. */
    public static Written write(Path file, Content content) throws IOException {
        Path temporary = temporary(file);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new Pieces(new FileOutputStream(temporary.toFile())), 1 << 16))) {
            content.write(out);
        }
        return new Written(temporary, file);
    }

    /** Reads the file's bytes, read whole; what it returns when the file is absent or damaged is the caller's fallback. */
    public interface WholeReader<T> {
        T read(ByteBuffer bytes) throws IOException;
    }

    /** The file's content, or empty when it is absent or cannot be read (a damaged side file only costs work). */
    public static <T> Optional<T> load(Path file, Reader<T> reader) {
        return loadWhole(file, bytes -> reader.read(new DataInputStream(new ByteArrayInputStream(bytes.array()))));
    }

    /**
     * As {@link #load}, for a reader of the whole file's bytes: read at once (through a stream, the
     * 10 MB caches were read in chunks and copied twice).
     */
    public static <T> Optional<T> loadWhole(Path file, WholeReader<T> reader) {
        return loadWhole(at(file), reader);
    }

    /**
     * Files.readAllBytes and Files.newOutputStream pass a call's bytes through a temporary direct
     * buffer as large as the call, zeroed first: 10 MB for a whole cache file, and 19 of an edit's
     * 1 500 ms of CPU. Through a file stream, a megabyte at a time, the bytes are copied once.
     */
    private static final int PIECE = 1 << 20;

    private static byte[] readWhole(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            long size = in.getChannel().size();
            if (size > Integer.MAX_VALUE - 8) throw new IOException("too large for a side file: " + size + " bytes");
            byte[] bytes = new byte[(int) size];
            int read = 0;
            for (int n; read < bytes.length && (n = in.read(bytes, read, Math.min(PIECE, bytes.length - read))) > 0; ) read += n;
            if (read < bytes.length) throw new IOException("the file shrank while it was read");
            return bytes;
        }
    }

    /** Writes what it is given a megabyte at a time (see {@link #PIECE}). */
    private static final class Pieces extends FilterOutputStream {
        Pieces(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int at = offset, end = offset + length; at < end; at += PIECE) out.write(bytes, at, Math.min(PIECE, end - at));
        }
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + TEMPORARY);
    }

    /** Whether the file named {@code name} is a side file being saved, or left half-saved by a killed build. */
    static boolean isTemporary(String name) {
        return name.endsWith(TEMPORARY);
    }
}
