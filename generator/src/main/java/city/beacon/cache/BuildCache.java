package city.beacon.cache;

import city.beacon.publish.SideFile;
import city.beacon.check.Problem;
import city.beacon.check.Severity;
import city.beacon.markdown.RenderedMarkdown.InternalLink;
import city.beacon.publish.FileStamps;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the previous build rendered, kept in one file beside the output: for each page written
 * from Markdown, the key of everything its HTML depends on and what rendering it found (the
 * ids on the page, its links to other pages, its findings). A page whose key is unchanged is
 * not rendered again: its previous file is kept and its findings are reported again.
 * The whole file is ignored when the generator, theme or site-wide inputs changed ({@code version}).
 */
public final class BuildCache {
    private static final int FORMAT = 1;

    /** One page as the previous build left it. */
    public record Entry(String key, Set<String> ids, List<InternalLink> links, List<Problem> problems) {
    }

    private final String version;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> next = new ConcurrentHashMap<>();

    private BuildCache(String version, Map<String, Entry> previous) {
        this.version = version;
        this.previous = previous;
    }

    /** A cache with nothing in it, for a build that publishes nothing. */
    public static BuildCache empty() {
        return new BuildCache("", Map.of());
    }

    /** The cache file beside the output folder {@code out}: {@code .public.cache} for {@code public/}. */
    public static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".cache");
    }

    /** The previous build's entries when they were made by the same {@code version}; else an empty cache. */
    public static BuildCache load(Path file, String version) {
        return SideFile.load(file, in -> {
            if (in.readInt() != FORMAT || !in.readUTF().equals(version)) return new BuildCache(version, Map.of());
            Map<String, Entry> entries = new ConcurrentHashMap<>();
            for (int n = in.readInt(); n > 0; n--) entries.put(in.readUTF(), readEntry(in));
            return new BuildCache(version, entries);
        }).orElse(new BuildCache(version, Map.of())); // a damaged cache only costs a full build
    }

    /** The previous entry of the page at {@code url}, if it was made from the same {@code key}. */
    public Optional<Entry> reusable(String url, String key) {
        Entry entry = previous.get(url);
        return entry != null && entry.key().equals(key) ? Optional.of(entry) : Optional.empty();
    }

    /** Records what this build has for {@code url}, for the next build. */
    public void put(String url, Entry entry) {
        next.put(url, entry);
    }

    /** Writes this build's entries (sorted, so the file is the same for the same site), replacing the file. */
    public void save(Path file) throws IOException {
        SideFile.save(file, out -> {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            Map<String, Entry> sorted = new TreeMap<>(next);
            out.writeInt(sorted.size());
            for (Map.Entry<String, Entry> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                writeEntry(out, e.getValue());
            }
        });
    }

    /**
     * A hex SHA-256 of {@code parts} in a canonical form: records field by field, maps sorted by
     * key (the order of {@code Map.of} changes from one run to the next; a key must not).
     */
    public static String hash(Object... parts) {
        StringBuilder text = new StringBuilder(4096);
        for (Object part : parts) canonical(text, part).append('\u0000');
        return FileStamps.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder canonical(StringBuilder out, Object value) {
        if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('(');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    canonical(out, component.getAccessor().invoke(record)).append(',');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return out.append(')');
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(canonical(new StringBuilder(), k).toString(), v));
            out.append('{');
            sorted.forEach((k, v) -> canonical(out.append(k).append('='), v).append(','));
            return out.append('}');
        }
        if (value instanceof Set<?> set) {
            TreeSet<String> sorted = new TreeSet<>();
            set.forEach(item -> sorted.add(canonical(new StringBuilder(), item).toString()));
            return out.append(sorted);
        }
        if (value instanceof Collection<?> list) {
            out.append('[');
            list.forEach(item -> canonical(out, item).append(','));
            return out.append(']');
        }
        return out.append(value);
    }

    /** The names, sizes and modification times of the files at {@code paths} (a jar, a templates folder). */
    public static String fingerprint(Path... paths) {
        StringBuilder out = new StringBuilder();
        for (Path path : paths) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.append(file).append(' ').append(Files.size(file)).append(' ')
                            .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                }
            } catch (IOException e) {
                out.append(path).append(" unreadable ").append(System.nanoTime()); // never matches again: a full build
            }
        }
        return hash(out.toString());
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        out.writeUTF(entry.key());
        out.writeInt(entry.ids().size());
        for (String id : new TreeSet<>(entry.ids())) out.writeUTF(id);
        out.writeInt(entry.links().size());
        for (InternalLink link : entry.links()) {
            out.writeUTF(link.targetUrl());
            writeNullable(out, link.fragment());
            out.writeUTF(link.written());
            out.writeInt(link.line());
            out.writeInt(link.column());
        }
        out.writeInt(entry.problems().size());
        for (Problem p : entry.problems()) {
            out.writeUTF(p.severity().name());
            out.writeUTF(p.file());
            out.writeInt(p.line());
            out.writeInt(p.column());
            writeNullable(out, p.field());
            out.writeUTF(p.message());
            writeNullable(out, p.suggestion());
        }
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        String key = in.readUTF();
        Set<String> ids = new TreeSet<>();
        for (int n = in.readInt(); n > 0; n--) ids.add(in.readUTF());
        List<InternalLink> links = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            links.add(new InternalLink(in.readUTF(), readNullable(in), in.readUTF(), in.readInt(), in.readInt()));
        }
        List<Problem> problems = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            problems.add(new Problem(Severity.valueOf(in.readUTF()), in.readUTF(), in.readInt(), in.readInt(),
                    readNullable(in), in.readUTF(), readNullable(in)));
        }
        return new Entry(key, ids, List.copyOf(links), List.copyOf(problems));
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) out.writeUTF(text);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
