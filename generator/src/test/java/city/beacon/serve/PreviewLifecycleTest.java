package city.beacon.serve;

import city.beacon.TestContent;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code beacon serve} starts and stops: the port first, and nothing left behind. */
class PreviewLifecycleTest {

    @Test
    void busyPortFailsBeforeTheFirstBuild(@TempDir Path temp) throws Exception {
        Path content = TestContent.copy("content", temp);
        Path templates = TestContent.copy("templates", temp);
        PreviewSite site = new PreviewSite(content, Theme.directory(templates, temp.resolve("classes")), Map.of());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThrows(BindException.class, () -> PreviewServer.start(site, content, templates, Clock.systemUTC(),
                    taken.getLocalPort(), new PrintStream(PrintStream.nullOutputStream())));
        }
        assertEquals(0, site.snapshot().version(), "the site was not built: the busy port was found first");
        assertTrue(site.snapshot().files().isEmpty(), "nothing was built");
    }

    @Test
    void stoppedPreviewLeavesNoTemporaryFolder(@TempDir Path temp) throws Exception {
        Path content = TestContent.copy("content", temp);
        Path templates = TestContent.copy("templates", temp);
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp, "city.beacon.cli.Main", "serve",
                "--content", content.toString(), "--templates", templates.toString(), "--port", "0"));
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.startsWith("Preview at "); line = out.readLine()) {
                seen.append(line).append('\n');
            }
            assertTrue(serve.isAlive(), "serve stopped early:\n" + seen);
            assertEquals(1, entries(tmp), "the compiled templates and outputs are in one folder while it runs");
            serve.destroy(); // SIGTERM, as Ctrl+C: the shutdown hooks run
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
            assertEquals(0, entries(tmp), "the preview's temporary folder is removed on exit");
        } finally {
            serve.destroyForcibly();
        }
    }

    private static long entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.count();
        }
    }
}
