package city.beacon.mirror;

import city.beacon.cli.Main;
import city.beacon.Operators;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A mirror set up as docs/mirror/ says, run the way operators run it, on 127.0.0.1 only: the site
 * is built (never chmod-ed afterwards), an rsync daemon with the shipped rsyncd.conf is started as
 * root and drops to 'nobody', docs/mirror/sync-and-verify.sh copies from it as root (as cron does),
 * and nginx with the shipped server block serves the copy, its master as root and its workers as
 * 'www-data'. Only the temp folder and its parents are made traversable, as /srv is.
 */
class MirrorServersTest {
    private static final Path DOCS = MirrorSites.repo().resolve("docs/mirror");
    private static final String PASSWD = "root:x:0:0";
    @TempDir
    static Path tmp;
    static Path upstream;
    static Path publicKey;
    static Path served;
    static int nginxPort;
    private static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void buildSignedSiteAndServeItsMirror() throws Exception {
        assumeTrue(Operators.ROOT, "the servers start as root and drop to 'nobody' and 'www-data', as on a mirror host");
        for (String tool : List.of("nginx", "rsync", "openssl", "sha256sum")) {
            assumeTrue(MirrorSites.installed(tool), tool + " not installed: apt-get install nginx rsync openssl");
        }
        Operators.traversable(tmp);
        Path keys = tmp.resolve("keys");
        assertEquals(0, Main.run("keygen", "--out-dir", keys.toString()));
        publicKey = keys.resolve(Signing.PUBLIC_KEY_FILE);
        upstream = tmp.resolve("upstream/public");
        MirrorSites.build(MirrorSites.copyOfContent(tmp.resolve("upstream")), upstream,
                new MirrorOptions(keys.resolve(Signing.PRIVATE_KEY_FILE), false, false));
        served = tmp.resolve("srv/beacon");
        nginxPort = startNginx(served);
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void aMirrorSetUpFromTheDocsCopiesFromRsyncdAsNobodyAndServesPagesGzipAndThe404PageWithNginxAsWwwData() throws Exception {
        Operators.Run sync = sync(startRsyncd(upstream));
        assertEquals(0, sync.exit(), sync.output());
        assertEquals(MirrorSites.snapshot(upstream), MirrorSites.snapshot(served), "the mirror is an exact copy, times included");
        assertOnly0755FoldersAnd0644Files(served);

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + nginxPort + "/";
        HttpResponse<byte[]> home = get(http, base, false);
        assertEquals(200, home.statusCode());
        assertArrayEquals(Files.readAllBytes(served.resolve("index.html")), home.body());

        HttpResponse<byte[]> uk = get(http, base + "uk/", false);
        assertEquals(200, uk.statusCode());
        assertEquals("text/html; charset=utf-8", uk.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(Files.readAllBytes(served.resolve("uk/index.html")), uk.body());

        HttpResponse<byte[]> page = get(http, base + "en/services/heating-points/", false);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("public, max-age=300", page.headers().firstValue("Cache-Control").orElse(""));
        assertArrayEquals(Files.readAllBytes(served.resolve("en/services/heating-points/index.html")), page.body());

        HttpResponse<byte[]> gzipped = get(http, base + "en/services/heating-points/", true);
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(""));
        assertArrayEquals(Files.readAllBytes(served.resolve("en/services/heating-points/index.html.gz")), gzipped.body(),
                "the precompressed file, as it is");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(page.body(), in.readAllBytes());
        }

        HttpResponse<byte[]> css = get(http, base + "assets/beacon.css", true);
        assertEquals(200, css.statusCode());
        assertEquals("public, max-age=86400", css.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<byte[]> manifest = get(http, base + Manifest.FILE, false);
        assertEquals(200, manifest.statusCode());
        assertEquals("no-cache", manifest.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> missing = get(http, base + "en/no-such-page/", false);
        assertEquals(404, missing.statusCode());
        assertArrayEquals(Files.readAllBytes(served.resolve("404.html")), missing.body());
    }

    /** What a hostile upstream adds to a correctly signed copy, and what the script and verify must name. */
    private static Map<String, HostileChange> hostileChanges() {
        Map<String, HostileChange> changes = new LinkedHashMap<>();
        changes.put("rootfs", copy -> Files.createSymbolicLink(copy.resolve("rootfs"), Path.of("/")));
        changes.put("leak.txt", copy -> Files.createSymbolicLink(copy.resolve("leak.txt"), Path.of("/etc/passwd")));
        changes.put("en/index.html", copy -> {
            Files.delete(copy.resolve("en/index.html"));
            Files.createSymbolicLink(copy.resolve("en/index.html"), Path.of("/etc/passwd"));
        });
        changes.put("en/donate.html", copy -> Files.writeString(copy.resolve("en/donate.html"), "<p>Send money to ...</p>"));
        changes.put(Manifest.FILE, copy -> { // a page changed and the manifest re-hashed, but not re-signed
            byte[] fake = "<p>Call 0-800-FAKE</p>".getBytes(StandardCharsets.UTF_8);
            Files.write(copy.resolve("en/support/index.html"), fake);
            Path manifest = copy.resolve(Manifest.FILE);
            Files.writeString(manifest, Files.readString(manifest).lines()
                    .map(l -> l.endsWith("  en/support/index.html") ? Manifest.sha256(fake) + "  en/support/index.html" : l)
                    .collect(Collectors.joining("\n", "", "\n")));
        });
        return changes;
    }

    interface HostileChange {
        void make(Path copy) throws Exception;
    }

    @Test
    void aHostileUpstreamPublishesNothingNewAndNeitherVerifyNorNginxFollowsALink() throws Exception {
        Operators.Run first = sync(startRsyncd(upstream));
        assertEquals(0, first.exit(), first.output());
        Map<String, String> before = MirrorSites.snapshot(served);

        for (Map.Entry<String, HostileChange> change : hostileChanges().entrySet()) {
            Path hostile = tmp.resolve("hostile-" + started.size() + "/public");
            Files.createDirectories(hostile.getParent());
            Operators.Run copied = Operators.run(tmp, List.of("cp", "-a", upstream.toString(), hostile.getParent().toString()));
            assertEquals(0, copied.exit(), copied.output());
            change.getValue().make(hostile);

            Operators.Run sync = sync(startRsyncd(hostile));
            assertNotEquals(0, sync.exit(), change.getKey() + ": the script published a hostile copy: " + sync.output());
            assertEquals(before, MirrorSites.snapshot(served), change.getKey() + ": the served copy changed");
            try (var walk = Files.walk(served)) {
                assertTrue(walk.allMatch(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)), change.getKey() + ": a link was created");
            }

            Operators.Run verify = beacon(tmp, "verify", hostile.toString(), "--public-key", publicKey.toString());
            assertEquals(1, verify.exit(), change.getKey() + ": " + verify.output());
            assertTrue(verify.output().contains(change.getKey()), change.getKey() + " is not named: " + verify.output());
            assertFalse(verify.output().contains(PASSWD), verify.output());
        }

        // Links that got into the served folder some other way are not followed by nginx either.
        Files.createSymbolicLink(served.resolve("rootfs"), Path.of("/"));
        Files.createSymbolicLink(served.resolve("leak.txt"), Path.of("/etc/passwd"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String address : List.of("rootfs/etc/passwd", "leak.txt")) {
                HttpResponse<byte[]> response = get(http, "http://127.0.0.1:" + nginxPort + "/" + address, false);
                assertTrue(response.statusCode() == 403 || response.statusCode() == 404, address + ": " + response.statusCode());
                assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains(PASSWD), address);
            }
        } finally {
            Files.delete(served.resolve("rootfs"));
            Files.delete(served.resolve("leak.txt"));
        }
    }

    @Test
    void aBuildAndASyncUnderUmask077PublishFolders0755AndFiles0644() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("umask"));
        Path content = MirrorSites.copyOfContent(work);
        Path out = work.resolve("public");
        Operators.Run build = Operators.withUmask("077", work, command("build", "--content", content.toString(), "--out", out.toString()));
        assertEquals(0, build.exit(), build.output());
        assertOnly0755FoldersAnd0644Files(out);

        // A later build publishes in place: its new folders and files too.
        Files.writeString(content.resolve("en/info/new-page.md"), "---\ntitle: A new page\n---\nText.\n");
        Operators.Run again = Operators.withUmask("077", work, command("build", "--content", content.toString(), "--out", out.toString()));
        assertEquals(0, again.exit(), again.output());
        assertTrue(Files.isDirectory(out.resolve("en/info/new-page")));
        assertOnly0755FoldersAnd0644Files(out);

        Path mirror = work.resolve("srv/beacon");
        Operators.Run sync = Operators.withUmask("077", work, List.of("sh", DOCS.resolve("sync-and-verify.sh").toString(), out + "/", mirror.toString()));
        assertEquals(0, sync.exit(), sync.output());
        assertOnly0755FoldersAnd0644Files(mirror);
    }

    private static void assertOnly0755FoldersAnd0644Files(Path root) throws IOException {
        Map<String, String> wrong = new java.util.TreeMap<>();
        Operators.modes(root).forEach((path, mode) -> {
            if (!mode.equals(path.endsWith("/") ? "rwxr-xr-x" : "rw-r--r--")) wrong.put(path, mode);
        });
        assertEquals(Map.of(), wrong, "in " + root);
    }

    private static Operators.Run sync(String source) {
        return Operators.run(tmp, List.of("sh", DOCS.resolve("sync-and-verify.sh").toString(), source, served.toString(), publicKey.toString()));
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(Operators.beacon());
        command.addAll(List.of(args));
        return command;
    }

    private static Operators.Run beacon(Path dir, String... args) {
        return Operators.run(dir, command(args));
    }

    /** nginx with the shipped server block (only `listen` and `root` replaced), its workers as www-data; returns its port. */
    private static int startNginx(Path root) throws Exception {
        int port = MirrorSites.freePort();
        Path prefix = Files.createDirectories(tmp.resolve("nginx-" + port));
        String block = replaceLine(Files.readString(DOCS.resolve("nginx.conf")), "listen 80;", "listen 127.0.0.1:" + port + ";");
        block = replaceLine(block, "root /srv/beacon;", "root " + root + ";");
        Files.writeString(prefix.resolve("beacon.conf"), block);
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "user www-data;", "worker_processes 1;", "error_log " + prefix.resolve("error.log") + ";",
                "pid " + prefix.resolve("nginx.pid") + ";", "events { worker_connections 64; }", "http {",
                "  include /etc/nginx/mime.types;", "  default_type application/octet-stream;", "  access_log off;",
                "  client_body_temp_path " + prefix.resolve("body") + ";", "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";", "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("scgi") + ";", "  include " + prefix.resolve("beacon.conf") + ";", "}", ""));
        start(port, prefix.resolve("nginx.out"), "nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;");
        return port;
    }

    /** An rsync daemon with the shipped module (only `path` replaced), started as root: it drops to nobody and chroots. */
    private static String startRsyncd(Path path) throws Exception {
        int port = MirrorSites.freePort();
        Path daemon = Files.createDirectories(tmp.resolve("rsyncd-" + port));
        Files.writeString(daemon.resolve("rsyncd.conf"), replaceLine(Files.readString(DOCS.resolve("rsyncd.conf")), "path = /srv/beacon", "path = " + path));
        start(port, daemon.resolve("rsyncd.out"), "rsync", "--daemon", "--no-detach", "--address=127.0.0.1", "--port=" + port,
                "--config=" + daemon.resolve("rsyncd.conf"), "--log-file=" + daemon.resolve("rsyncd.log"));
        return "rsync://127.0.0.1:" + port + "/beacon/";
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

    private static void start(int port, Path log, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        waitForPort(process, port, log);
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
}
