package city.beacon.publish;

import java.io.IOException;

/**
 * How a build's files become the site: staged, then published or discarded. On the disk the
 * {@link Publisher} does it under the output folder's lock; in memory (the live preview's builds),
 * {@link MemoryPublishing}. The build's steps do not know which.
 */
public interface Publishing extends AutoCloseable {
    /** A tree to write this build's files into, over the site published now; {@code readEarlier}: its stamps, read ahead. */
    OutputTree stage(FileStamps readEarlier) throws IOException;

    /** Notes the stamps {@code staged} will need once published, while the build still measures the site. */
    void saveStamps(OutputTree staged) throws IOException;

    /** Makes {@code staged} the published site. */
    void publish(OutputTree staged) throws IOException;

    /** Forgets {@code staged}: the published site stays as it was. */
    void discard(OutputTree staged) throws IOException;

    @Override
    void close() throws IOException;
}
