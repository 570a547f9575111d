package city.beacon.publish;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Publishing in memory, for the live preview: a build's tree is staged over the site in memory,
 * and publishing it hands the next site to whoever holds it. Nothing to lock, nothing to clean up.
 */
public final class MemoryPublishing implements Publishing {
    private final Supplier<MemorySite> current;
    private final Consumer<MemorySite> published;

    /** {@code current}: the site published now; {@code published}: takes the site a build publishes. */
    public MemoryPublishing(Supplier<MemorySite> current, Consumer<MemorySite> published) {
        this.current = current;
        this.published = published;
    }

    @Override
    public OutputTree stage(FileStamps readEarlier) {
        return OutputTree.inMemory(current.get());
    }

    @Override
    public void saveStamps(OutputTree staged) {
        // a site in memory keeps its stamps with its files
    }

    @Override
    public void publish(OutputTree staged) {
        published.accept(staged.published());
    }

    @Override
    public void discard(OutputTree staged) {
        // nothing was written anywhere
    }

    @Override
    public void close() {
    }
}
