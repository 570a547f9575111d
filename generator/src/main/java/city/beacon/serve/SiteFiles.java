package city.beacon.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of one snapshot of the preview, by site address, immutable: those of the last render
 * of the whole site, and over them the few pages rendered on their own since. An edit of one page
 * then copies the pages edited since, not the site's 20 000 files.
 */
public final class SiteFiles {
    /** Past this many pages rendered on their own, the next one folds them into the whole (one copy in that many edits). */
    private static final int FOLD = 256;

    private final Map<String, byte[]> whole;
    private final Map<String, byte[]> changed;

    private SiteFiles(Map<String, byte[]> whole, Map<String, byte[]> changed) {
        this.whole = whole;
        this.changed = changed;
    }

    public static SiteFiles of(Map<String, byte[]> files) {
        return new SiteFiles(Map.copyOf(files), Map.of());
    }

    /** The file at {@code address}; null when there is none. */
    public byte[] get(String address) {
        byte[] file = changed.get(address);
        return file != null ? file : whole.get(address);
    }

    public boolean contains(String address) {
        return get(address) != null;
    }

    /**
     * These files with {@code files} in place of (or beside) those at their addresses, and none at
     * {@code removed}. A removal folds everything into a new whole (a list grown shorter or a topic
     * gone: rare).
     */
    SiteFiles with(Map<String, byte[]> files, Set<String> removed) {
        Map<String, byte[]> next = new HashMap<>(changed);
        next.putAll(files);
        if (removed.isEmpty() && next.size() <= FOLD) return new SiteFiles(whole, Map.copyOf(next));
        Map<String, byte[]> all = merged(next);
        all.keySet().removeAll(removed);
        return of(all);
    }

    /** Calls {@code action} with every file and its address, without copying the maps. */
    void forEach(java.util.function.BiConsumer<String, byte[]> action) {
        changed.forEach(action);
        whole.forEach((address, file) -> {
            if (!changed.containsKey(address)) action.accept(address, file);
        });
    }

    /** Every file, for comparing with a render of the whole site. */
    Map<String, byte[]> all() {
        return changed.isEmpty() ? whole : merged(changed);
    }

    private Map<String, byte[]> merged(Map<String, byte[]> over) {
        Map<String, byte[]> all = new HashMap<>(whole);
        all.putAll(over);
        return all;
    }
}
