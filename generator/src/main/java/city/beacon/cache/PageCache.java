package city.beacon.cache;

import city.beacon.cache.internal.Codec;
import city.beacon.cache.internal.PageCodec;
import city.beacon.content.ParsedPages;
import city.beacon.findings.Problem;
import city.beacon.hashing.CanonicalHash;
import city.beacon.model.Page;
import city.beacon.model.SiteConfig;
import city.beacon.model.Section;
import city.beacon.model.SourceFile;
import city.beacon.publish.RawEntries;
import city.beacon.publish.SideFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The pages the previous build read, kept beside the output ({@code .public.pages} for
 * {@code public/}): for each page file, its size and modification time when it was read, the
 * date of its last commit, and what parsing it gave (the page without its text, the findings,
 * a key of its facts). A file that still has that size, time and commit date is not read or
 * parsed again, which is most of what a rebuild after a small edit would otherwise do. The
 * whole file is ignored when the generator or site.yaml changed ({@code version}).
 */
public final class PageCache implements ParsedPages {
    private static final int FORMAT = 4;

    /**
     * One page file as the previous build parsed it: {@code page} without its text, the findings
     * parsing made, {@code factsKey} a hash of the page's facts (what lists and indexes show),
     * {@code articleKey} the build cache's key of the page with its text (null until rendered).
     */
    public record Entry(FileState state, Page page, List<Problem> problems, String factsKey, String articleKey) {
    }

    private final String version;
    /** How this build names the content folder ("content/"): findings about its files are kept relative to it. */
    private final String folder;
    private final Function<String, SourceFile> source;
    private final Map<String, Section> sections;
    /** The previous build's entries, decoded when asked for ({@link #decoded}). */
    private final Map<String, RawEntries.Raw> previous;
    private final Map<String, Entry> decoded;
    private final Map<String, Entry> next;
    /** Previous entries this build keeps as they are, without decoding them. */
    private final Map<String, RawEntries.Raw> carried;
    /** The newest commit of the content folder the entries' commit dates know of ("" when it is not in git). */
    private final String previousCommit;
    private String nextCommit = "";

    private PageCache(String version, String folder, Function<String, SourceFile> source, Map<String, Section> sections,
                      String commit, Map<String, RawEntries.Raw> previous, Map<String, Entry> next) {
        this(version, folder, source, sections, commit, previous, next, new ConcurrentHashMap<>());
    }

    private PageCache(String version, String folder, Function<String, SourceFile> source, Map<String, Section> sections,
                      String commit, Map<String, RawEntries.Raw> previous, Map<String, Entry> next, Map<String, Entry> decoded) {
        this.decoded = decoded;
        this.version = version;
        this.previousCommit = commit;
        this.folder = folder;
        this.source = source;
        this.sections = sections;
        this.previous = previous;
        this.carried = new ConcurrentHashMap<>(previous.size()); // most entries are carried: sized up front, not grown
        this.next = next;
    }

    /** No cache (a check, the preview): every page is read, and nothing is recorded. */
    public static PageCache none() {
        return new PageCache("", "", null, Map.of(), "", Map.of(), null);
    }

    /**
     * This cache as it was loaded: the previous build's entries (those decoded already kept
     * decoded), nothing this build recorded. A build that gives up a plan starts again from it,
     * without reading the file again.
     */
    public PageCache restarted() {
        return next == null ? this : new PageCache(version, folder, source, sections, previousCommit, previous, new ConcurrentHashMap<>(), decoded);
    }

    /** Whether this cache records what is read, for a build after this one. */
    @Override
    public boolean records() {
        return next != null;
    }

    /** The cache file beside the output folder {@code out}: {@code .public.pages} for {@code public/}. */
    public static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".pages");
    }

    /**
     * The previous build's entries when they were made by the same {@code version} for
     * {@code config}; {@code source} gives the file behind a content path, {@code folder} is how
     * this build names the content folder ("content/"), however the previous one named it.
     */
    public static PageCache load(Path file, String version, SiteConfig config, Function<String, SourceFile> source, String folder) {
        return load(SideFile.at(file), version, config, source, folder);
    }

    /** What a save into memory keeps ({@link SideFile.InMemory#hold}): the entries as the next build would read them back, each still encoded. */
    private record Held(String version, String commit, Map<String, RawEntries.Raw> entries) {
    }

    /** As {@link #load(Path, String, SiteConfig, Function, String)}, from {@code slot} (a file, or memory). */
    public static PageCache load(SideFile.Slot slot, String version, SiteConfig config, Function<String, SourceFile> source, String folder) {
        Map<String, Section> sections = new TreeMap<>();
        config.sections().forEach(s -> sections.put(s.id(), s));
        Optional<Held> held = slot instanceof SideFile.InMemory memory ? memory.held(Held.class) : Optional.empty();
        if (held.isPresent()) {
            boolean valid = held.get().version().equals(version);
            return new PageCache(version, folder, source, sections, valid ? held.get().commit() : "", valid ? held.get().entries() : Map.of(),
                    new ConcurrentHashMap<>());
        }
        return SideFile.loadWhole(slot, at -> {
            if (at.getInt() != FORMAT || !RawEntries.utf(at).equals(version)) return null;
            String commit = RawEntries.utf(at);
            return new PageCache(version, folder, source, sections, commit, RawEntries.read(at.array(), at), new ConcurrentHashMap<>());
        }).orElse(new PageCache(version, folder, source, sections, "", Map.of(), new ConcurrentHashMap<>())); // a damaged cache only means reading every page
    }

    /** The previous entry of the page file at {@code relative}, if the file is as it was then. */
    public Optional<Entry> unchanged(String relative, FileState now) {
        return previousState(relative).filter(now::equals).flatMap(state -> previous(relative));
    }

    /** The state of the page file at {@code relative} when the previous build read it, known without decoding its entry. */
    @Override
    public Optional<FileState> previousState(String relative) {
        RawEntries.Raw raw = previous.get(relative);
        if (raw == null) return Optional.empty();
        try {
            ByteBuffer at = raw.buffer();
            return Optional.of(new FileState(at.getLong(), at.getLong(), at.get() != 0 ? LocalDate.ofEpochDay(at.getLong()) : null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What the previous build knew of the page file at {@code relative}: decoded once, when first asked for. */
    public Optional<Entry> previous(String relative) {
        RawEntries.Raw raw = previous.get(relative);
        if (raw == null) return Optional.empty();
        try {
            return Optional.of(decoded.computeIfAbsent(relative, r -> {
                try {
                    return readEntry(raw.in(), source.apply(r), sections, folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged entry: the file is read again
        }
    }

    /** The newest commit of the content folder the previous build's commit dates know of ("" when none). */
    @Override
    public String previousCommit() {
        return previousCommit;
    }

    /**
     * The commit dates of the page files the previous build read, as of {@link #previousCommit}
     * (null for a file no commit had then).
     */
    @Override
    public Map<String, LocalDate> previousCommitDates() {
        Map<String, LocalDate> dates = new HashMap<>();
        for (String relative : previous.keySet()) previousState(relative).ifPresent(state -> dates.put(relative, state.committed()));
        return dates;
    }

    /** Records the newest commit this build's commit dates know of. */
    @Override
    public void putCommit(String commit) {
        nextCommit = commit;
    }

    /** The files the previous build read, by path under the content folder. */
    public Set<String> previousFiles() {
        return previous.keySet();
    }

    /** Keeps the previous entry of {@code relative} for the next build as it is, undecoded (the file did not change). */
    @Override
    public void keep(String relative) {
        RawEntries.Raw raw = previous.get(relative);
        if (raw != null && next != null) carried.put(relative, raw);
    }

    /** The findings the previous build's parse of {@code relative} made, decoded without the rest of its entry. */
    @Override
    public List<Problem> previousProblems(String relative) throws IOException {
        ByteBuffer at = previous.get(relative).buffer();
        at.position(at.position() + 16);
        if (at.get() != 0) at.getLong();
        return Codec.problems(at, folder);
    }

    /** Records what this build knows of the page file at {@code relative}, for the next build. */
    public void put(String relative, Entry entry) {
        if (next != null) next.put(relative, entry);
    }

    /** The previous entry's parse when the file is unchanged, kept for the next build with its article key. */
    @Override
    public Optional<Parse> reuse(String relative, FileState now) {
        Optional<Entry> kept = unchanged(relative, now);
        kept.ifPresent(entry -> put(relative, entry));
        return kept.map(entry -> new Parse(entry.page(), entry.problems()));
    }

    /** Records a new parse, its facts key the hash of {@code page} (without its text); no article key until it is rendered. */
    @Override
    public void remember(String relative, FileState state, Page page, List<Problem> problems) {
        if (next != null) put(relative, new Entry(state, page, problems, CanonicalHash.hash(page), null));
    }

    /** What this build recorded for {@code relative}, if anything. */
    public Optional<Entry> current(String relative) {
        return next == null ? Optional.empty() : Optional.ofNullable(next.get(relative));
    }

    /** Records the build cache's key of the page read from {@code relative}, once it is known. */
    public void putArticleKey(String relative, String key) {
        if (next != null) next.computeIfPresent(relative, (r, e) -> new Entry(e.state(), e.page(), e.problems(), e.factsKey(), key));
    }

    /**
     * Writes this build's entries (sorted, so the file is the same for the same site) beside
     * {@code file}, for the caller to put in its place; empty when there is nothing to save (a
     * build that read every page from the cache). An entry taken from the previous build
     * unchanged is written as it was read, not encoded again.
     */
    public Optional<SideFile.Pending> write(Path file) throws IOException {
        return write(SideFile.at(file));
    }

    /** As {@link #write(Path)}, into {@code slot} (a file, or memory). */
    public Optional<SideFile.Pending> write(SideFile.Slot slot) throws IOException {
        if (next == null) return Optional.empty();
        Map<String, RawEntries.Raw> entries = RawEntries.merge(carried, next, decoded, previous, this::writeEntry);
        if (RawEntries.same(entries, previous) && nextCommit.equals(previousCommit)) return Optional.empty();
        if (slot instanceof SideFile.InMemory memory) return Optional.of(memory.hold(new Held(version, nextCommit, java.util.Collections.unmodifiableMap(entries))));
        return Optional.of(slot.write(out -> {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeUTF(nextCommit);
            RawEntries.write(out, entries, previous);
        }));
    }

    private void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        out.writeLong(entry.state().size());
        out.writeLong(entry.state().modified());
        Codec.date(out, entry.state().committed());
        Codec.problems(out, entry.problems(), folder);
        out.writeUTF(entry.factsKey());
        Codec.nullable(out, entry.articleKey());
        PageCodec.write(out, entry.page());
    }

    private static Entry readEntry(DataInputStream in, SourceFile source, Map<String, Section> sections, String folder) throws IOException {
        FileState state = new FileState(in.readLong(), in.readLong(), Codec.date(in));
        List<Problem> problems = Codec.problems(in, folder);
        String factsKey = in.readUTF();
        String articleKey = Codec.nullable(in);
        return new Entry(state, PageCodec.read(in, source, sections), problems, factsKey, articleKey);
    }
}
