package city.beacon.publish;

import java.nio.charset.StandardCharsets;
import java.util.SortedSet;

/**
 * Where a {@link SiteOutput} writes its files: a build's {@link OutputTree}, or the live preview's
 * files in memory.
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
}
