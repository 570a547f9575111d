package city.beacon.serve;

import city.beacon.model.Routes;
import city.beacon.publish.Gzip;
import city.beacon.publish.OutputFiles;

import java.util.Map;
import java.util.SortedSet;

/**
 * The files the preview serves, as the build's figures read a build's output ({@code
 * OutputFigures}: page weights, the search index and the scripts against the budgets), so that the
 * preview reports what they find. A file's compressed size is what a build's {@code .gz} beside it
 * weighs: measured once per file (by its hash) and shown as that {@code .gz}; no {@code .gz} is
 * listed or served. Read only.
 */
final class ServedFiles implements OutputFiles {
    private final FileHashes hashes;
    private final byte[] serviceWorker;
    /** Compressed sizes by SHA-256, kept by the preview from one rebuild to the next; thread-safe (pages are measured on every core). */
    private final Map<String, Integer> compressed;

    ServedFiles(FileHashes hashes, byte[] serviceWorker, Map<String, Integer> compressed) {
        this.hashes = hashes;
        this.serviceWorker = serviceWorker;
        this.compressed = compressed;
    }

    @Override
    public void write(String address, byte[] content) {
        throw new UnsupportedOperationException("the figures only read");
    }

    /** The files but sw.js (which no figure lists; it is read by its name). */
    @Override
    public SortedSet<String> files() {
        return hashes.files();
    }

    @Override
    public String sha256(String relative) {
        return hashes.sha256(relative);
    }

    @Override
    public boolean has(String relative) {
        return bytes(base(relative)) != null;
    }

    @Override
    public byte[] read(String relative) {
        return bytes(relative);
    }

    @Override
    public long size(String relative) {
        if (!relative.endsWith(".gz")) return bytes(relative).length;
        String file = base(relative);
        String sha256 = file.equals(Routes.SERVICE_WORKER) ? null : hashes.sha256(file);
        if (sha256 == null) return Gzip.compress(bytes(file)).length;
        return compressed.computeIfAbsent(sha256, s -> Gzip.compress(bytes(file)).length);
    }

    private byte[] bytes(String file) {
        return file.equals(Routes.SERVICE_WORKER) ? serviceWorker : hashes.bytes(file);
    }

    private static String base(String relative) {
        return relative.endsWith(".gz") ? relative.substring(0, relative.length() - 3) : relative;
    }
}
