package city.beacon.cache;

import city.beacon.cache.internal.Codec;
import city.beacon.hashing.CanonicalHash;
import city.beacon.publish.RawEntries;
import city.beacon.publish.SideFile;
import city.beacon.findings.Problem;
import city.beacon.markdown.RenderedMarkdown.InternalLink;
import city.beacon.model.SearchEntry;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous build rendered, kept in one file beside the output: for each page written
 * from Markdown, the key of everything its HTML depends on and what rendering it found (the
 * ids on the page, its links to other pages, its findings). A page whose key is unchanged is
 * not rendered again: its previous file is kept and its findings are reported again.
 * The whole file is ignored when the generator, theme or site-wide inputs changed ({@code version}).
 */
public final class BuildCache {
    private static final int FORMAT = 6;

    /**
     * One page as the previous build left it: the key it was made from, the SHA-256 of the file
     * written (kept only while the published file still has it), what rendering found, and what
     * the search index holds of an article (none for a page of a list).
     */
    public record Entry(String key, String sha256, Set<String> ids, List<InternalLink> links, List<Problem> problems,
                        Optional<SearchEntry> search) {
    }

    /**
     * What the previous build made from the whole site (the lists, the search index, feeds, open
     * data), valid while {@code key} (every page's facts and the site-wide inputs) is the same:
     * the generated pages as entries by address, the other files by address with their SHA-256,
     * and what making them found.
     */
    public record Lists(String key, Map<String, Entry> pages, Map<String, String> files, List<Problem> problems) {
    }

    private static final Lists NO_LISTS = new Lists("", Map.of(), Map.of(), List.of());

    /**
     * What the previous build found of the whole site, which a build of text edits takes as it was
     * ({@code city.beacon.build.EditPlan}): valid while {@code inputs} (every site-wide input but the
     * pages' facts) are the same and no page's facts changed. The build time (the newest date of
     * the pages, unless git or SOURCE_DATE_EPOCH gives it), the alerts in force at it, the pages
     * per language, each page's translation (address -> the translation's file under the content
     * folder), what making the model found and what checking links between pages found.
     * {@code nextAlertChange}: the first moment after the build time at which an alert comes into
     * force or expires ({@code Instant.MAX} when none will): until then the same alerts are in force.
     * {@code searchOrder}: per language, the addresses of the pages its search index holds, in its
     * order; {@code searchFiles}: the files of the search index, with their SHA-256.
     */
    public record SiteRecord(String inputs, Instant buildTime, List<String> activeAlerts, Instant nextAlertChange,
                             Map<String, Integer> pagesPerLanguage,
                             Map<String, String> translations, List<Problem> modelProblems, List<Problem> linkProblems,
                             Map<String, List<String>> searchOrder, Map<String, String> searchFiles) {
    }

    private final String version;
    /** How this build names the content folder ("content/"): findings about its files are kept relative to it. */
    private final String folder;
    /** The previous build's pages, decoded when asked for ({@link #decoded}). */
    private final Map<String, RawEntries.Raw> previous;
    private final Map<String, Entry> decoded;
    private final Lists previousLists;
    /** The bytes {@link #previousLists} were read from, written back as they are when this build keeps them. */
    private final RawEntries.Raw previousListsBytes;
    private final Map<String, Integer> previousWeights;
    private final Map<String, Entry> next = new ConcurrentHashMap<>();
    /** Previous entries this build keeps as they are, without decoding them. */
    private final Map<String, RawEntries.Raw> carried;
    private Lists nextLists = NO_LISTS;
    private Map<String, Integer> nextWeights = Map.of();
    private final Optional<SiteRecord> previousRecord;
    private Optional<SiteRecord> nextRecord = Optional.empty();

    private BuildCache(String version, String folder, Map<String, RawEntries.Raw> previous, Lists lists, RawEntries.Raw listsBytes,
                       Map<String, Integer> weights, Optional<SiteRecord> record) {
        this(version, folder, previous, lists, listsBytes, weights, record, new ConcurrentHashMap<>());
    }

    private BuildCache(String version, String folder, Map<String, RawEntries.Raw> previous, Lists lists, RawEntries.Raw listsBytes,
                       Map<String, Integer> weights, Optional<SiteRecord> record, Map<String, Entry> decoded) {
        this.decoded = decoded;
        this.version = version;
        this.folder = folder;
        this.previous = previous;
        this.carried = new ConcurrentHashMap<>(previous.size()); // most entries are carried: sized up front, not grown
        this.previousLists = lists;
        this.previousListsBytes = listsBytes;
        this.previousWeights = weights;
        this.previousRecord = record;
    }

    private BuildCache(String version, String folder) {
        this(version, folder, Map.of(), NO_LISTS, null, Map.of(), Optional.empty());
    }

    /** A cache with nothing in it, for a build that publishes nothing. */
    public static BuildCache empty() {
        return new BuildCache("", "");
    }

    /** The cache file beside the output folder {@code out}: {@code .public.cache} for {@code public/}. */
    public static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".cache");
    }

    /** The previous build's entries when they were made by the same {@code version}; else an empty cache. */
    public static BuildCache load(Path file, String version, String folder) {
        return load(file, folder).validFor(version);
    }

    /**
     * The previous build's entries whatever version made them, so that the file can be read while
     * the version is still being worked out; {@link #validFor} then keeps them or not.
     * {@code folder}: how this build names the content folder ("content/"), however the previous one named it.
     */
    public static BuildCache load(Path file, String folder) {
        return load(SideFile.at(file), folder);
    }

    /**
     * What a save into memory keeps ({@link SideFile.InMemory#hold}): the entries as the next
     * build would read them back from the file, each still encoded, and what the file holds besides.
     */
    private record Held(String version, Map<String, RawEntries.Raw> entries, Lists lists, Map<String, Integer> weights,
                        Optional<SiteRecord> record) {
    }

    /** As {@link #load(Path, String)}, from {@code slot} (a file, or memory). */
    public static BuildCache load(SideFile.Slot slot, String folder) {
        Optional<Held> held = slot instanceof SideFile.InMemory memory ? memory.held(Held.class) : Optional.empty();
        if (held.isPresent()) {
            Held h = held.get();
            return new BuildCache(h.version(), folder, h.entries(), h.lists(), null, h.weights(), h.record());
        }
        return SideFile.loadWhole(slot, at -> {
            if (at.getInt() != FORMAT) return new BuildCache("", folder);
            String version = RawEntries.utf(at);
            Map<String, RawEntries.Raw> entries = RawEntries.read(at.array(), at);
            DataInputStream tail = new DataInputStream(new ByteArrayInputStream(at.array(), at.position(), at.remaining()));
            int listsStart = at.position();
            String listsKey = tail.readUTF();
            Map<String, Entry> lists = readEntries(tail, folder);
            Map<String, String> files = new TreeMap<>();
            for (int n = tail.readInt(); n > 0; n--) files.put(Codec.text(tail), tail.readUTF());
            List<Problem> problems = Codec.problems(tail, folder);
            RawEntries.Raw listsBytes = new RawEntries.Raw(at.array(), -1, listsStart, at.array().length - tail.available() - listsStart);
            Map<String, Integer> weights = new java.util.HashMap<>();
            for (int n = tail.readInt(); n > 0; n--) weights.put(tail.readUTF(), tail.readInt());
            Optional<SiteRecord> record = tail.readBoolean() ? Optional.of(readRecord(at.array(), tail, folder)) : Optional.empty();
            return new BuildCache(version, folder, entries, new Lists(listsKey, lists, files, problems), listsBytes, weights, record);
        }).orElse(new BuildCache("", folder)); // a damaged cache only costs a full build
    }

    /**
     * This cache as it was loaded: the previous build's entries (those decoded already kept
     * decoded), nothing this build recorded. A build that gives up a plan starts again from it,
     * without reading the file again.
     */
    public BuildCache restarted() {
        return new BuildCache(version, folder, previous, previousLists, previousListsBytes, previousWeights, previousRecord, decoded);
    }

    /** This cache when it was made by {@code version}; else an empty one for it. */
    public BuildCache validFor(String version) {
        return this.version.equals(version) ? this : new BuildCache(version, folder);
    }

    /** The previous entry of the page at {@code url}, if it was made from the same {@code key}. */
    public Optional<Entry> reusable(String url, String key) {
        RawEntries.Raw raw = previous.get(url);
        try {
            if (raw == null || !RawEntries.utf(raw.buffer()).equals(key)) return Optional.empty();
            return Optional.of(decoded.computeIfAbsent(url, u -> {
                try {
                    return readEntry(raw.in(), folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged entry: the page is rendered again
        }
    }

    /** The previous entry of the page at {@code url} whatever it was made from, if there is one. */
    public Optional<Entry> previous(String url) {
        RawEntries.Raw raw = previous.get(url);
        if (raw == null) return Optional.empty();
        try {
            return reusable(url, RawEntries.utf(raw.buffer()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The findings the previous build made rendering the page at {@code url}, decoded without the rest of its entry. */
    public List<Problem> previousProblems(String url) throws IOException {
        ByteBuffer at = previous.get(url).buffer();
        RawEntries.utf(at);
        RawEntries.utf(at);
        return Codec.problems(at, folder);
    }

    /** The SHA-256 of the file the previous build wrote for the page at {@code url}, decoded without the rest of its entry. */
    public String previousSha256(String url) throws IOException {
        ByteBuffer at = previous.get(url).buffer();
        RawEntries.utf(at);
        return RawEntries.utf(at);
    }

    /** What the previous build recorded of the whole site, when it did. */
    public Optional<SiteRecord> record() {
        return previousRecord;
    }

    public void putRecord(SiteRecord record) {
        nextRecord = Optional.of(record);
    }

    /** The pages the previous build rendered, by address. */
    public Set<String> previousPages() {
        return previous.keySet();
    }

    /** Keeps the previous entry of {@code url} for the next build as it is, undecoded (the page did not change). */
    public void keep(String url) {
        RawEntries.Raw raw = previous.get(url);
        if (raw != null) carried.put(url, raw);
    }

    /** Records what this build has for {@code url}, for the next build. */
    public void put(String url, Entry entry) {
        next.put(url, entry);
    }

    /** What the search index holds of the article at {@code url}: as this build made it, else as the previous build did. */
    public Optional<SearchEntry> search(String url) {
        Entry entry = next.get(url);
        if (entry != null) return entry.search();
        Entry known = decoded.get(url);
        if (known != null) return known.search();
        RawEntries.Raw raw = previous.get(url);
        if (raw == null) return Optional.empty();
        try { // decoded alone, and not kept: a text edit reads every page's, and nothing else of most of them
            DataInputStream in = raw.in();
            in.readUTF();
            in.readUTF();
            Codec.problems(in, folder);
            return readSearch(in);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry: the page is left out, as one that failed to render
        }
    }

    /** What this cache is valid for: the generator, theme and site-wide inputs. */
    public String version() {
        return version;
    }

    /** What the previous build made from the whole site, if it was made from the same {@code key}. */
    public Optional<Lists> lists(String key) {
        return previousLists.key().equals(key) ? Optional.of(previousLists) : Optional.empty();
    }

    /** What the previous build made from the whole site. */
    public Lists previousLists() {
        return previousLists;
    }

    public void putLists(Lists lists) {
        nextLists = lists;
    }

    /** The weights of pages (HTML and stylesheets, compressed) the previous build measured, by the SHA-256 of the HTML. */
    public Map<String, Integer> weights() {
        return previousWeights;
    }

    public void putWeights(Map<String, Integer> weights) {
        nextWeights = weights;
    }

    /**
     * Writes this build's entries (sorted, so the file is the same for the same site), replacing the
     * file. An entry taken from the previous build unchanged is written as it was read.
     */
    public void save(Path file) throws IOException {
        save(SideFile.at(file));
    }

    /** As {@link #save(Path)}, into {@code slot} (a file, or memory). */
    public void save(SideFile.Slot slot) throws IOException {
        Map<String, RawEntries.Raw> entries = RawEntries.merge(carried, next, decoded, previous, this::writeEntry);
        if (RawEntries.same(entries, previous) && nextLists.equals(previousLists)
                && nextWeights.equals(previousWeights) && nextRecord.equals(previousRecord)) return; // nothing new
        if (slot instanceof SideFile.InMemory memory) {
            memory.hold(new Held(version, java.util.Collections.unmodifiableMap(entries), nextLists, Map.copyOf(nextWeights), nextRecord)).replace();
            return;
        }
        slot.write(out -> {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            RawEntries.write(out, entries, previous);
            if (nextLists == previousLists && previousListsBytes != null) {
                // Kept by this build (a text edit changes no list): re-encoding their thousands of links took longer than the rest of the file.
                out.write(previousListsBytes.file(), previousListsBytes.offset(), previousListsBytes.length());
            } else {
                writeLists(out, nextLists);
            }
            Map<String, Integer> weights = new TreeMap<>(nextWeights);
            out.writeInt(weights.size());
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeBoolean(nextRecord.isPresent());
            if (nextRecord.isPresent()) writeRecord(out, nextRecord.get());
        }).replace();
    }

    private void writeLists(DataOutputStream out, Lists lists) throws IOException {
        out.writeUTF(lists.key());
        writeEntries(out, lists.pages());
        Map<String, String> files = new TreeMap<>(lists.files());
        out.writeInt(files.size());
        for (Map.Entry<String, String> e : files.entrySet()) {
            Codec.text(out, e.getKey());
            out.writeUTF(e.getValue());
        }
        Codec.problems(out, lists.problems(), folder);
    }

    private void writeRecord(DataOutputStream out, SiteRecord record) throws IOException {
        out.writeUTF(record.inputs());
        Codec.instant(out, record.buildTime());
        Codec.texts(out, record.activeAlerts());
        Codec.instant(out, record.nextAlertChange());
        Map<String, Integer> perLanguage = new TreeMap<>(record.pagesPerLanguage());
        out.writeInt(perLanguage.size());
        for (Map.Entry<String, Integer> e : perLanguage.entrySet()) {
            Codec.text(out, e.getKey());
            out.writeInt(e.getValue());
        }
        RawEntries.writeTexts(out, record.translations());
        Codec.problems(out, record.modelProblems(), folder);
        Codec.problems(out, record.linkProblems(), folder);
        Map<String, List<String>> order = new TreeMap<>(record.searchOrder());
        out.writeInt(order.size());
        for (Map.Entry<String, List<String>> e : order.entrySet()) {
            Codec.text(out, e.getKey());
            Codec.texts(out, e.getValue());
        }
        Map<String, String> searchFiles = new TreeMap<>(record.searchFiles());
        out.writeInt(searchFiles.size());
        for (Map.Entry<String, String> e : searchFiles.entrySet()) {
            Codec.text(out, e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    /** {@code in} reads {@code file} from a point on: the translations are read from their bytes, and decoded one by one when asked for. */
    private static SiteRecord readRecord(byte[] file, DataInputStream in, String folder) throws IOException {
        String inputs = in.readUTF();
        Instant buildTime = Codec.instant(in);
        List<String> alerts = Codec.texts(in);
        Instant nextAlertChange = Codec.instant(in);
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) perLanguage.put(Codec.text(in), in.readInt());
        ByteBuffer at = ByteBuffer.wrap(file).position(file.length - in.available());
        Map<String, String> translations = RawEntries.readTexts(file, at);
        in.skipNBytes(at.position() - (file.length - in.available()));
        List<Problem> modelProblems = Codec.problems(in, folder);
        List<Problem> linkProblems = Codec.problems(in, folder);
        Map<String, List<String>> searchOrder = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) searchOrder.put(Codec.text(in), Codec.texts(in));
        Map<String, String> searchFiles = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) searchFiles.put(Codec.text(in), in.readUTF());
        return new SiteRecord(inputs, buildTime, alerts, nextAlertChange, java.util.Collections.unmodifiableMap(perLanguage), translations,
                modelProblems, linkProblems, java.util.Collections.unmodifiableMap(searchOrder), java.util.Collections.unmodifiableMap(searchFiles));
    }

    private void writeEntries(DataOutputStream out, Map<String, Entry> entries) throws IOException {
        Map<String, Entry> sorted = new TreeMap<>(entries);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Entry> e : sorted.entrySet()) {
            Codec.text(out, e.getKey());
            writeEntry(out, e.getValue());
        }
    }

    private static Map<String, Entry> readEntries(DataInputStream in, String folder) throws IOException {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        for (int n = in.readInt(); n > 0; n--) entries.put(Codec.text(in), readEntry(in, folder));
        return entries;
    }

    /** {@link CanonicalHash#hash}, kept under this name for the build's callers. */
    public static String hash(Object... parts) {
        return CanonicalHash.hash(parts);
    }

    private void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        out.writeUTF(entry.key());
        out.writeUTF(entry.sha256());
        Codec.problems(out, entry.problems(), folder);
        writeSearch(out, entry.search()); // before the ids and links: a build of text edits reads it alone ({@link #search})
        Codec.texts(out, List.copyOf(new TreeSet<>(entry.ids())));
        out.writeInt(entry.links().size());
        for (InternalLink link : entry.links()) {
            Codec.text(out, link.targetUrl());
            Codec.nullable(out, link.fragment());
            Codec.text(out, link.written());
            out.writeInt(link.line());
            out.writeInt(link.column());
        }
    }

    private static Entry readEntry(DataInputStream in, String folder) throws IOException {
        String key = in.readUTF();
        String sha256 = in.readUTF();
        List<Problem> problems = Codec.problems(in, folder);
        Optional<SearchEntry> search = readSearch(in);
        Set<String> ids = Set.copyOf(Codec.texts(in));
        List<InternalLink> links = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            links.add(new InternalLink(Codec.text(in), Codec.nullable(in), Codec.text(in), in.readInt(), in.readInt()));
        }
        return new Entry(key, sha256, ids, List.copyOf(links), problems, search);
    }

    private static void writeSearch(DataOutputStream out, Optional<SearchEntry> search) throws IOException {
        out.writeBoolean(search.isPresent());
        if (search.isEmpty()) return;
        Codec.text(out, search.get().title());
        Codec.text(out, search.get().summary());
        Codec.texts(out, search.get().titleWords());
        Codec.texts(out, search.get().otherWords());
    }

    private static Optional<SearchEntry> readSearch(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(new SearchEntry(Codec.text(in), Codec.text(in), Codec.texts(in), Codec.texts(in))) : Optional.empty();
    }
}
