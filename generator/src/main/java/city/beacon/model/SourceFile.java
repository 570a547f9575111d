package city.beacon.model;

import java.nio.file.Path;

/**
 * A file under {@code content/}: {@code path} to read it, {@code display} to name it in messages
 * (as the editor typed the content folder), {@code relative} (forward slashes, from content/).
 */
public record SourceFile(Path path, String display, String relative) {
}
