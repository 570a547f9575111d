package city.beacon.serve;

import city.beacon.TestContent;
import city.beacon.render.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives {@code beacon serve} over HTTP on 127.0.0.1, editing a copy of the bundled content. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewServerTest {
    private Path content;
    private PreviewServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        content = TestContent.copy("content", temp);
        Path templates = TestContent.copy("templates", temp);
        PreviewSite site = new PreviewSite(content, Theme.directory(templates, temp.resolve("classes")),
                Map.of("SOURCE_DATE_EPOCH", "1795000000"));
        server = PreviewServer.start(site, content, templates, Clock.systemUTC(), 0,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void servesOnLoopbackOnly() {
        assertEquals("127.0.0.1", server.url().getHost());
    }

    @Test
    void editShowsUpThenBrokenFrontMatterShowsFileAndLineThenFixRecovers() throws Exception {
        Path file = content.resolve("en/services/heating-points.md");
        String original = Files.readString(file);
        String page = "en/services/heating-points/";
        assertTrue(get(page).body().contains(server.url().getPath() + "__beacon/reload.js"), "the preview adds its reload script");

        Files.writeString(file, original.replace("\n## ", "\nA sentence added in the preview test.\n\n## "));
        HttpResponse<String> edited = poll(page, r -> r.body().contains("A sentence added in the preview test."));
        assertEquals(200, edited.statusCode());
        awaitLog("Rebuilt en/services/heating-points.md: 1 of ");
        awaitLog(" (beacon check lists them)"); // the sample content's warnings (a page with no translation), counted as a build counts them

        // Line 3 is the summary; an unclosed quote there breaks the front matter.
        String broken = original.replaceFirst("\nsummary: ", "\nsummary: \"unclosed ");
        Files.writeString(file, broken);
        HttpResponse<String> error = poll(page, r -> r.statusCode() == 500);
        assertTrue(error.body().contains("content/en/services/heating-points.md, line "), error.body());
        assertTrue(error.body().contains("<html lang=\"en\">") && error.body().contains("<h1>The preview cannot show the site</h1>"),
                "an English page's errors are shown in English");
        assertTrue(error.body().contains("content/en/services/heating-points.md:"), "the one-line finding is shown too");
        awaitLog("; 1 error, shown in the browser:\n  " + file + ":");

        Files.writeString(file, original);
        HttpResponse<String> fixed = poll(page, r -> r.statusCode() == 200);
        assertFalse(fixed.body().contains("A sentence added in the preview test."));
        assertTrue(fixed.body().contains("<h1"), "the page itself is back");
    }

    @Test
    void theErrorPageOfAUkrainianPageIsInUkrainian() throws Exception {
        Path file = content.resolve("uk/poslugy/punkty-nezlamnosti.md");
        String original = Files.readString(file);
        Files.writeString(file, original.replaceFirst("\nsummary: ", "\nsummary: \"unclosed "));
        try {
            HttpResponse<String> error = poll("uk/poslugy/punkty-nezlamnosti/", r -> r.statusCode() == 500);
            String body = error.body();
            assertTrue(body.contains("<html lang=\"uk\">"), body);
            assertTrue(body.contains("<title>Попередній перегляд: виправте помилки</title>"), body);
            assertTrue(body.contains("<h1>Не вдається показати сайт у попередньому перегляді</h1>"), body);
            assertTrue(body.contains("<p>У матеріалах сайту знайдено 1 помилку. Виправте її і збережіть файл — "
                    + "ця сторінка оновиться сама.</p>"), body);
            assertTrue(body.contains("content/uk/poslugy/punkty-nezlamnosti.md, рядок "), body);
            assertTrue(body.contains("content/uk/poslugy/punkty-nezlamnosti.md:"), "the one-line finding is shown as the terminal prints it");
            assertFalse(body.contains("The preview cannot show the site"), body);
        } finally {
            Files.writeString(file, original);
            poll("uk/poslugy/punkty-nezlamnosti/", r -> r.statusCode() == 200);
        }
    }

    @Test
    void draftsAreShownInThePreview() throws Exception {
        Path file = content.resolve("en/info/preview-draft.md");
        TestContent.write(file, "---\ntitle: A draft only the preview shows\ndraft: true\n---\n\nNot published yet.\n");
        HttpResponse<String> draft = poll("en/info/preview-draft/", r -> r.statusCode() == 200);
        assertTrue(draft.body().contains("A draft only the preview shows"));
    }

    @Test
    void reviewPageListsPagesWithTheirReviewedDate() throws Exception {
        HttpResponse<String> review = get("__beacon/review");
        assertEquals(200, review.statusCode());
        assertTrue(review.body().contains("content/en/services/heating-points.md"), review.body());
        assertTrue(review.body().contains("Reviewed"));
    }

    @Test
    void waitReturnsTheCurrentVersionWhenItDiffers() throws Exception {
        String version = get("__beacon/version").body();
        assertEquals(version, get("__beacon/wait?since=not-" + version).body());
    }

    @Test
    void searchIndexFeedsServiceWorkerOfflinePageAndOpenDataAreServedAsInABuild() throws Exception {
        HttpResponse<String> search = get("en/search-index.js");
        assertEquals(200, search.statusCode());
        assertTrue(search.headers().firstValue("Content-Type").orElseThrow().contains("javascript"));
        assertTrue(search.body().contains("Heating points"), search.body());
        assertTrue(get("uk/feed.xml").body().contains("<feed"), "the Atom feed");
        assertTrue(get("sw.js").body().matches("(?s).*var VERSION = '[0-9a-f]{16}'.*"), "the service worker, its placeholders filled");
        assertEquals(200, get("uk/offline.html").statusCode());
        assertTrue(get("en/api/services.json").body().contains("heating-points"));
    }

    @Test
    void searchIndexFollowsATitleEdit() throws Exception {
        Path file = content.resolve("en/info/privacy.md");
        String original = Files.readString(file);
        Files.writeString(file, original.replaceFirst("\ntitle: [^\n]*", "\ntitle: Zanzibar privacy notice"));
        try {
            poll("en/search-index.js", r -> r.body().contains("Zanzibar privacy notice"));
        } finally {
            Files.writeString(file, original);
        }
    }

    /**
     * DNS rebinding: a page on another origin whose name is made to resolve to 127.0.0.1 must not read
     * the preview (drafts, the review page, the reload endpoint). Only the loopback names are answered.
     */
    @Test
    void answersOnlyRequestsForTheLoopbackNamesSoAnotherOriginCannotReadDraftsOrTheReview() throws Exception {
        int port = server.url().getPort();
        String[] addresses = {"/en/", "/__beacon/review", "/__beacon/wait?since=none"};
        for (String host : new String[]{"localhost", "localhost:" + port, "LocalHost:" + port, "127.0.0.1",
                "127.0.0.1:" + port, "[::1]", "[::1]:" + port}) {
            for (String address : addresses) assertEquals(200, status(address, host), host + " " + address);
        }
        for (String host : new String[]{"evil.example", "evil.example:" + port, "localhost.evil.example:" + port,
                "127.0.0.1.nip.io:" + port, "localhost:" + (port + 1), "127.0.0.1:" + port + "x", "[::1]x", "0.0.0.0:" + port, ""}) {
            for (String address : addresses) assertEquals(421, status(address, host), "Host: " + host + " " + address);
        }
        for (String address : addresses) assertEquals(421, status(address, null), "no Host header: " + address);
    }

    /** The status of a GET of {@code address} sent with exactly this Host header (none when null). */
    private int status(String address, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(server.url().getHost(), server.url().getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + address + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 "), "status line: " + statusLine);
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private HttpResponse<String> get(String address) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.url().resolve(URI.create(address))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the terminal shows {@code text}: it is printed once the rebuild is served, so a little after. */
    private void awaitLog(String text) throws InterruptedException {
        for (int i = 0; i < 100 && !log.toString(StandardCharsets.UTF_8).contains(text); i++) Thread.sleep(50);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(text), "the terminal shows \"" + text + "\"; log:\n" + log);
    }

    /** Fetches until {@code done} holds; bounded, so a preview that never rebuilds fails the test. */
    private HttpResponse<String> poll(String address, Predicate<HttpResponse<String>> done) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 300; i++) {
            last = get(address);
            if (done.test(last)) return last;
            Thread.sleep(50);
        }
        throw new AssertionError("the preview did not change within 15 s; last response " + last.statusCode()
                + "; log:\n" + log.toString(StandardCharsets.UTF_8));
    }
}
