package city.beacon.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The date of the last commit of every file under a folder, from one {@code git log} call, so a
 * page's "last updated" can default to when it was last changed. The dates come from the
 * history, never from the clock or the file system, so a build of one commit is reproducible.
 * Without git, or outside a repository, there are no dates and pages keep their own.
 */
public final class GitDates {
    /** Starts each commit's record in the log; a byte no file name holds. */
    private static final String COMMIT = "\u001e";

    private GitDates() {
    }

    /** Path relative to {@code folder} (forward slashes, NFC) -> date of its last commit in {@code zone}. */
    public static Map<String, LocalDate> lastCommits(Path folder, ZoneId zone) {
        List<String> command = List.of("git", "-c", "core.quotePath=false", "log", "--format=" + COMMIT + "%ct",
                "--name-only", "--relative", "--no-renames", "-z", "--", ".");
        try {
            Process git = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String log;
            try (InputStream in = git.getInputStream()) {
                log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) return Map.of();
            return parse(log, zone);
        } catch (IOException e) {
            return Map.of(); // git is not installed: pages keep the dates their front matter gives
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Parses {@code git log -z --format=<RS>%ct --name-only}: newest commit first, so the first
     * date seen for a file is its last change.
     */
    static Map<String, LocalDate> parse(String log, ZoneId zone) {
        Map<String, LocalDate> dates = new HashMap<>();
        LocalDate current = null;
        for (String token : log.split("\0")) {
            int mark = token.lastIndexOf(COMMIT);
            if (mark >= 0) {
                current = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(token.substring(mark + 1).trim())), zone);
                continue;
            }
            // The first name after a commit's line follows the newline that ends it.
            String name = token.startsWith("\n") ? token.substring(1) : token;
            if (!name.isEmpty() && current != null) {
                dates.putIfAbsent(Normalizer.normalize(name, Normalizer.Form.NFC), current);
            }
        }
        return Map.copyOf(dates);
    }
}
