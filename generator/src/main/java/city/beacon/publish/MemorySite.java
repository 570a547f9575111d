package city.beacon.publish;

import java.util.Map;

/**
 * A site published in memory, as the live preview serves it: the bytes of every file and its
 * stamp (size and SHA-256), by path relative to the site root ("en/index.html").
 */
public record MemorySite(Map<String, byte[]> files, Map<String, FileStamps.Stamp> stamps) {
    public static final MemorySite EMPTY = new MemorySite(Map.of(), Map.of());
}
