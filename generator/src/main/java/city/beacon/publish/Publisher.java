package city.beacon.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The publish stage. A build holds a lock beside the output folder for its whole run, writes
 * into a fresh staging folder beside it, and only a build that passed every check swaps the
 * staging folder in: rename {@code public} to {@code .public.old-PID}, rename the staging folder
 * to {@code public}, delete the old one. Whatever moment a build dies at (even {@code kill -9}),
 * the published folder is the complete previous site or the complete new one: the next build
 * puts the old folder back if it died between the two renames, and deletes what it left behind.
 *
 * <p>{@code public/} stays a real folder (not a symbolic link to a build folder) because that is
 * what rsync, web servers, zip tools and people copying it to a USB stick expect.
 */
public final class Publisher implements AutoCloseable {
    private final Path out;
    private final FileChannel lockFile;
    private final FileLock lock;

    /** Another build holds the lock of this output folder. */
    public static final class Busy extends Exception {
        public Busy(String message) {
            super(message);
        }
    }

    private Publisher(Path out, FileChannel lockFile, FileLock lock) {
        this.out = out;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code out} (refusing when another build holds it), then repairs and
     * cleans what an interrupted build left beside it.
     */
    public static Publisher acquire(Path out) throws IOException, Busy {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path lockPath = sibling(target, "lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another build in this same process
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockPath), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new Busy("another build" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + " is writing " + target + " right now; this build stopped and changed nothing");
        }
        channel.truncate(0).write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        Publisher publisher = new Publisher(target, channel, lock);
        publisher.recover();
        return publisher;
    }

    /** A new, empty staging folder beside the output (same file system, so the swap is two renames). */
    public OutputTree stage() throws IOException {
        Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
        return new OutputTree(staging, Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) ? out : null);
    }

    /** Makes {@code staged} the published output. */
    public void publish(OutputTree staged) throws IOException {
        Path old = sibling(out, "old-" + ProcessHandle.current().pid());
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) move(out, old);
        move(staged.root(), out);
        deleteTree(old);
    }

    public void discard(OutputTree staged) throws IOException {
        deleteTree(staged.root());
    }

    /**
     * A build killed between its two renames left no output but a complete old folder: put it
     * back. Then delete every staging and old folder (complete or half-deleted) left beside it.
     */
    private void recover() throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> old = leftovers().stream()
                    .filter(p -> p.getFileName().toString().startsWith(prefix() + "old-")).findFirst();
            if (old.isPresent()) move(old.get(), out);
        }
        for (Path leftover : leftovers()) deleteTree(leftover);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            return siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix() + "old-") || name.startsWith(prefix() + "staging-");
            }).sorted().toList();
        }
    }

    private String prefix() {
        return "." + out.getFileName() + ".";
    }

    private static Path sibling(Path out, String suffix) {
        return out.resolveSibling("." + out.getFileName() + "." + suffix);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockFile.close();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
