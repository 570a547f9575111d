package city.beacon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Content kept in git, as editors keep it: runs git in a test's folder. */
public final class Git {
    private Git() {
    }

    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "git"))) return true;
        }
        return false;
    }

    /** Runs git in {@code dir} with {@code env} added; fails the test when git does. */
    public static String run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /** Commits everything in {@code dir} (a repository is made first when there is none) at {@code time}, e.g. 2026-12-03T10:00:00Z. */
    public static void commitAll(Path dir, String time, String message) throws Exception {
        if (!Files.isDirectory(dir.resolve(".git"))) run(dir, Map.of(), "init", "-q");
        run(dir, Map.of(), "add", "-A");
        run(dir, Map.of("GIT_COMMITTER_DATE", time, "GIT_AUTHOR_DATE", time),
                "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", message);
    }
}
