package city.beacon.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last git commit that touched the content folder, when the content is kept in git: it
 * names the exact content a copy was built from, and its time is the build time of the site.
 */
public record ContentCommit(String hash, Instant time) {

    /** Empty when git is not installed, the folder is not in a repository, or nothing in it was committed. */
    public static Optional<ContentCommit> of(Path contentDir) {
        if (!inRepository(contentDir)) return Optional.empty();
        ProcessBuilder git = new ProcessBuilder("git", "-C", contentDir.toAbsolutePath().toString(),
                "log", "-1", "--format=%H %ct", "--", ".").redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = git.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) return Optional.empty();
            String[] parts = output.split(" ");
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{40,64}") || !parts[1].matches("\\d+")) return Optional.empty();
            return Optional.of(new ContentCommit(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1]))));
        } catch (IOException e) {
            return Optional.empty(); // git is not installed: the content dates decide
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Whether {@code folder} may be in a git repository: it or a folder above it has a .git, or
     * GIT_DIR names one. A folder that is not is told without starting git (twice per build).
     */
    static boolean inRepository(Path folder) {
        if (System.getenv("GIT_DIR") != null) return true;
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) return true;
        }
        return false;
    }
}
