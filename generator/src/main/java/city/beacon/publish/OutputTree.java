package city.beacon.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files of one build. Every address is checked to stay inside the site, so no content,
 * however crafted, can make the generator write anywhere else.
 *
 * <p>Only files whose bytes differ from the published site's are written, into the staging
 * folder {@code root} at the path they will have; a file identical to the published one is not
 * written at all, so it keeps its bytes and modification time, {@code rsync -a} skips it, and a
 * rebuild with no change writes no file. {@link Publisher} then moves the written files into the
 * published site. Every file's SHA-256 is taken as it is written (for the manifest); the
 * published files' are known from {@link FileStamps}, so comparing with them reads no published
 * file. Safe to call from parallel threads.
 *
 * <p>Where the files are kept is the tree's {@link Store}: folders on the disk for a build
 * ({@link #OutputTree(Path, Path, FileStamps)}), or memory for the live preview
 * ({@link #inMemory(MemorySite)}); the rest of the build does not know which.
 */
public final class OutputTree implements OutputFiles {
    private final Store store;
    /** Sized for the published files up front: grown from empty, it was copied a dozen times over a build of 20 000 files. */
    private final Map<String, FileStamps.Stamp> stamps;
    private final SortedSet<String> files = new ConcurrentSkipListSet<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();

    /**
     * Where a tree keeps its files: the published site it replaces, and the files this build wrote
     * that differ from it. Safe to call from parallel threads.
     */
    private interface Store {
        /** The stamp of the published file at {@code relative} while it still vouches for the file. */
        Optional<FileStamps.Stamp> vouched(String relative);

        /** The published file's bytes, when there is one; read only when no stamp vouches for it. */
        Optional<byte[]> published(String relative) throws IOException;

        /** The stamp of the published file at {@code relative}, whose bytes were just found to be {@code content}. */
        FileStamps.Stamp publishedStamp(String relative, byte[] content, String sha256) throws IOException;

        /** Writes {@code content} at {@code relative}, as this build's; returns its stamp. */
        FileStamps.Stamp write(String relative, byte[] content, String sha256) throws IOException;

        /** Removes the file this build wrote at {@code relative}: it is back to the published bytes. */
        void unwrite(String relative) throws IOException;

        /** The bytes at {@code relative}: as this build wrote them when {@code written}, else as published. */
        byte[] read(String relative, boolean written) throws IOException;
    }

    /** A tree with no published site behind it: every file is written into {@code root}. */
    public OutputTree(Path root) {
        this(root, null, FileStamps.none());
    }

    /**
     * {@code published}: the site this build replaces, or null; {@code previousStamps}: the hashes
     * of its files, so that they need not be read to compare.
     */
    public OutputTree(Path root, Path published, FileStamps previousStamps) {
        this(new Folders(root.toAbsolutePath().normalize(), published == null ? null : published.toAbsolutePath().normalize(),
                previousStamps), previousStamps.files().size());
    }

    private OutputTree(Store store, int size) {
        this.store = store;
        this.stamps = new ConcurrentHashMap<>(size);
    }

    /**
     * A tree held in memory over {@code previous}, the site the last build in memory published (the
     * live preview's): {@link #published()} gives the next one, once the build's steps are done.
     */
    public static OutputTree inMemory(MemorySite previous) {
        return new OutputTree(new Memory(previous), previous.files().size());
    }

    /** The site in memory as this tree's build leaves it: the files written, and those kept as published. */
    public MemorySite published() {
        if (!(store instanceof Memory memory)) throw new IllegalStateException("a tree on the disk is published by its Publisher");
        if (changed.isEmpty() && files.size() == memory.previous.files().size()) return memory.previous; // the same files, kept
        Map<String, byte[]> bytes;
        if (files.size() == memory.previous.files().size() && memory.previous.files().keySet().containsAll(changed)) {
            // The same files (each one kept or written, none new, as many): the previous ones, with the written ones replaced.
            bytes = new HashMap<>(memory.previous.files());
            for (String file : changed) bytes.put(file, memory.written.get(file));
        } else {
            bytes = new HashMap<>(files.size() * 4 / 3 + 1);
            for (String file : files) bytes.put(file, changed.contains(file) ? memory.written.get(file) : memory.previous.files().get(file));
        }
        // The stamps as a view, not a copy of 30 000 entries at each rebuild: nothing writes this tree once it is published.
        return new MemorySite(Collections.unmodifiableMap(bytes), Collections.unmodifiableMap(stamps));
    }

    /** The staging folder: the files of this build that differ from the published site. */
    public Path root() {
        return folders().root;
    }

    private Folders folders() {
        if (!(store instanceof Folders folders)) throw new IllegalStateException("a tree in memory has no folder");
        return folders;
    }

    /**
     * The site-relative file of {@code address} (a page address like uk/ is uk/index.html),
     * refused when it would lead outside the site.
     */
    public static String fileOf(String address) {
        String file = address.isEmpty() || address.endsWith("/") ? address + "index.html" : address;
        Path probe = Path.of("/site").resolve(file).normalize();
        if (!probe.startsWith("/site") || probe.equals(Path.of("/site")) || file.contains("\\") || file.contains(":")) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + address);
        }
        return Path.of("/site").relativize(probe).toString();
    }

    @Override
    public void write(String address, byte[] content) {
        String relative = fileOf(address);
        String hash = FileStamps.sha256(content);
        try {
            Optional<FileStamps.Stamp> known = store.vouched(relative);
            boolean same = known.isPresent() ? known.get().sha256().equals(hash)
                    : store.published(relative).filter(old -> Arrays.equals(old, content)).isPresent();
            if (same) {
                if (changed.remove(relative)) { // written earlier in this build, now back to the published bytes
                    store.unwrite(relative);
                    written.decrementAndGet();
                }
                stamps.put(relative, known.isPresent() ? known.get() : store.publishedStamp(relative, content, hash));
            } else {
                FileStamps.Stamp stamp = store.write(relative, content, hash);
                if (changed.add(relative)) written.incrementAndGet();
                stamps.put(relative, stamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(relative);
    }

    /**
     * Keeps {@code relative} as the published site has it, when it is there. For files derived
     * from another that did not change (its .gz), which need not be made again. Read only when
     * its stamp does not vouch for it.
     */
    public boolean reuse(String relative) {
        return reuse(relative, null);
    }

    /**
     * Keeps {@code relative} as published when it is there and, unless {@code sha256} is null,
     * has exactly that hash (what an earlier build wrote there, which a build killed half-way
     * through publishing may have replaced).
     */
    public boolean reuse(String relative, String sha256) {
        Optional<FileStamps.Stamp> known = store.vouched(relative);
        if (known.isEmpty()) {
            Optional<byte[]> content;
            try {
                content = store.published(relative);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (content.isEmpty() || sha256 != null && !FileStamps.sha256(content.get()).equals(sha256)) return false;
            write(relative, content.get());
            return true;
        }
        if (sha256 != null && !known.get().sha256().equals(sha256)) return false;
        stamps.put(relative, known.get());
        files.add(relative);
        return true;
    }

    /**
     * The bytes of the published file at {@code relative} when it has exactly the hash
     * {@code sha256} (what an earlier build wrote there), without making it a file of this build.
     */
    public Optional<byte[]> published(String relative, String sha256) {
        try {
            return store.published(relative).filter(bytes -> FileStamps.sha256(bytes).equals(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file of this build, by its path relative to the site root, sorted: a view, which a
     * caller writing files as it goes must copy first (a build asks for them several times; copies
     * of 21 000 names each time showed in the profile of a one-page edit).
     */
    @Override
    public SortedSet<String> files() {
        return Collections.unmodifiableSortedSet(files);
    }

    /** Whether this build has a file at {@code relative}. */
    @Override
    public boolean has(String relative) {
        return stamps.containsKey(relative); // every file has its stamp: a hash lookup, not a walk down the sorted names
    }

    @Override
    public byte[] read(String relative) {
        String file = fileOf(relative);
        try {
            return store.read(file, changed.contains(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the file at {@code relative}, known without reading it. */
    @Override
    public long size(String relative) {
        return stamps.get(relative).size();
    }

    /** The stamps of the published site this build replaces (none when they are missing). */
    public FileStamps previousStamps() {
        return folders().previousStamps;
    }

    /** The files of the published site this build replaces, as its stamps name them (none when they are missing). */
    public Set<String> previousFiles() {
        return folders().previousStamps.files();
    }

    /** The hex SHA-256 of the file written at {@code relative}, known without reading it. */
    @Override
    public String sha256(String relative) {
        return stamps.get(relative).sha256();
    }

    /** What the next build needs to know of every file, without reading them, once this tree is published (a view). */
    public Map<String, FileStamps.Stamp> stamps() {
        return Collections.unmodifiableMap(stamps);
    }

    /** The files written into staging because they are new or differ from the published ones. */
    public Set<String> changed() {
        return Set.copyOf(changed);
    }

    /** Whether {@code relative} has the same bytes as in the published site (and so was not written). */
    public boolean unchanged(String relative) {
        return stamps.containsKey(relative) && !changed.contains(relative);
    }

    public int fileCount() {
        return files.size();
    }

    /** Files whose bytes were new or changed and so were really written. */
    public int writtenCount() {
        return written.get();
    }

    /** The bytes of this build's files, each counted once however often it was kept or written. */
    public long byteCount() {
        return files.stream().mapToLong(file -> stamps.get(file).size()).sum();
    }

    /** A build's tree: the files written into a staging folder, over the published folder and its stamps. */
    private static final class Folders implements Store {
        private final Path root;
        private final Path published;
        private final FileStamps previousStamps;
        private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

        Folders(Path root, Path published, FileStamps previousStamps) {
            this.root = root;
            this.published = published;
            this.previousStamps = previousStamps;
        }

        @Override
        public Optional<FileStamps.Stamp> vouched(String relative) {
            return published == null ? Optional.empty() : previousStamps.current(relative, published.resolve(relative)); // one stat
        }

        @Override
        public Optional<byte[]> published(String relative) throws IOException {
            Path old = publishedFile(relative);
            return old == null ? Optional.empty() : Optional.of(Files.readAllBytes(old));
        }

        @Override
        public FileStamps.Stamp publishedStamp(String relative, byte[] content, String sha256) throws IOException {
            return new FileStamps.Stamp(content.length, Files.getLastModifiedTime(published.resolve(relative)).toMillis(), sha256);
        }

        @Override
        public FileStamps.Stamp write(String relative, byte[] content, String sha256) throws IOException {
            Path staged = root.resolve(relative);
            makeFolder(staged.getParent());
            Files.write(staged, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Modes.file(staged);
            laterThanPrevious(staged, publishedFile(relative));
            return new FileStamps.Stamp(content.length, Files.getLastModifiedTime(staged).toMillis(), sha256);
        }

        @Override
        public void unwrite(String relative) throws IOException {
            Files.deleteIfExists(root.resolve(relative));
        }

        @Override
        public byte[] read(String relative, boolean written) throws IOException {
            return Files.readAllBytes(written || published == null ? root.resolve(relative) : published.resolve(relative));
        }

        private Path publishedFile(String relative) {
            if (published == null) return null;
            Path old = published.resolve(relative);
            return Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) ? old : null;
        }

        private void makeFolder(Path folder) {
            folders.computeIfAbsent(folder, f -> {
                try {
                    Modes.createFolders(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
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
    }

    /** The live preview's tree: what this build wrote kept in memory, over the site in memory it replaces, which nothing changes behind its back. */
    private static final class Memory implements Store {
        private final MemorySite previous;
        private final Map<String, byte[]> written = new ConcurrentHashMap<>();

        Memory(MemorySite previous) {
            this.previous = previous;
        }

        @Override
        public Optional<FileStamps.Stamp> vouched(String relative) {
            return Optional.ofNullable(previous.stamps().get(relative));
        }

        @Override
        public Optional<byte[]> published(String relative) {
            return Optional.ofNullable(previous.files().get(relative));
        }

        @Override
        public FileStamps.Stamp publishedStamp(String relative, byte[] content, String sha256) {
            return new FileStamps.Stamp(content.length, 0, sha256);
        }

        @Override
        public FileStamps.Stamp write(String relative, byte[] content, String sha256) {
            written.put(relative, content);
            return new FileStamps.Stamp(content.length, 0, sha256);
        }

        @Override
        public void unwrite(String relative) {
            written.remove(relative);
        }

        @Override
        public byte[] read(String relative, boolean isWritten) {
            return isWritten ? written.get(relative) : previous.files().get(relative);
        }
    }
}
