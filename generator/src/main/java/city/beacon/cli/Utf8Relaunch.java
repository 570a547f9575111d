package city.beacon.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * File names are UTF-8 bytes (content/uk/poslugy/гуманітарна-допомога.md), but a JVM started with no
 * locale (cron, systemd, {@code env -i}) or with one the machine lacks converts file names with ASCII
 * ({@code sun.jnu.encoding}) and cannot open them. JDK 17 fixes that encoding when it starts, from the
 * locale: so Beacon, started so, runs itself again with the same java and the same command line, under
 * {@code LC_ALL=C.UTF-8}. The command line is read as bytes from {@code /proc/self/cmdline} and passed in
 * an argument file, since the JVM's own strings of it lost every non-ASCII character.
 */
final class Utf8Relaunch {
    /** Set in the environment of the process run again: it must not run itself once more. */
    static final String MARK = "BEACON_UTF8_RELAUNCHED";
    static final String LOCALE = "C.UTF-8";

    private Utf8Relaunch() {
    }

    /** Whether this JVM reads and writes file names as UTF-8. */
    static boolean fileNamesAreUtf8() {
        String encoding = System.getProperty("sun.jnu.encoding");
        return encoding == null || Charset.isSupported(encoding) && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    }

    /**
     * Runs this command again under {@code LC_ALL=C.UTF-8} and returns its exit code; empty when file
     * names are UTF-8 already. When that cannot help (it was tried, or the command line cannot be read),
     * prints what to do and returns exit code 2.
     */
    static Optional<Integer> ifNeeded() {
        if (fileNamesAreUtf8()) return Optional.empty();
        if (System.getenv(MARK) != null) return Optional.of(cannot("the locale " + LOCALE + " is not installed"));
        Optional<List<byte[]>> commandLine = commandLine();
        if (commandLine.isEmpty() || commandLine.get().size() < 2) return Optional.of(cannot("its command line cannot be read"));
        Path arguments = null;
        try {
            arguments = Files.createTempFile("beacon-arguments-", ".txt");
            Files.write(arguments, argumentFile(commandLine.get().subList(1, commandLine.get().size())));
            ProcessBuilder again = new ProcessBuilder("/proc/" + ProcessHandle.current().pid() + "/exe", "@" + arguments).inheritIO();
            again.environment().put("LC_ALL", LOCALE);
            again.environment().put(MARK, "1");
            Process process = again.start();
            Thread stop = new Thread(process::destroy, "beacon-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop); // a build stopped (SIGTERM) stops the one it started
            try {
                int exit = process.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                return Optional.of(exit);
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                return Optional.of(Main.INTERNAL_ERROR);
            }
        } catch (IOException e) {
            return Optional.of(cannot("it could not be started again (" + e.getMessage() + ")"));
        } finally {
            if (arguments != null) {
                try {
                    Files.deleteIfExists(arguments);
                } catch (IOException e) {
                    // a temporary file of a few bytes: the system's cleaning removes it
                }
            }
        }
    }

    private static int cannot(String why) {
        System.err.println("beacon: file names are read as " + System.getProperty("sun.jnu.encoding")
                + ", not UTF-8, because no UTF-8 locale is set, and " + why
                + ": set a UTF-8 locale where Beacon runs, e.g. LANG=C.UTF-8 (in a crontab: a line LANG=C.UTF-8 above the job)");
        return 2;
    }

    /** The arguments this JVM was started with, the program's first, as the bytes the system gave it. */
    private static Optional<List<byte[]>> commandLine() {
        try {
            byte[] all = Files.readAllBytes(Paths.get("/proc/self/cmdline"));
            List<byte[]> arguments = new java.util.ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    arguments.add(java.util.Arrays.copyOfRange(all, start, i));
                    start = i + 1;
                }
            }
            if (start < all.length) arguments.add(java.util.Arrays.copyOfRange(all, start, all.length));
            return Optional.of(arguments);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A java launcher argument file ({@code java @file}) giving each of {@code arguments} as it is: each in
     * double quotes, with {@code \} and {@code "} and line breaks escaped; other bytes (UTF-8) unchanged.
     */
    static byte[] argumentFile(List<byte[]> arguments) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] argument : arguments) {
            file.write('"');
            for (byte b : argument) {
                switch (b) {
                    case '\\', '"' -> {
                        file.write('\\');
                        file.write(b);
                    }
                    case '\n' -> file.writeBytes(new byte[]{'\\', 'n'});
                    case '\r' -> file.writeBytes(new byte[]{'\\', 'r'});
                    case '\t' -> file.writeBytes(new byte[]{'\\', 't'});
                    case '\f' -> file.writeBytes(new byte[]{'\\', 'f'});
                    default -> file.write(b);
                }
            }
            file.write('"');
            file.write('\n');
        }
        return file.toByteArray();
    }
}
