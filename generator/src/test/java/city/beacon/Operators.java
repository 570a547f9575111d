package city.beacon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs Beacon the way operators do: in a process of its own (from cron, with its umask), as a user
 * who is not root (the building user, 'nobody'), with the classes copied where that user can read them.
 */
public final class Operators {
    public static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Operators() {
    }

    /** What a child process printed (stdout and stderr together) and its exit status. */
    public record Run(int exit, String output) {
    }

    /** Whether a test can run a command as 'nobody': only root can switch user. */
    public static boolean canRunAsNobody() {
        return ROOT && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /** {@code java -cp <classpath> city.beacon.Main}: the test classpath, readable by the current user. */
    public static List<String> beacon() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "city.beacon.cli.Main");
    }

    /**
     * {@code java -cp ... city.beacon.Main} run as 'nobody', with the classpath copied under
     * {@code tmp} (the Maven repository under /root is not readable by others); {@code tmp} and its
     * parents are made traversable, as /srv is.
     */
    public static List<String> beaconAsNobody(Path tmp) throws IOException {
        traversable(tmp);
        Path classes = Files.createDirectories(tmp.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) continue;
            Path to = classes.resolve(n++ + "-" + from.getFileName());
            copyTree(from, to);
            entries.add(to.toString());
        }
        readableByAll(classes);
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + tmp,
                "-cp", String.join(java.io.File.pathSeparator, entries), "city.beacon.cli.Main"));
        return command;
    }

    /** {@code command} run in {@code dir} by {@code sh -c 'umask UMASK; exec "$@"'}. */
    public static Run withUmask(String umask, Path dir, List<String> command) {
        List<String> shell = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
        shell.addAll(command);
        return run(dir, shell);
    }

    public static Run run(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code folder} and every parent of it get o+x (as /srv has), nothing else changes. */
    public static void traversable(Path folder) throws IOException {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }

    /** Gives {@code root} and everything in it to 'nobody' (as the building user owns its checkout). */
    public static void giveToNobody(Path root) {
        Run chown = run(root.getParent(), List.of("chown", "-R", "nobody:nogroup", root.toString()));
        if (chown.exit() != 0) throw new IllegalStateException(chown.output());
    }

    /** The mode of every entry of a tree by relative path ("/" for the root, "uk/" for a folder), e.g. "rwxr-xr-x". */
    public static java.util.Map<String, String> modes(Path root) throws IOException {
        java.util.Map<String, String> modes = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String name = root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                modes.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void readableByAll(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
