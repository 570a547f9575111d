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
 */
public final class OutputTree implements OutputFiles {
    private final Path root;
    private final Path published;
    private final FileStamps previousStamps;
    /** Sized for the published files up front: grown from empty, it was copied a dozen times over a build of 20 000 files. */
    private final Map<String, FileStamps.Stamp> stamps;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private final SortedSet<String> files = new ConcurrentSkipListSet<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();

    /** A tree with no published site behind it: every file is written into {@code root}. */
    public OutputTree(Path root) {
        this(root, null, FileStamps.none());
    }

    /**
     * {@code published}: the site this build replaces, or null; {@code previousStamps}: the hashes
     * of its files, so that they need not be read to compare.
     */
    public OutputTree(Path root, Path published, FileStamps previousStamps) {
        this.root = root.toAbsolutePath().normalize();
        this.published = published == null ? null : published.toAbsolutePath().normalize();
        this.previousStamps = previousStamps;
        this.stamps = new ConcurrentHashMap<>(previousStamps.files().size());
    }

    /** The staging folder: the files of this build that differ from the published site. */
    public Path root() {
        return root;
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
        Path staged = root.resolve(relative);
        try {
            Optional<FileStamps.Stamp> known = publishedStamp(relative);
            Path old = known.isPresent() ? published.resolve(relative) : publishedFile(relative);
            boolean same = known.isPresent() ? known.get().sha256().equals(hash) : sameBytes(old, content);
            if (same) {
                if (changed.remove(relative)) { // written earlier in this build, now back to the published bytes
                    Files.deleteIfExists(staged);
                    written.decrementAndGet();
                }
                stamps.put(relative, known.orElse(new FileStamps.Stamp(content.length, Files.getLastModifiedTime(old).toMillis(), hash)));
            } else {
                makeFolder(staged.getParent());
                Files.write(staged, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                Modes.file(staged);
                laterThanPrevious(staged, old);
                if (changed.add(relative)) written.incrementAndGet();
                stamps.put(relative, new FileStamps.Stamp(content.length, Files.getLastModifiedTime(staged).toMillis(), hash));
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
        Optional<FileStamps.Stamp> known = publishedStamp(relative);
        Path old = known.isPresent() ? published.resolve(relative) : publishedFile(relative);
        if (old == null) return false;
        if (known.isEmpty()) {
            byte[] content;
            try {
                content = Files.readAllBytes(old);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (sha256 != null && !FileStamps.sha256(content).equals(sha256)) return false;
            write(relative, content);
            return true;
        }
        if (sha256 != null && !known.get().sha256().equals(sha256)) return false;
        stamps.put(relative, known.get());
        files.add(relative);
        return true;
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

    private static boolean sameBytes(Path old, byte[] content) throws IOException {
        return old != null && Files.size(old) == content.length && Arrays.equals(Files.readAllBytes(old), content);
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

    /** The stamp of the published file at {@code relative} while it still vouches for the file (one stat). */
    private Optional<FileStamps.Stamp> publishedStamp(String relative) {
        return published == null ? Optional.empty() : previousStamps.current(relative, published.resolve(relative));
    }

    private Path publishedFile(String relative) {
        if (published == null) return null;
        Path old = published.resolve(relative);
        return Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) ? old : null;
    }

    /** Where the file at {@code relative} of this build is now: in staging when written, else in the published site; null when it is neither. */
    public Path locate(String relative) {
        String file = fileOf(relative);
        if (changed.contains(file) || published == null) return root.resolve(file);
        return stamps.containsKey(file) ? published.resolve(file) : null;
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
        try {
            return Files.readAllBytes(locate(relative));
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
        return previousStamps;
    }

    /** The files of the published site this build replaces, as its stamps name them (none when they are missing). */
    public Set<String> previousFiles() {
        return previousStamps.files();
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
}
