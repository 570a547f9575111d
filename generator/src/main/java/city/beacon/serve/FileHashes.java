package city.beacon.serve;

import city.beacon.publish.FileStamps;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The SHA-256 of each file the preview serves, taken once per file: a file kept from one snapshot
 * to the next is the same array, so it is not hashed again (sw.js's version hashes them all at
 * every rebuild, ten thousand at 10 000 pages). Used from the one thread that rebuilds.
 */
final class FileHashes {
    private Map<byte[], String> hashes = new IdentityHashMap<>();

    /** The hex SHA-256 of {@code file}. */
    String of(byte[] file) {
        return hashes.computeIfAbsent(file, FileStamps::sha256);
    }

    /** Forgets the hashes of files no longer served. */
    void keepOnly(Collection<byte[]> served) {
        if (hashes.size() <= served.size() * 2) return; // forgotten in bulk, now and then
        Set<byte[]> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(served);
        hashes.keySet().retainAll(keep);
    }
}
