package city.beacon.serve;

import city.beacon.model.Routes;
import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputTree;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SHA-256 of every file the preview serves but sw.js, by its path from the site root, as a
 * build lists them for the worker's version. Kept from one snapshot to the next: a file kept is the
 * same array, so only the files made again are hashed (at 10 000 pages, hashing every file at every
 * save took longer than the rebuild). Used from the one thread that rebuilds.
 */
final class FileHashes {
    /** By address, the array last hashed: a file kept costs a lookup, not the conversion of its address to a path. */
    private final Map<String, byte[]> hashed = new HashMap<>();
    private final TreeMap<String, String> byFile = new TreeMap<>();
    /** By path, the file's bytes (for the figures, {@link ServedFiles}). */
    private final Map<String, byte[]> bytesByFile = new HashMap<>();

    /** The hashes of {@code files}' files but sw.js, by path; a view, valid until the next call. */
    SortedMap<String, String> of(SiteFiles files) {
        int[] count = {0};
        files.forEach((address, bytes) -> {
            if (address.equals(Routes.SERVICE_WORKER)) return;
            count[0]++;
            if (hashed.get(address) != bytes) {
                hashed.put(address, bytes);
                byFile.put(OutputTree.fileOf(address), FileStamps.sha256(bytes));
                bytesByFile.put(OutputTree.fileOf(address), bytes);
            }
        });
        if (count[0] < hashed.size()) { // files removed: rare
            hashed.keySet().removeIf(address -> {
                if (files.contains(address)) return false;
                byFile.remove(OutputTree.fileOf(address));
                bytesByFile.remove(OutputTree.fileOf(address));
                return true;
            });
        }
        return java.util.Collections.unmodifiableSortedMap(byFile);
    }

    /** The paths of the files hashed by the last {@link #of}, sorted. */
    java.util.SortedSet<String> files() {
        return java.util.Collections.unmodifiableSortedSet(byFile.navigableKeySet());
    }

    /** The hash of the file at {@code path} as of the last {@link #of}; null when there is none. */
    String sha256(String path) {
        return byFile.get(path);
    }

    /** The bytes of the file at {@code path} as of the last {@link #of}; null when there is none. */
    byte[] bytes(String path) {
        return bytesByFile.get(path);
    }
}
