package city.beacon.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a build may write its site into a folder. A build replaces what the folder holds, so it
 * may do so only when the folder does not exist, is empty, or was written by Beacon: it carries the
 * marker of a previous build, a {@code build-info.json} (a regular file, not a link) saying
 * {@code "generator": "beacon"}, or a publish of Beacon's is under way in it (its journal is beside it).
 * Anything else ({@code --out content}, a home folder, a web root of other files) is refused.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /** Why a build must not write into a folder, and what to do instead. */
    public record Refusal(String message, String suggestion) {
    }

    /** Empty when a build may write into {@code out}; {@code marker}: the file every build writes at the site's root. */
    public static Optional<Refusal> check(Path out, String marker) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Refusal("this is " + (Files.isSymbolicLink(out) ? "a symbolic link" : "a file") + ", not a folder: "
                    + "Beacon writes the site into a folder of its own", "choose another --out, e.g. --out public"));
        }
        if (isEmpty(out) || writtenByBeacon(out, marker) || Files.exists(Publisher.sibling(out.toAbsolutePath().normalize(), "journal"))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("this folder was not written by Beacon (it is not empty and has no " + marker
                + " of a previous build): building into it would delete what it holds",
                "choose another --out (a new or empty folder), or delete or empty this folder yourself if you are sure"));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static boolean writtenByBeacon(Path out, String marker) {
        Path file = out.resolve(marker);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false; // never opened otherwise: a FIFO would block
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            JsonNode info = new ObjectMapper().readTree(in.readNBytes(1 << 16));
            return info != null && "beacon".equals(info.path("generator").asText());
        } catch (IOException e) {
            return false; // absent, unreadable or not JSON: not a marker
        }
    }
}
