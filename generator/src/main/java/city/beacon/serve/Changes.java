package city.beacon.serve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one rebuild of part of the site changed: the files to serve anew or no more, the pages
 * whose heading ids changed, the pages (source paths) whose links to headings to check again, and
 * how many pages were rendered.
 */
final class Changes {
    final Map<String, byte[]> files = new HashMap<>();
    final Set<String> removed = new HashSet<>();
    final Set<String> headingsChanged = new HashSet<>();
    final Set<String> toCheck = new HashSet<>();
    int rendered;

    /** {@code now} at {@code url} in place of {@code before} (null: the page is new, or gone). */
    void page(String url, Rendered before, Rendered now) {
        if (now == before) return;
        if (now == null) removed.add(url);
        else if (before == null || !Arrays.equals(before.html(), now.html())) files.put(url, now.html());
        if (before == null || now == null || !before.ids().equals(now.ids())) headingsChanged.add(url);
    }

    /** The file at {@code address} is now {@code bytes} when {@code before} was other (null: there was none). */
    void file(String address, byte[] before, byte[] bytes) {
        if (before != bytes) files.put(address, bytes);
    }

    boolean none() {
        return files.isEmpty() && removed.isEmpty();
    }
}
