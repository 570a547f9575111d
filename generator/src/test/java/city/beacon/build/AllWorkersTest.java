package city.beacon.build;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed build deletes its staging folder only once no worker still writes into it. */
class AllWorkersTest {

    @Test
    void returnsOnlyOnceEveryWorkerHasStoppedAndThrowsTheFirstFailureWithTheLaterOnesSuppressed() {
        AtomicInteger running = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 400).boxed().toList();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AllWorkers.forEach(items, i -> {
            running.incrementAndGet();
            try {
                if (i % 100 == 3) throw new IllegalStateException("item " + i);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }));
        assertEquals(0, running.get(), "workers still running when the failure was thrown");
        assertTrue(thrown.getMessage().startsWith("item "), thrown.getMessage());
        for (Throwable later : thrown.getSuppressed()) assertTrue(later.getMessage().startsWith("item "), later.getMessage());
    }

    @Test
    void runsEveryItemWhenNoneFails() {
        AtomicInteger done = new AtomicInteger();
        AllWorkers.forEach(IntStream.range(0, 1000).boxed().toList(), i -> done.incrementAndGet());
        assertEquals(1000, done.get());
    }
}
