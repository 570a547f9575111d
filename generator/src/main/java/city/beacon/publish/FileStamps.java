package city.beacon.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SHA-256 of every published file, with the size and modification time it had when it was
 * published, kept beside the output ({@code .public.files} for {@code public/}). A later build
 * trusts a hash only while the file still has that size and time, so it can tell an unchanged
 * file, and name its hash in the manifest, without reading it; a file someone touched since is
 * read again. A missing or damaged file only means every file is read.
 */
public final class FileStamps {
    private static final int FORMAT = 1;

    /** A published file as it was: its size, modification time (ms) and hex SHA-256. */
    public record Stamp(long size, long modified, String sha256) {
    }

    private final Map<String, Stamp> stamps;

    private FileStamps(Map<String, Stamp> stamps) {
        this.stamps = stamps;
    }

    public static FileStamps none() {
        return new FileStamps(Map.of());
    }

    /** The stamps file beside the output folder {@code out}. */
    public static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".files");
    }

    public static FileStamps load(Path file) {
        return SideFile.load(file, in -> {
            if (in.readInt() != FORMAT) return none();
            Map<String, Stamp> stamps = new TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) stamps.put(in.readUTF(), new Stamp(in.readLong(), in.readLong(), in.readUTF()));
            return new FileStamps(stamps);
        }).orElse(none());
    }

    /** Writes {@code stamps} (path relative to the output -> stamp), replacing the file at once. */
    public static void save(Path file, Map<String, Stamp> stamps) throws IOException {
        SideFile.save(file, out -> {
            out.writeInt(FORMAT);
            out.writeInt(stamps.size());
            for (Map.Entry<String, Stamp> e : new TreeMap<>(stamps).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modified());
                out.writeUTF(e.getValue().sha256());
            }
        });
    }

    /** Every stamp, by path relative to the site root. */
    public Map<String, Stamp> all() {
        return java.util.Collections.unmodifiableMap(stamps);
    }

    /** The files these stamps describe, by path relative to the site root. */
    public java.util.Set<String> files() {
        return stamps.keySet();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The stamp of {@code relative} when the file {@code old} still has the size and time it was published with. */
    public Optional<Stamp> current(String relative, Path old) {
        Stamp stamp = stamps.get(relative);
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
