package city.beacon.build;

import city.beacon.findings.Problems;
import city.beacon.publish.SideFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One run of the build: its findings, how long each step took, and the page caches being written
 * beside the output (a build that fails discards them).
 */
final class Run {
    final Problems problems = new Problems();
    private final Steps steps;
    private final long start;

    Run() {
        this(new Steps(), System.nanoTime());
    }

    private Run(Steps steps, long start) {
        this.steps = steps;
        this.start = start;
    }

    /**
     * A try at a plan that may be given up: its findings start as this run's and are its own from
     * there (dropped when it is given up); its steps are timed with this run's.
     */
    Run attempt() {
        Run attempt = new Run(steps, start);
        attempt.problems.addAll(problems);
        return attempt;
    }
    private final Queue<Prefetch.Later<Optional<SideFile.Pending>>> pageCacheWrites = new ConcurrentLinkedQueue<>();
    /** The pages of lists this build has (kept or made), and those it rendered rather than kept. */
    int listPages;
    final java.util.concurrent.atomic.AtomicInteger listPagesRendered = new java.util.concurrent.atomic.AtomicInteger();

    /** Ends the step named {@code step}. */
    void done(String step) {
        steps.done(step);
    }

    Map<String, Long> steps() {
        return steps.millis();
    }

    long elapsed() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A build that stopped before writing anything: only its findings matter. */
    SiteBuilder.Result failed() {
        return new SiteBuilder.Result(problems, Map.of(), 0, 0, elapsed(), false, List.of(), Map.of(), 0, 0, 0);
    }

    void writingPageCache(Prefetch.Later<Optional<SideFile.Pending>> write) {
        pageCacheWrites.add(write);
    }

    /** Removes the page caches written beside the output: the build failed (its side threads are idle). */
    void discardPageCaches() throws java.io.IOException {
        for (Prefetch.Later<Optional<SideFile.Pending>> write : pageCacheWrites) {
            Optional<SideFile.Pending> written = write.getOr(Optional.empty());
            if (written.isPresent()) written.get().discard();
        }
    }
}
