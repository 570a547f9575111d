package city.beacon.hashing;

import city.beacon.model.SourceFile;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The keys the caches compare: a SHA-256 of values in a canonical form, of the files of a jar or
 * a templates folder, of bytes. At the ground (it imports only the model's records), so that every
 * stage that makes a key (content, render, the caches, the build) uses this one function.
 */
public final class CanonicalHash {
    private CanonicalHash() {
    }

    /**
     * A hex SHA-256 of {@code parts} in a canonical form: records field by field, maps sorted by
     * key (the order of {@code Map.of} changes from one run to the next; a key must not).
     */
    public static String hash(Object... parts) {
        StringBuilder text = new StringBuilder(4096);
        for (Object part : parts) canonical(text, part).append('\u0000');
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
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

    /** The hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static StringBuilder canonical(StringBuilder out, Object value) {
        // A page file is what it is under the content folder, wherever that folder is and however it is typed.
        if (value instanceof SourceFile file) return out.append("SourceFile(").append(file.relative()).append(')');
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
}
