package city.beacon.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a copy of the site against its manifest and, when it is signed, the signature. A copy
 * passes only when it holds exactly the files the manifest lists, with their hashes, and the
 * folders they are in: nothing else, and nothing that is not a regular file or folder (a link
 * could make a mirror serve its own files, a FIFO hang it).
 */
public final class Verifier {
    private Verifier() {
    }

    /**
     * What a check found; {@code unsafe}: entries that are neither regular files nor folders (links,
     * devices, FIFOs, sockets), each with what it is; {@code extra}: files and folders (ending in '/')
     * the manifest does not list; {@code notes} are facts that are not failures (e.g. which key was used).
     */
    public record Result(int checked, List<String> missing, List<String> modified, List<String> extra, List<String> unsafe,
                         List<String> failures, List<String> notes) {
        public boolean ok() {
            return missing.isEmpty() && modified.isEmpty() && extra.isEmpty() && unsafe.isEmpty() && failures.isEmpty();
        }
    }

    /**
     * Checks {@code dir} without ever following a link: the tree is walked first, and only the
     * regular files found there (opened with O_NOFOLLOW) are read.
     */
    public static Result verify(Path dir, Optional<Path> publicKey) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Tree tree = Tree.walk(dir);
        if (!tree.files.contains(Manifest.FILE)) {
            failures.add("no " + Manifest.FILE + " in " + dir + " (as a regular file): this is not a Beacon site, or the copy is incomplete");
            return new Result(0, missing, modified, List.of(), tree.unsafe, failures, notes);
        }
        byte[] manifestBytes = read(dir.resolve(Manifest.FILE));
        Optional<Map<String, String>> parsed = Manifest.parse(new String(manifestBytes, StandardCharsets.UTF_8));
        if (parsed.isEmpty()) {
            failures.add(Manifest.FILE + " is not in sha256sum format: it was damaged or edited");
            return new Result(0, missing, modified, List.of(), tree.unsafe, failures, notes);
        }
        Map<String, String> entries = parsed.get();
        Set<String> listedFolders = new HashSet<>();
        entries.forEach((path, hash) -> {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) listedFolders.add(path.substring(0, slash));
            if (!tree.files.contains(path)) {
                if (!tree.unsafe(path)) missing.add(path); // a link in its place is reported as unsafe
                return;
            }
            try {
                if (!Manifest.sha256(read(dir.resolve(path))).equals(hash)) modified.add(path);
            } catch (IOException e) {
                missing.add(path + " (" + e.getMessage() + ")");
            }
        });
        List<String> extra = new ArrayList<>();
        for (String file : tree.files) if (Manifest.covers(file) && !entries.containsKey(file)) extra.add(file);
        for (String folder : tree.folders) if (!listedFolders.contains(folder)) extra.add(folder + "/");
        Collections.sort(extra);
        checkSignature(dir, tree, manifestBytes, publicKey, failures, notes);
        return new Result(entries.size(), missing, modified, extra, tree.unsafe, failures, notes);
    }

    /** The entries of a copy, found by a walk that never follows a link. */
    private record Tree(Set<String> files, Set<String> folders, List<String> unsafe, Set<String> unsafePaths) {
        static Tree walk(Path dir) throws IOException {
            Tree tree = new Tree(new TreeSet<>(), new TreeSet<>(), new ArrayList<>(), new HashSet<>());
            Files.walkFileTree(dir, new SimpleFileVisitor<>() { // no FOLLOW_LINKS: a link is visited as itself
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    if (!folder.equals(dir)) tree.folders.add(relative(dir, folder));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = relative(dir, file);
                    if (attributes.isRegularFile()) {
                        tree.files.add(path);
                    } else {
                        tree.unsafe.add(path + " (" + kind(file, attributes) + "; a mirror serves only regular files and folders)");
                        tree.unsafePaths.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    tree.unsafe.add(relative(dir, file) + " (cannot be read: " + e.getMessage() + ")");
                    tree.unsafePaths.add(relative(dir, file));
                    return FileVisitResult.CONTINUE;
                }
            });
            Collections.sort(tree.unsafe);
            return tree;
        }

        /** Whether {@code path} is, or lies under, an entry that is not a regular file or folder. */
        boolean unsafe(String path) {
            for (String p = path; ; p = p.substring(0, p.lastIndexOf('/'))) {
                if (unsafePaths.contains(p)) return true;
                if (p.indexOf('/') < 0) return false;
            }
        }
    }

    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            try {
                return "a symbolic link to " + Files.readSymbolicLink(file) + "; verify never follows links";
            } catch (IOException e) {
                return "a symbolic link; verify never follows links";
            }
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            if (type == 0010000) return "a FIFO";
            if (type == 0020000) return "a character device";
            if (type == 0060000) return "a block device";
            if (type == 0140000) return "a socket";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // the generic name below
        }
        return "not a regular file or folder";
    }

    private static String relative(Path dir, Path entry) {
        return dir.relativize(entry).toString().replace('\\', '/');
    }

    /** The bytes of a regular file, refusing to open it through a link (O_NOFOLLOW). */
    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    private static void checkSignature(Path dir, Tree tree, byte[] manifest, Optional<Path> publicKey,
                                       List<String> failures, List<String> notes) throws IOException {
        Path signature = dir.resolve(Manifest.SIGNATURE);
        if (!tree.files.contains(Manifest.SIGNATURE)) {
            if (publicKey.isPresent()) failures.add("the copy is not signed: there is no " + Manifest.SIGNATURE);
            else notes.add("the copy is not signed (no " + Manifest.SIGNATURE + ")");
            return;
        }
        Path keyFile = publicKey.orElse(dir.resolve(Signing.PUBLIC_KEY_FILE));
        if (publicKey.isEmpty() ? !tree.files.contains(Signing.PUBLIC_KEY_FILE) : !Files.isRegularFile(keyFile)) {
            failures.add("the copy is signed but there is no public key to check it: pass --public-key FILE");
            return;
        }
        if (publicKey.isEmpty()) {
            notes.add("checked the signature with the key inside the copy itself, which proves only that the files "
                    + "match it; pass --public-key with the key from the main site to know who signed it");
        }
        try {
            String keyText = publicKey.isPresent() ? Files.readString(keyFile, StandardCharsets.US_ASCII)
                    : new String(read(keyFile), StandardCharsets.US_ASCII);
            PublicKey key = Signing.readPublicKey(keyText);
            if (!Signing.verify(key, manifest, read(signature))) {
                failures.add("bad signature: " + Manifest.FILE + " was not signed by the key in " + keyFile);
            } else {
                notes.add("good signature by the key in " + keyFile);
            }
        } catch (GeneralSecurityException e) {
            failures.add("bad signature or key (" + keyFile + "): " + e.getMessage());
        }
    }
}
