package city.beacon.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder the build writes into. Every address is checked to stay inside it, so no content,
 * however crafted, can make the generator write anywhere else. When it replaces a previous
 * output folder, a file with the same bytes as before is hard-linked from there instead of
 * written, so it keeps its modification time and a build that changed nothing writes no file.
 */
public final class OutputTree {
    private final Path root;
    private final Path previous;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public OutputTree(Path root) {
        this(root, null);
    }

    /** {@code previous}: the output folder this one will replace, or null. */
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
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target); // never write through a hard link into the previous output
            Path old = previousFile(address);
            if (old == null || !sameBytes(old, content) || !link(old, target)) Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    /** Carries the file at {@code address} over from the previous output unchanged; false when there is none. */
    public boolean keep(String address) {
        Path old = previousFile(address);
        if (old == null) return false;
        Path target = resolve(address);
        try {
            Files.createDirectories(target.getParent());
            if (!link(old, target)) Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
            files.incrementAndGet();
            bytes.addAndGet(Files.size(target));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path previousFile(String address) {
        if (previous == null) return null;
        Path old = previous.resolve(root.relativize(resolve(address)));
        return Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) ? old : null;
    }

    private static boolean sameBytes(Path file, byte[] content) throws IOException {
        return Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content);
    }

    /** A hard link (same file system: the staging folder sits beside the output); false where links are not supported. */
    private static boolean link(Path existing, Path target) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    public int fileCount() {
        return files.get();
    }

    public long byteCount() {
        return bytes.get();
    }
}
