package city.beacon.build;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Work on every core that returns only once every worker has stopped, also when one failed.
 *
 * <p>A parallel stream's {@code forEach} throws as soon as one of its tasks fails, while the others
 * may still be writing into the staging folder: deleting it then failed with
 * DirectoryNotEmptyException, which hid the first failure and left the folder behind.
 */
final class AllWorkers {
    private AllWorkers() {
    }

    /**
     * Runs {@code action} on each of {@code items} in parallel; once one fails the others start no
     * more items. Throws the first failure, the later ones added to it as suppressed.
     */
    static <T> void forEach(Collection<T> items, Consumer<T> action) {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        items.parallelStream().forEach(item -> {
            if (!failures.isEmpty()) return;
            try {
                action.accept(item);
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        });
        Throwable first = failures.poll();
        if (first == null) return;
        failures.forEach(first::addSuppressed);
        if (first instanceof RuntimeException r) throw r;
        throw (Error) first;
    }
}
