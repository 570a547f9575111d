package city.beacon.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
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
 * Safe to call from parallel threads.
 */
public final class OutputTree {
    private final Path root;
    private final Path previous;
    private final Set<String> files = new ConcurrentSkipListSet<>();
    private final Set<String> unchanged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public OutputTree(Path root) {
        this(root, null);
    }

    /** {@code previous}: the published site to carry identical files over from, or null. */
    public OutputTree(Path root, Path previous) {
        this.root = root.toAbsolutePath().normalize();
        this.previous = previous == null ? null : previous.toAbsolutePath().normalize();
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
        Path target = resolve(address);
        String relative = relative(target);
        try {
            Files.createDirectories(target.getParent());
            // A file already here may be a hard link into the published site: never write through it.
            Files.deleteIfExists(target);
            if (carryOver(target, relative, content)) {
                unchanged.add(relative);
            } else {
                Files.write(target, content, StandardOpenOption.CREATE_NEW);
                laterThanPrevious(target, relative);
                written.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(relative);
        bytes.addAndGet(content.length);
    }

    /**
     * Carries {@code relative} over from the published site unchanged, when it is there. For
     * files derived from another that did not change (its .gz), which need not be made again.
     */
    public boolean reuse(String relative) {
        Path old = previousFile(relative);
        if (old == null) return false;
        try {
            byte[] content = Files.readAllBytes(old);
            write(relative, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private boolean carryOver(Path target, String relative, byte[] content) throws IOException {
        Path old = previousFile(relative);
        if (old == null || Files.size(old) != content.length || !Arrays.equals(Files.readAllBytes(old), content)) {
            return false;
        }
        try {
            Files.createLink(target, old);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // A file system without hard links (FAT on a USB stick): copy, keeping the time rsync compares.
            Files.write(target, content, StandardOpenOption.CREATE_NEW);
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(old));
        }
        return true;
    }

    /**
     * rsync's quick check skips a file of the same size and time (to the second). A file changed
     * within the second its previous version was written (two quick builds, a mirror syncing in
     * between) would be skipped, so it is dated at least a second after its previous version.
     */
    private void laterThanPrevious(Path target, String relative) throws IOException {
        Path old = previousFile(relative);
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
