package city.beacon.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The dates of the last commit of files, and {@code commit}: the newest commit of the folder
     * they know of (empty when the folder is not in git).
     */
    public record Dates(String commit, Map<String, LocalDate> byFile) {
        static final Dates NONE = new Dates("", Map.of());
    }

    /** Path relative to {@code folder} (forward slashes, NFC) -> date of its last commit in {@code zone}. */
    public static Map<String, LocalDate> lastCommits(Path folder, ZoneId zone) {
        return all(folder, zone).byFile();
    }

    /** The dates from the whole history: one {@code git log} call. */
    public static Dates all(Path folder, ZoneId zone) {
        if (!ContentCommit.inRepository(folder)) return Dates.NONE;
        return log(folder, zone, "HEAD").orElse(Dates.NONE);
    }

    /**
     * The dates from the commits after {@code commit}, over {@code known} (the dates at it, a file
     * with no commit then mapped to null), when {@code commit} is an ancestor of the folder's
     * history now and every file of {@code needed} is dated by one or the other; else from the
     * whole history. {@code after}: what {@link #after} gave, which asks git (a build asks it on a
     * thread of its own while it walks the folders for the files to date). A history of thousands
     * of commits took git seconds to go through on every build; the commits since the previous
     * build take it milliseconds.
     */
    public static Dates since(Path folder, ZoneId zone, String commit, Map<String, LocalDate> known, Collection<String> needed,
                             Optional<Dates> after) {
        if (after.isEmpty()) return all(folder, zone);
        Map<String, LocalDate> dates = new HashMap<>(known);
        dates.putAll(after.get().byFile());
        if (!dates.keySet().containsAll(needed)) return all(folder, zone); // a file the previous build did not date
        dates.values().removeIf(java.util.Objects::isNull);
        return new Dates(after.get().commit().isEmpty() ? commit : after.get().commit(), Map.copyOf(dates));
    }

    /**
     * The dates the commits after {@code commit} give, up to {@code newest} (none when it is
     * {@code commit}); empty when they cannot be told from those commits alone: no commit known,
     * a history rewritten since (it is no longer an ancestor), or git failed.
     */
    public static Optional<Dates> after(Path folder, ZoneId zone, String commit, String newest) {
        if (commit.isEmpty()) return Optional.empty();
        if (newest.equals(commit)) return Optional.of(new Dates("", Map.of())); // no commit of the folder since: nothing to ask git
        if (git(folder, List.of("merge-base", "--is-ancestor", commit, "HEAD")).isEmpty()) return Optional.empty();
        return log(folder, zone, commit + "..HEAD");
    }

    private static Optional<Dates> log(Path folder, ZoneId zone, String range) {
        return git(folder, List.of("-c", "core.quotePath=false", "log", "--format=" + COMMIT + "%H %ct",
                "--name-only", "--relative", "--no-renames", "-z", range, "--", ".")).map(log -> parse(log, zone));
    }

    /** What git printed, or empty when it failed or is not installed. */
    private static Optional<String> git(Path folder, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(arguments);
        try {
            Process git = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            String output;
            try (InputStream in = git.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) return Optional.empty();
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty(); // git is not installed: pages keep the dates their front matter gives
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Parses {@code git log -z --format=<RS>%H %ct --name-only}: newest commit first, so the first
     * date seen for a file is its last change, and the first commit is the newest.
     */
    static Dates parse(String log, ZoneId zone) {
        Map<String, LocalDate> dates = new HashMap<>();
        LocalDate current = null;
        String newest = "";
        for (String token : log.split("\0")) {
            int mark = token.lastIndexOf(COMMIT);
            if (mark >= 0) {
                String[] commit = token.substring(mark + 1).trim().split(" ");
                if (newest.isEmpty()) newest = commit[0];
                current = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(commit[1])), zone);
                continue;
            }
            // The first name after a commit's line follows the newline that ends it.
            String name = token.startsWith("\n") ? token.substring(1) : token;
            if (!name.isEmpty() && current != null) {
                dates.putIfAbsent(Normalizer.normalize(name, Normalizer.Form.NFC), current);
            }
        }
        return new Dates(newest, Map.copyOf(dates));
    }
}
