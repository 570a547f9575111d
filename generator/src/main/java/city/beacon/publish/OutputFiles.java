package city.beacon.publish;

import java.nio.charset.StandardCharsets;
import java.util.SortedSet;

/**
 * Where a {@link SiteOutput} writes its files, and what the figures read: a build's
 * {@link OutputTree}, or the live preview's files in memory.
 */
public interface OutputFiles {
    void write(String address, byte[] content);

    default void write(String address, String text) {
        write(address, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file written so far, by its path relative to the site root, sorted: a view, to be copied before writing more. */
    SortedSet<String> files();

    /** The hex SHA-256 of the file written at {@code relative}. */
    String sha256(String relative);

    /** Whether there is a file at {@code relative}. */
    boolean has(String relative);

    /** The bytes of the file at {@code relative}. */
    byte[] read(String relative);

    /** The size in bytes of the file at {@code relative}. */
    long size(String relative);
}
