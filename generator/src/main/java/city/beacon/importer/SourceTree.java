package city.beacon.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of a source site, read and never written: every ordinary file under a folder, sorted
 * by path. A symbolic link is followed only to an ordinary file inside the source; any other link,
 * and anything that is not an ordinary file, is reported and left out.
 */
final class SourceTree {
    /** A page larger than this is not read (a generated or pasted file, not an editor's text). */
    static final long MAX_PAGE_BYTES = 4L << 20;
    /** A static file larger than this is not copied. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /** One file: its path from the source root, with '/'. */
    record File(String relative, Path path, long size) {
        String name() {
            return relative.substring(relative.lastIndexOf('/') + 1);
        }
    }

    private final Path root;
    private final Path realRoot;
    private final ImportReport report;

    SourceTree(Path root, ImportReport report) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.report = report;
    }

    /**
     * The files under {@code folder} (relative to the source, "" for all), skipping folders whose
     * name starts with '.' and those named in {@code skip} (at any depth).
     */
    List<File> files(String folder, Set<String> skip) throws IOException {
        Path start = folder.isEmpty() ? root : root.resolve(folder);
        List<File> files = new ArrayList<>();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) return files;
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(start) && (name.startsWith(".") || skip.contains(name))) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(file);
                if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                if (attrs.isSymbolicLink()) {
                    Optional<Path> target = insideTarget(file);
                    if (target.isEmpty()) {
                        report.notImported(relative, "a symbolic link to a folder or to a file outside the source: not followed");
                    } else {
                        files.add(new File(relative, target.get(), Files.size(target.get())));
                    }
                } else if (attrs.isRegularFile()) {
                    files.add(new File(relative, file, attrs.size()));
                } else {
                    report.notImported(relative, "not an ordinary file (a named pipe, device or socket)");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                report.notImported(relative(file), "cannot be read: " + e.getClass().getSimpleName());
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(File::relative));
        return files;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The ordinary file inside the source that {@code link} points to, if it does. */
    private Optional<Path> insideTarget(Path link) {
        try {
            Path real = link.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code relative} is an ordinary file or folder of the source (no link followed). */
    boolean isFile(String relative) {
        return Files.isRegularFile(root.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    Path root() {
        return root;
    }

    /** The text of a page, or empty (reported) when it is too large, not UTF-8 or binary. */
    Optional<String> text(File file) throws IOException {
        if (file.size() > MAX_PAGE_BYTES) {
            report.notImported(file.relative(), "larger than " + (MAX_PAGE_BYTES >> 20) + " MiB: not read as a page");
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file.path());
        for (byte b : bytes) {
            if (b == 0) {
                report.notImported(file.relative(), "a binary file (it holds zero bytes), not a page");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            report.notImported(file.relative(), "not UTF-8 text: save it as UTF-8 and import again");
            return Optional.empty();
        }
    }
}
