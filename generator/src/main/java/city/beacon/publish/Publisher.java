package city.beacon.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Lock files this process holds. Checked before the file is even opened: closing any channel
     * to a locked file releases the process's lock on it (POSIX), so a refused build must not open it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path out;
    private final Path lockPath;
    private final FileChannel lockFile;
    private final FileLock lock;

    /** Another build holds the lock of this output folder. */
    public static final class Busy extends Exception {
        public Busy(String message) {
            super(message);
        }
    }

    private static Busy busy(Path target, String holder) {
        return new Busy("another build" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                + " is writing " + target + " right now; this build stopped and changed nothing");
    }

    private Publisher(Path out, Path lockPath, FileChannel lockFile, FileLock lock) {
        this.out = out;
        this.lockPath = lockPath;
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
        if (!HELD.add(lockPath)) throw busy(target, String.valueOf(ProcessHandle.current().pid()));
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                ByteBuffer holder = ByteBuffer.allocate(32);
                channel.read(holder, 0);
                throw busy(target, new String(holder.array(), 0, holder.position(), StandardCharsets.UTF_8).strip());
            }
            channel.truncate(0).write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            Publisher publisher = new Publisher(target, lockPath, channel, lock);
            publisher.recover();
            return publisher;
        } catch (IOException | Busy | RuntimeException e) {
            if (channel != null) channel.close();
            HELD.remove(lockPath);
            throw e;
        }
    }

    /** A new, empty staging folder beside the output (same file system, so the swap is two renames). */
    public OutputTree stage() throws IOException {
        Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
        boolean published = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
        return new OutputTree(staging, published ? out : null,
                published ? FileStamps.load(FileStamps.fileFor(out)) : FileStamps.none());
    }

    /** Makes {@code staged} the published output. */
    public void publish(OutputTree staged) throws IOException {
        Path old = sibling(out, "old-" + ProcessHandle.current().pid());
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) move(out, old);
        move(staged.root(), out);
        FileStamps.save(FileStamps.fileFor(out), staged.stamps());
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
        try {
            lock.release();
            lockFile.close();
        } finally {
            HELD.remove(lockPath);
        }
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
