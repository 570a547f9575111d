package city.beacon.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A folder the build writes into. Every address is checked to stay inside it, so no content,
 * however crafted, can make the generator write anywhere else.
 */
public final class OutputTree {
    private final Path root;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public OutputTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
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
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    public int fileCount() {
        return files.get();
    }

    public long byteCount() {
        return bytes.get();
    }
}
