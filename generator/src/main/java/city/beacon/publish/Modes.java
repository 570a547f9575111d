package city.beacon.publish;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The modes of the published tree, whatever the umask of the build: folders 0755 and files 0644,
 * set explicitly on every folder and file a build creates, so that a web server or rsync daemon
 * running as another user ('www-data', 'nobody') can read the site, and rsync copies it readable.
 */
final class Modes {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private Modes() {
    }

    static void folder(Path folder) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(folder, FOLDER);
    }

    static void file(Path file) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(file, FILE);
    }

    /** Sets 0755 on {@code folder} unless it has it already (a stat, no write, in the common case). */
    static void folderIfNot(Path folder) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(FOLDER)) folder(folder);
    }

    /** Creates {@code folder} and its missing parents, each 0755; one made meanwhile by another thread is left to it. */
    static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        createFolders(folder.getParent());
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException made) {
            return;
        }
        folder(folder);
    }
}
