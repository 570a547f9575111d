package city.beacon.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The publish stage. A build holds a lock beside the output folder for its whole run and writes
 * the files that differ from the published site into a staging folder beside it; only a build
 * that passed every check publishes them.
 *
 * <p>The first build renames the staging folder to {@code public}. Later builds change the
 * published folder in place, so that publishing costs what changed, not the size of the site:
 * they write a journal ({@code .public.journal}: the files to move in from staging and the files
 * to delete), then move each file in with an atomic rename (the file it replaces, or one that is
 * gone, moved aside into staging first), then delete the journal. Every file is always complete
 * (the old bytes or the new ones). A publish that fails half-way (a folder the building user cannot
 * write) moves every file back and reports it ({@link Failed}): the site is as it was. Whatever moment a build dies at (even
 * {@code kill -9}), the next one finishes a publish whose journal was written, or discards one
 * whose journal was not, before it does anything else: after it the published folder is the
 * complete previous site or the complete new one.
 *
 * <p>{@code public/} stays a real folder (not a symbolic link to a build folder) because that is
 * what rsync, web servers, zip tools and people copying it to a USB stick expect.
 */
public final class Publisher implements Publishing {
    /**
     * Lock files this process holds. Checked before the file is even opened: closing any channel
     * to a locked file releases the process's lock on it (POSIX), so a refused build must not open it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    /**
     * The folder in staging that the published files replaced or deleted are moved into while a
     * publish is under way: no site file has a ':' in its path ({@link OutputTree#fileOf}).
     */
    private static final String ASIDE = ":replaced";
    private final Path out;
    private final Path lockPath;
    private final FileChannel lockFile;
    private final FileLock lock;
    /** The staged tree whose stamps {@link #saveStamps} wrote, and the one it found unchanged, if any. */
    private OutputTree stampsSaved;
    private OutputTree unchanged;

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

    /** A new, empty staging folder beside the output (on the same file system, so files move in by renaming). */
    public OutputTree stage() throws IOException {
        return stage(FileStamps.none());
    }

    /**
     * As {@link #stage()}, with the stamps of the published files read before the lock was taken
     * (on a side thread, while the content was read): read again unless the file is still the one they came from.
     */
    @Override
    public OutputTree stage(FileStamps readEarlier) throws IOException {
        Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
        Modes.folder(staging); // created 0700; it becomes the published folder on a first build
        boolean published = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
        Path stamps = FileStamps.fileFor(out);
        return new OutputTree(staging, published ? out : null,
                !published ? FileStamps.none() : readEarlier.readFrom(stamps) ? readEarlier : FileStamps.load(stamps));
    }

    /** Makes {@code staged} the published output. */
    @Override
    public void publish(OutputTree staged) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(staged.root(), out);
            FileStamps.save(FileStamps.fileFor(out), staged.stamps());
            return;
        }
        if (unchanged == staged || stampsSaved != staged && unchanged(staged)) {
            deleteTree(staged.root()); // nothing changed: nothing to write
            return;
        }
        apply(writeJournal(staged), false);
    }

    /**
     * Writes beside the output the stamps {@code staged} will need once published (a build may do
     * it while it still measures the site): they stand only once the journal names them, and
     * {@link #discard} or the next build removes them.
     */
    @Override
    public void saveStamps(OutputTree staged) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) return; // the first publish saves them itself
        if (unchanged(staged)) {
            unchanged = staged;
            return;
        }
        staged.previousStamps().saveNext(nextStamps(), staged.stamps());
        stampsSaved = staged;
    }

    /** Whether {@code staged} is the published site as it is: no file written, and the same files. */
    private static boolean unchanged(OutputTree staged) {
        return staged.changed().isEmpty() && staged.previousStamps().sameAs(staged.stamps());
    }

    /** The first half of a publish in place: from here on, a build killed is finished by the next one. */
    Journal writeJournal(OutputTree staged) throws IOException {
        Set<String> gone = new TreeSet<>();
        for (String file : publishedFiles(staged)) if (!staged.has(file)) gone.add(file); // most often none: nothing to sort
        if (stampsSaved != staged) staged.previousStamps().saveNext(nextStamps(), staged.stamps());
        Journal journal = new Journal(staged.root().getFileName().toString(), new TreeSet<>(staged.changed()), gone);
        SideFile.save(journalFile(), journal::write);
        return journal;
    }

    /** The files of the published site: those its stamps name, or, without them, those on disk. */
    private Set<String> publishedFiles(OutputTree staged) throws IOException {
        Set<String> files = staged.previousFiles();
        if (!files.isEmpty()) return files;
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> out.relativize(p).toString().replace('\\', '/')).collect(java.util.stream.Collectors.toSet());
        }
    }

    /**
     * Moves the staged files in and the files that are gone out, all or nothing: each published
     * file replaced or gone is first moved aside into the staging folder. When a step fails (a
     * folder the building user cannot write, a full disk) every step done is undone in reverse
     * order, so the site is as it was, and {@link Failed} says which path could not be written.
     * Safe to run again on a journal half applied by a build that died (a file already moved in
     * is not in staging any more): {@code recovering} finishes it, and only reports a failure.
     */
    private void apply(Journal journal, boolean recovering) throws IOException {
        Path staging = out.resolveSibling(journal.staging());
        Deque<Undo> done = new ArrayDeque<>();
        try {
            for (String file : journal.moves()) {
                Path from = staging.resolve(file);
                if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) continue;
                Path to = out.resolve(file);
                makeFolders(to.getParent(), staging, done);
                if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) moveAside(to, staging, done); // the old file, or a folder that became a file
                move(from, to);
                done.push(() -> move(to, from));
            }
            for (String file : journal.deletions()) {
                Path path = out.resolve(file);
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) continue;
                moveAside(path, staging, done);
                for (Path folder = path.getParent(); !folder.equals(out) && isEmptyFolder(folder); folder = folder.getParent()) {
                    Files.delete(folder);
                    Path gone = folder;
                    done.push(() -> {
                        Files.createDirectory(gone);
                        Modes.folder(gone);
                    });
                }
            }
        } catch (IOException e) {
            if (recovering) throw new Failed("could not finish the publish an earlier build started: " + describe(e)
                    + "; the next build tries again", e);
            rollBack(done, staging, e);
        }
        if (Files.exists(nextStamps())) move(nextStamps(), FileStamps.fileFor(out));
        Files.delete(journalFile());
        deleteTree(staging);
        Modes.folderIfNot(out); // a site published by an earlier Beacon could be 0700
    }

    /** A step of a publish in place, undone when a later one fails. */
    private interface Undo {
        void undo() throws IOException;
    }

    /** A publish in place failed; the message names the path, says why, and what became of the site. */
    public static final class Failed extends IOException {
        Failed(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Undoes {@code done}, most recent first, then removes the journal and staging: the site is as it was. */
    private void rollBack(Deque<Undo> done, Path staging, IOException cause) throws IOException {
        try {
            while (!done.isEmpty()) {
                done.peek().undo();
                done.pop();
            }
        } catch (IOException e) {
            throw new Failed("could not publish: " + describe(cause) + "; putting the previous files back failed too ("
                    + describe(e) + "): the next build finishes this publish", cause);
        }
        Files.deleteIfExists(nextStamps());
        Files.delete(journalFile());
        deleteTree(staging);
        throw new Failed("could not publish: " + describe(cause) + "; the site is as it was", cause);
    }

    /** "the path in the site: why", e.g. "/srv/public/uk/index.html: permission denied". */
    private String describe(IOException e) {
        if (!(e instanceof FileSystemException fs)) return String.valueOf(e.getMessage());
        String path = fs.getOtherFile() != null && Path.of(fs.getOtherFile()).startsWith(out) ? fs.getOtherFile() : fs.getFile();
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file" : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        return path + ": " + reason;
    }

    /** Moves the published {@code path} to its place under the staging folder's {@link #ASIDE}, to be deleted with it or put back. */
    private void moveAside(Path path, Path staging, Deque<Undo> done) throws IOException {
        Path aside = staging.resolve(ASIDE).resolve(out.relativize(path).toString());
        Files.createDirectories(aside.getParent());
        move(path, aside);
        done.push(() -> move(aside, path));
    }

    /** Makes {@code folder} and its parents inside the site, moving aside a file that stands where a folder must be. */
    private void makeFolders(Path folder, Path staging, Deque<Undo> done) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        if (!folder.equals(out)) makeFolders(folder.getParent(), staging, done);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) moveAside(folder, staging, done);
        Files.createDirectory(folder);
        Modes.folder(folder);
        done.push(() -> Files.delete(folder));
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public void discard(OutputTree staged) throws IOException {
        if (stampsSaved == staged) Files.deleteIfExists(nextStamps());
        deleteTree(staged.root());
    }

    private Path journalFile() {
        return sibling(out, "journal");
    }

    private Path nextStamps() {
        return FileStamps.fileFor(out).resolveSibling(FileStamps.fileFor(out).getFileName() + ".next");
    }

    /** What a publish in place does: the staging folder's name, the files to move in from it, the files to delete. */
    record Journal(String staging, Set<String> moves, Set<String> deletions) {
        void write(java.io.DataOutputStream data) throws IOException {
            data.writeUTF(staging);
            for (Set<String> files : List.of(moves, deletions)) {
                data.writeInt(files.size());
                for (String file : files) data.writeUTF(file);
            }
        }

        static Journal read(java.io.DataInputStream data) throws IOException {
            String staging = data.readUTF();
            List<Set<String>> lists = new java.util.ArrayList<>();
            for (int list = 0; list < 2; list++) {
                Set<String> files = new TreeSet<>();
                for (int n = data.readInt(); n > 0; n--) files.add(data.readUTF());
                lists.add(files);
            }
            return new Journal(staging, lists.get(0), lists.get(1));
        }
    }

    /**
     * Finishes a publish whose journal was written; then, for a site left by an older Beacon that
     * swapped whole folders and died between its two renames, puts the old folder back. Then
     * deletes every staging and old folder (complete or half-deleted) left beside the output.
     */
    private void recover() throws IOException {
        Optional<Journal> journal = SideFile.load(journalFile(), Journal::read);
        if (journal.isPresent()) apply(journal.get(), true);
        Files.deleteIfExists(nextStamps());
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
                return name.startsWith(prefix() + "old-") || name.startsWith(prefix() + "staging-")
                        || name.startsWith(prefix()) && SideFile.isTemporary(name); // a side file half-saved: its previous copy stands
            }).sorted().toList();
        }
    }

    private String prefix() {
        return "." + out.getFileName() + ".";
    }

    static Path sibling(Path out, String suffix) {
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
