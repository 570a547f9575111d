package city.beacon.build;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The build's side threads, and the only place that knows about them: the side files (caches,
 * stamps) are read while the content folder is walked, git is asked for the last commit meanwhile,
 * the caches are written while the site is published, the figures measured while the manifest is
 * made. A step starts such work with {@link #start} and takes its result with {@link Later#get};
 * step code holds no future or pool. The threads end once idle.
 */
final class Prefetch implements AutoCloseable {
    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(3, 3, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            work -> {
                Thread thread = new Thread(work, "beacon-side-files");
                thread.setDaemon(true);
                return thread;
            });

    Prefetch() {
        threads.allowCoreThreadTimeOut(true);
    }

    /** Work done on a side thread: its result, or what it threw, when asked for. */
    static final class Later<T> {
        private final CompletableFuture<T> work;

        private Later(CompletableFuture<T> work) {
            this.work = work;
        }

        /** Waits for the work; what it threw is thrown as it was (an IOException as itself), not wrapped. */
        T get() throws IOException {
            try {
                return work.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) throw io.getCause();
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error error) throw error;
                throw e;
            }
        }

        /** Waits for the work; what it threw is thrown unchecked. */
        T join() {
            try {
                return get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The result, or {@code fallback} when the work failed. */
        T getOr(T fallback) {
            return work.exceptionally(e -> fallback).join();
        }
    }

    /** A result known already. */
    static <T> Later<T> done(T value) {
        return new Later<>(CompletableFuture.completedFuture(value));
    }

    /** Starts {@code work} on a side thread. */
    <T> Later<T> start(Callable<T> work) {
        return new Later<>(CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads));
    }

    /** Starts {@code work} on a side thread when {@code before} is done (and only if it succeeded). */
    <T, R> Later<R> then(Later<T> before, java.util.function.Function<T, R> work) {
        return new Later<>(before.work.thenApplyAsync(work, threads));
    }

    /** Starts {@code work} on a side thread, with no result. */
    Later<Void> run(IoWork work) {
        return start(() -> {
            work.run();
            return null;
        });
    }

    interface IoWork {
        void run() throws IOException;
    }

    /** Waits until no side thread is still working: after a failure, before what they write is removed. */
    void awaitIdle() throws IOException {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) throw new IOException("the build's side threads did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the build's side threads");
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
