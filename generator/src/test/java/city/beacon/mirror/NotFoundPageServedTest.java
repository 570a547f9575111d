package city.beacon.mirror;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 404 page served by nginx with the shipped docs/mirror/nginx.conf (error_page 404 /404.html)
 * at missing addresses 0 to 4 folders deep, built without --base-url: every link on it (and its
 * search form) leads to a page that is there, and it offers the home pages as "home page".
 */
class NotFoundPageServedTest {
    private static final List<String> MISSING = List.of("nemaie-takoi", "uk/nemaie-takoi/", "uk/poslugy/nemaie-takoi/",
            "en/services/no-such-page/deeper/", "uk/poslugy/a/b/c.html");
    @TempDir
    static Path tmp;
    private static Process nginx;
    private static String base;

    @BeforeAll
    static void serveTheSiteWithNginx() throws Exception {
        assumeTrue(MirrorSites.installed("nginx"), "nginx not installed: apt-get install nginx");
        Path site = tmp.resolve("public");
        assertTrue(MirrorSites.build(MirrorSites.copyOfContent(tmp), site, new MirrorOptions(null, false, false)).published());
        int port = MirrorSites.freePort();
        Path prefix = Files.createDirectories(tmp.resolve("nginx"));
        String block = Files.readString(MirrorSites.repo().resolve("docs/mirror/nginx.conf"))
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";").replace("root /srv/beacon;", "root " + site + ";");
        Files.writeString(prefix.resolve("beacon.conf"), block);
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "user " + System.getProperty("user.name") + ";", "worker_processes 1;", "error_log " + prefix.resolve("error.log") + ";",
                "pid " + prefix.resolve("nginx.pid") + ";", "events { worker_connections 64; }", "http {",
                "  include /etc/nginx/mime.types;", "  default_type application/octet-stream;", "  access_log off;",
                "  client_body_temp_path " + prefix.resolve("body") + ";", "  proxy_temp_path " + prefix.resolve("proxy") + ";",
                "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";", "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "  scgi_temp_path " + prefix.resolve("scgi") + ";", "  include " + prefix.resolve("beacon.conf") + ";", "}", ""));
        readableByAll(tmp);
        nginx = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                base = "http://127.0.0.1:" + port + "/";
                return;
            } catch (IOException notYet) {
                assertTrue(nginx.isAlive(), () -> "nginx stopped: " + read(prefix.resolve("nginx.out")));
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx does not listen on " + port);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    @Test
    void everyLinkOfThe404PageWorksAtAnyDepth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> broken = new ArrayList<>();
        for (String missing : MISSING) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + missing)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode(), missing);
            Document doc = Jsoup.parse(page.body(), base + missing);
            List<Element> links = new ArrayList<>(doc.select("a[href]"));
            links.addAll(doc.select("form[action]"));
            assertTrue(links.size() > 5, missing);
            for (Element link : links) {
                String href = link.hasAttr("action") ? link.attr("action") : link.attr("href");
                if (href.startsWith("tel:") || href.startsWith("#") || href.startsWith("https://www.google.com/")) continue;
                String target = link.absUrl(link.hasAttr("action") ? "action" : "href");
                int status = http.send(HttpRequest.newBuilder(URI.create(target)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) broken.add(missing + ": \"" + href + "\" -> " + target + " " + status);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void itsLinksSayHomePage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "uk/poslugy/nemaie-takoi/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Document doc = Jsoup.parse(page.body());
        assertEquals(List.of("Головна сторінка", "Home page"), doc.select("main a[hreflang]").eachText());
        assertEquals(List.of("/uk/", "/en/"), doc.select("main a[hreflang]").eachAttr("href"));
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
