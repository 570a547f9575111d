package city.beacon.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The publish stage: a build writes into a fresh staging folder beside the output, and only a
 * build that passed every check replaces the published folder with it. A failed build deletes
 * its staging folder and leaves the published site as it was.
 */
public final class Publisher {
    private final Path out;

    public Publisher(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    /** A new, empty staging folder beside the output folder (same file system, so moves are renames and unchanged files are hard-linked). */
    public OutputTree stage() throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        return new OutputTree(Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-"), out);
    }

    /** Makes {@code staged} the published output. */
    public void publish(OutputTree staged) throws IOException {
        Path old = out.resolveSibling("." + out.getFileName() + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(out)) move(out, old);
        move(staged.root(), out);
        deleteTree(old);
    }

    public void discard(OutputTree staged) throws IOException {
        deleteTree(staged.root());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
