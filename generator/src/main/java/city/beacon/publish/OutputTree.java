package city.beacon.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder the build writes into. Every address is checked to stay inside it, so no content,
 * however crafted, can make the generator write anywhere else.
 *
 * <p>When a published site is given as {@code previous}, a file whose bytes are identical to the
 * published one is hard-linked from there instead of written: it keeps its bytes and its
 * modification time, so {@code rsync -a} skips it and a rebuild with no change writes no file.
 * Every file's SHA-256 is taken as it is written (for the manifest); the published files' are
 * known from {@link FileStamps}, so comparing with them reads no published file.
 * Safe to call from parallel threads.
 */
public final class OutputTree {
    private final Path root;
    private final Path previous;
    private final FileStamps previousStamps;
    private final Map<String, FileStamps.Stamp> stamps = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private final Set<String> files = new ConcurrentSkipListSet<>();
    private final Set<String> unchanged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public OutputTree(Path root) {
        this(root, null, FileStamps.none());
    }

    /**
     * {@code previous}: the published site to carry identical files over from, or null;
     * {@code previousStamps}: the hashes of its files, so that they need not be read to compare.
     */
    public OutputTree(Path root, Path previous, FileStamps previousStamps) {
        this.root = root.toAbsolutePath().normalize();
        this.previous = previous == null ? null : previous.toAbsolutePath().normalize();
        this.previousStamps = previousStamps;
    }

    public Path root() {
        return root;
    }

    /** The file that holds {@code address} (a page address like uk/ is uk/index.html). */
    public Path resolve(String address) {
        String file = address.isEmpty() || address.endsWith("/") ? address + "index.html" : address;
        Path target = root.resolve(file).normalize();
        if (!target.startsWith(root) || target.equals(root) || file.contains("\\") || file.contains(":")) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + address);
        }
        return target;
    }

    public void write(String address, String text) {
        write(address, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String address, byte[] content) {
        Path target = prepare(address);
        String relative = relative(target);
        String hash = FileStamps.sha256(content);
        try {
            Path old = previousFile(relative);
            Optional<FileStamps.Stamp> known = old == null ? Optional.empty() : previousStamps.current(relative, old);
            boolean same = known.isPresent() ? known.get().sha256().equals(hash) : sameBytes(old, content);
            if (same) {
                carryOver(target, old);
                unchanged.add(relative);
            } else {
                Files.write(target, content, StandardOpenOption.CREATE_NEW);
                laterThanPrevious(target, old);
                written.incrementAndGet();
            }
            stamps.put(relative, new FileStamps.Stamp(content.length, Files.getLastModifiedTime(target).toMillis(), hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(relative);
        bytes.addAndGet(content.length);
    }

    /**
     * Carries {@code relative} over from the published site unchanged, when it is there. For
     * files derived from another that did not change (its .gz, a page whose sources did not
     * change), which need not be made again. Read only when its stamp does not vouch for it.
     */
    public boolean reuse(String relative) {
        Path old = previousFile(relative);
        if (old == null) return false;
        Optional<FileStamps.Stamp> known = previousStamps.current(relative, old);
        try {
            if (known.isEmpty()) {
                write(relative, Files.readAllBytes(old));
                return true;
            }
            Path target = prepare(relative);
            carryOver(target, old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unchanged.add(relative);
        stamps.put(relative, known.get());
        files.add(relative);
        bytes.addAndGet(known.get().size());
        return true;
    }

    /** The checked path of {@code address}, its folder made, nothing left there. */
    private Path prepare(String address) {
        Path target = resolve(address);
        folders.computeIfAbsent(target.getParent(), folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Boolean.TRUE;
        });
        try {
            // A file already here may be a hard link into the published site: never write through it.
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static boolean sameBytes(Path old, byte[] content) throws IOException {
        return old != null && Files.size(old) == content.length && Arrays.equals(Files.readAllBytes(old), content);
    }

    private static void carryOver(Path target, Path old) throws IOException {
        try {
            Files.createLink(target, old);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // A file system without hard links (FAT on a USB stick): copy, keeping the time rsync compares.
            Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * rsync's quick check skips a file of the same size and time (to the second). A file changed
     * within the second its previous version was written (two quick builds, a mirror syncing in
     * between) would be skipped, so it is dated at least a second after its previous version.
     */
    private static void laterThanPrevious(Path target, Path old) throws IOException {
        if (old == null) return;
        long before = Files.getLastModifiedTime(old).to(TimeUnit.SECONDS);
        if (Files.getLastModifiedTime(target).to(TimeUnit.SECONDS) <= before) {
            Files.setLastModifiedTime(target, FileTime.from(before + 1, TimeUnit.SECONDS));
        }
    }

    private Path previousFile(String relative) {
        if (previous == null) return null;
        Path old = previous.resolve(relative);
        return Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) ? old : null;
    }

    private String relative(Path target) {
        return root.relativize(target).toString().replace('\\', '/');
    }

    /** Every file written so far, by its path relative to the root, sorted. */
    public List<String> files() {
        return List.copyOf(files);
    }

    public byte[] read(String relative) {
        try {
            return Files.readAllBytes(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex SHA-256 of the file written at {@code relative}, known without reading it. */
    public String sha256(String relative) {
        return stamps.get(relative).sha256();
    }

    /** What the next build needs to know of every file, without reading them, once this tree is published. */
    public Map<String, FileStamps.Stamp> stamps() {
        return Map.copyOf(stamps);
    }

    /** Whether {@code relative} was carried over from the published site with the same bytes. */
    public boolean unchanged(String relative) {
        return unchanged.contains(relative);
    }

    public int fileCount() {
        return files.size();
    }

    /** Files whose bytes were new or changed and so were really written. */
    public int writtenCount() {
        return written.get();
    }

    public long byteCount() {
        return bytes.get();
    }
}
