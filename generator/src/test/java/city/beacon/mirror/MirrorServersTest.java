package city.beacon.mirror;

import city.beacon.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The example configurations of docs/mirror/ with real nginx and rsync, on 127.0.0.1 only. */
class MirrorServersTest {
    private static final Path DOCS = MirrorSites.repo().resolve("docs/mirror");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    @TempDir
    static Path tmp;
    static Path site;
    static Path keys;
    private static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void buildSignedSite() throws IOException {
        keys = tmp.resolve("keys");
        assertEquals(0, Main.run("keygen", "--out-dir", keys.toString()));
        site = tmp.resolve("public");
        MirrorSites.build(MirrorSites.copyOfContent(tmp), site, new MirrorOptions(keys.resolve(Signing.PRIVATE_KEY_FILE), false, false));
        readableByAll(tmp); // servers started as root read as 'nobody'
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void nginxWithTheExampleServerBlockServesPagesGzipCacheHeadersAndThe404Page() throws Exception {
        assumeTrue(MirrorSites.installed("nginx"), "nginx not installed: apt-get install nginx");
        int port = MirrorSites.freePort();
        Path prefix = Files.createDirectories(tmp.resolve("nginx"));
        String block = replaceLine(Files.readString(DOCS.resolve("nginx.conf")), "listen 80;", "listen 127.0.0.1:" + port + ";");
        block = replaceLine(block, "root /srv/beacon;", "root " + site + ";");
        Files.writeString(prefix.resolve("beacon.conf"), block);
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "user " + System.getProperty("user.name") + ";", "worker_processes 1;", "error_log " + prefix.resolve("error.log") + ";",
                "pid " + prefix.resolve("nginx.pid") + ";", "events { worker_connections 64; }", "http {",
                "  include /etc/nginx/mime.types;", "  default_type application/octet-stream;", "  access_log off;",
                "  client_body_temp_path " + prefix.resolve("body") + ";", "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";", "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("scgi") + ";", "  include " + prefix.resolve("beacon.conf") + ";", "}", ""));
        start(port, "nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/";

        HttpResponse<byte[]> plain = get(http, base + "en/", false);
        assertEquals(200, plain.statusCode());
        assertEquals("text/html; charset=utf-8", plain.headers().firstValue("Content-Type").orElse(""));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("public, max-age=300", plain.headers().firstValue("Cache-Control").orElse(""));
        assertArrayEquals(Files.readAllBytes(site.resolve("en/index.html")), plain.body());

        HttpResponse<byte[]> gzipped = get(http, base + "en/", true);
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(""));
        assertArrayEquals(Files.readAllBytes(site.resolve("en/index.html.gz")), gzipped.body(), "the precompressed file, as it is");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }

        HttpResponse<byte[]> css = get(http, base + "assets/beacon.css", true);
        assertEquals(200, css.statusCode());
        assertEquals("public, max-age=86400", css.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> manifest = get(http, base + Manifest.FILE, false);
        assertEquals(200, manifest.statusCode());
        assertEquals("no-cache", manifest.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> missing = get(http, base + "en/no-such-page/", false);
        assertEquals(404, missing.statusCode());
        assertArrayEquals(Files.readAllBytes(site.resolve("404.html")), missing.body());
    }

    @Test
    void rsyncDaemonWithTheExampleModuleFeedsTheSyncAndVerifyScriptWhichRefusesATamperedCopy() throws Exception {
        assumeTrue(MirrorSites.installed("rsync"), "rsync not installed: apt-get install rsync");
        assumeTrue(MirrorSites.installed("openssl") && MirrorSites.installed("sha256sum"), "openssl or sha256sum not installed");
        int port = MirrorSites.freePort();
        Path daemon = Files.createDirectories(tmp.resolve("rsyncd"));
        String conf = replaceLine(Files.readString(DOCS.resolve("rsyncd.conf")), "path = /srv/beacon", "path = " + site);
        if (!ROOT) conf = replaceLine(conf, "use chroot = yes", "use chroot = no"); // only root can chroot
        Files.writeString(daemon.resolve("rsyncd.conf"), conf);
        start(port, "rsync", "--daemon", "--no-detach", "--address=127.0.0.1", "--port=" + port,
                "--config=" + daemon.resolve("rsyncd.conf"), "--log-file=" + daemon.resolve("rsyncd.log"));
        String module = "rsync://127.0.0.1:" + port + "/beacon/";
        Path served = tmp.resolve("mirror/beacon");
        String key = keys.resolve(Signing.PUBLIC_KEY_FILE).toString();

        IntegrityTest.Run sync = IntegrityTest.run(tmp, "sh", DOCS.resolve("sync-and-verify.sh").toString(), module, served.toString(), key);
        assertEquals(0, sync.exit(), sync.output());
        assertEquals(MirrorSites.snapshot(site), MirrorSites.snapshot(served), "the mirror is an exact copy, times included");

        // The source is tampered with: the script refuses and the served copy stays as it was.
        Path page = site.resolve("en/support/index.html");
        byte[] original = Files.readAllBytes(page);
        Files.writeString(page, "<p>Call 0-800-FAKE</p>");
        try {
            IntegrityTest.Run tampered = IntegrityTest.run(tmp, "sh", DOCS.resolve("sync-and-verify.sh").toString(), module, served.toString(), key);
            assertNotEquals(0, tampered.exit(), tampered.output());
            assertTrue(tampered.output().contains("en/support/index.html: FAILED"), tampered.output());
            assertArrayEquals(original, Files.readAllBytes(served.resolve("en/support/index.html")));
        } finally {
            Files.write(page, original);
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) request.header("Accept-Encoding", "gzip");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The example files are used as they are, but for these lines; a line that is gone fails the test. */
    static String replaceLine(String text, String line, String replacement) {
        assertTrue(text.contains(line), "the example configuration has no line '" + line + "'");
        return text.replace(line, replacement);
    }

    static void start(int port, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(command[0] + ".out").toFile()).start();
        started.add(process);
        waitForPort(process, port, tmp.resolve(command[0] + ".out"));
    }

    static void waitForPort(Process process, int port, Path log) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                assertTrue(process.isAlive(), () -> "the server stopped: " + read(log));
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on port " + port + ": " + read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
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
