package city.beacon.publish;

import city.beacon.hashing.CanonicalHash;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of every published file, with the size and modification time it had when it was
 * published, kept beside the output ({@code .public.files} for {@code public/}). A later build
 * trusts a hash only while the file still has that size and time, so it can tell an unchanged
 * file, and name its hash in the manifest, without reading it; a file someone touched since is
 * read again. A missing or damaged file only means every file is read.
 */
public final class FileStamps {
    private static final int FORMAT = 2;

    /** A published file as it was: its size, modification time (ms) and hex SHA-256. */
    public record Stamp(long size, long modified, String sha256) {
    }

    /** The stamps as the previous build wrote them, each decoded when first asked for: a one-page edit asks for a few. */
    private final Map<String, RawEntries.Raw> stamps;
    private final Map<String, Stamp> decoded;
    /** The stamps file as it was when read ({@link #identity}), or null when there was none. */
    private final Object source;

    private FileStamps(Map<String, RawEntries.Raw> stamps, Object source) {
        this.stamps = stamps;
        this.decoded = new ConcurrentHashMap<>(stamps.size()); // a build decodes most of them: sized up front, not grown
        this.source = source;
    }

    public static FileStamps none() {
        return new FileStamps(Map.of(), null);
    }

    /** The stamps file beside the output folder {@code out}. */
    public static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".files");
    }

    public static FileStamps load(Path file) {
        Object before = identity(file);
        return SideFile.loadWhole(file, at -> at.getInt() != FORMAT ? none() : new FileStamps(RawEntries.read(at.array(), at), before))
                .orElse(none());
    }

    /**
     * Whether {@code file} is still the stamps file these stamps were read from: a build reads them
     * before it holds the lock of the output, and a publish finished since (its own journal's, or
     * another build's) replaces the file.
     */
    public boolean readFrom(Path file) {
        return Objects.equals(source, identity(file));
    }

    /** The file's key (its inode), modification time and size; null when it cannot be read. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code stamps} (path relative to the output -> stamp), replacing the file at once. */
    public static void save(Path file, Map<String, Stamp> stamps) throws IOException {
        none().saveNext(file, stamps);
    }

    /**
     * Writes {@code stamps} as {@link #save(Path, Map)} does; a stamp these stamps gave unchanged
     * is written as it was read.
     */
    public void saveNext(Path file, Map<String, Stamp> next) throws IOException {
        Map<String, RawEntries.Raw> entries = RawEntries.merge(Map.of(), next, decoded, stamps, FileStamps::write);
        SideFile.save(file, out -> {
            out.writeInt(FORMAT);
            RawEntries.write(out, entries, stamps);
        });
    }

    private static void write(DataOutputStream out, Stamp stamp) throws IOException {
        out.writeLong(stamp.size());
        out.writeLong(stamp.modified());
        out.writeUTF(stamp.sha256());
    }

    /** Whether {@code next} holds exactly these stamps. */
    public boolean sameAs(Map<String, Stamp> next) {
        return next.keySet().equals(stamps.keySet()) && next.entrySet().stream().allMatch(e -> stamp(e.getKey()).filter(e.getValue()::equals).isPresent());
    }

    /** The stamp of {@code relative}, decoded once; empty when there is none or it is damaged. */
    private Optional<Stamp> stamp(String relative) {
        RawEntries.Raw raw = stamps.get(relative);
        if (raw == null) return Optional.empty();
        return Optional.of(decoded.computeIfAbsent(relative, r -> {
            try {
                ByteBuffer at = raw.buffer();
                return new Stamp(at.getLong(), at.getLong(), RawEntries.utf(at));
            } catch (IOException | RuntimeException e) {
                return new Stamp(-1, -1, ""); // never matches a file: it is read again
            }
        }));
    }

    /** The files these stamps describe, by path relative to the site root. */
    public java.util.Set<String> files() {
        return stamps.keySet();
    }

    /** {@link CanonicalHash#sha256}, kept under this name for its callers. */
    public static String sha256(byte[] content) {
        return CanonicalHash.sha256(content);
    }

    /** The stamp of {@code relative} when the file {@code old} still has the size and time it was published with. */
    public Optional<Stamp> current(String relative, Path old) {
        Stamp stamp = stamp(relative).orElse(null);
        if (stamp == null) return Optional.empty();
        try {
            BasicFileAttributes now = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean same = now.isRegularFile() && now.size() == stamp.size() && now.lastModifiedTime().toMillis() == stamp.modified();
            return same ? Optional.of(stamp) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
