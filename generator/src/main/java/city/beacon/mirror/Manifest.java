package city.beacon.mirror;

import city.beacon.publish.FileStamps;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code beacon-manifest.sha256}: the SHA-256 of every file of the site, in the format of
 * {@code sha256sum} (so {@code sha256sum -c} checks a mirror with no Beacon installed), sorted
 * by path. It lists every file a mirror serves, the .gz copies included, except itself and its
 * signature.
 */
public final class Manifest {
    public static final String FILE = "beacon-manifest.sha256";
    public static final String SIGNATURE = FILE + ".sig";

    private Manifest() {
    }

    public static boolean covers(String path) {
        return !path.equals(FILE) && !path.equals(SIGNATURE);
    }

    /** The manifest of {@code files} (paths relative to the site root, sorted), each hashed with {@code sha256}. */
    public static String of(Collection<String> files, Function<String, String> sha256) {
        // Sized for the lines up front, each appended in place: 21 000 lines at 10 000 pages.
        StringBuilder text = new StringBuilder(files.size() * 128);
        for (String path : files) if (covers(path)) appendLine(text, sha256.apply(path), path);
        return text.toString();
    }

    /** One line as sha256sum writes it: a name with a backslash or a line break is escaped and the line starts with '\'. */
    private static void appendLine(StringBuilder text, String hash, String path) {
        if (path.contains("\\") || path.contains("\n")) {
            text.append('\\').append(hash).append("  ").append(path.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        } else {
            text.append(hash).append("  ").append(path).append('\n');
        }
    }

    /** The entries of a manifest by path; empty when a line is not in sha256sum's format. */
    public static Optional<Map<String, String>> parse(String text) {
        Map<String, String> entries = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            boolean escaped = line.startsWith("\\");
            String rest = escaped ? line.substring(1) : line;
            if (rest.length() < 67 || !rest.substring(0, 64).matches("[0-9a-f]{64}")
                    || !(rest.startsWith("  ", 64) || rest.startsWith(" *", 64))) {
                return Optional.empty();
            }
            String path = rest.substring(66);
            if (escaped) path = path.replace("\\n", "\n").replace("\\\\", "\\");
            entries.put(path, rest.substring(0, 64));
        }
        return Optional.of(entries);
    }

    public static String sha256(byte[] content) {
        return FileStamps.sha256(content);
    }
}
