package city.beacon.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

/**
 * Watches folders and everything below them (the JDK watches one folder at a time, so each
 * folder is registered, including those created later) and hands over changes in bursts: an
 * editor's save is often several events (write a temporary file, rename it over the page).
 */
final class Watcher implements Closeable {
    /** How long the folders must stay quiet for a burst of events to count as one save. */
    private static final long QUIET_MILLIS = 15;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    Watcher(Iterable<Path> roots) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) register(root, new TreeSet<>());
        }
    }

    /** Blocks until something changes; returns every file touched in that burst (a new folder: the files in it). */
    Set<Path> next() throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        WatchKey key = service.take();
        while (key != null) {
            collect(key, changed);
            key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null) continue;
            if (event.kind() == OVERFLOW) {
                changed.add(folder);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                register(path, changed);
            } else {
                changed.add(path);
            }
        }
        if (!key.reset()) folders.remove(key);
    }

    private void register(Path root, Set<Path> found) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    folders.put(path.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), path);
                } else {
                    found.add(path);
                }
            }
        } catch (IOException e) {
            found.add(root); // vanished while being walked: the caller reloads, which reports what is missing
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
