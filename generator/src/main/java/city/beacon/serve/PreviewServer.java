package city.beacon.serve;

import city.beacon.findings.Report;
import city.beacon.review.Review;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code beacon serve}: the site in memory on 127.0.0.1, rebuilt as files under content/ and
 * templates/ change, with open pages reloading themselves (they long-poll /__beacon/wait).
 * While the content has errors every page shows them instead, and the next good save recovers.
 */
public final class PreviewServer implements Closeable {
    private static final String PREFIX = "/__beacon/";
    /** How long a page's wait for a rebuild is held open before it asks again. */
    private static final long WAIT_MILLIS = 25_000;

    private final PreviewSite site;
    private final Path contentDir;
    private final Path templatesDir;
    private final Clock clock;
    private final PrintStream log;
    /** Whether each rebuild's line is followed by the milliseconds of its steps. */
    private final boolean timings;
    private final HttpServer http;
    private final ExecutorService requests;
    private final Watcher watcher;
    private final Thread rebuilds;
    private final Object rebuilt = new Object();

    static {
        // The JDK's server writes a response's headers and its body apart; with Nagle's algorithm the
        // body then waits for the browser's delayed ACK of the headers: 40 ms on every request on Linux.
        // Read once, when the first server is made: set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private PreviewServer(PreviewSite site, Path contentDir, Path templatesDir, Clock clock, int port, PrintStream log,
                          boolean timings) throws IOException {
        this.site = site;
        this.timings = timings;
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.templatesDir = templatesDir.toAbsolutePath().normalize();
        this.clock = clock;
        this.log = log;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        try {
            this.watcher = new Watcher(List.of(this.contentDir, this.templatesDir));
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        this.requests = Executors.newCachedThreadPool(daemon("beacon-preview-request"));
        http.setExecutor(requests);
        http.createContext("/", this::handle);
        this.rebuilds = daemon("beacon-preview-watch").newThread(this::watch);
    }

    /**
     * Takes 127.0.0.1:{@code port} (0: any free port), builds the site, then serves it and starts
     * watching. The port is taken first, so that a busy one is reported at once, not after the build.
     */
    public static PreviewServer start(PreviewSite site, Path contentDir, Path templatesDir, Clock clock, int port,
                                      PrintStream log) throws IOException {
        return start(site, contentDir, templatesDir, clock, port, log, false);
    }

    /** As {@link #start(PreviewSite, Path, Path, Clock, int, PrintStream)}; {@code timings}: each rebuild's steps are printed too. */
    public static PreviewServer start(PreviewSite site, Path contentDir, Path templatesDir, Clock clock, int port,
                                      PrintStream log, boolean timings) throws IOException {
        PreviewServer server = new PreviewServer(site, contentDir, templatesDir, clock, port, log, timings);
        try {
            server.report("everything", site.rebuild());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.http.start();
        server.rebuilds.start();
        return server;
    }

    public URI url() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        rebuilds.interrupt();
        watcher.close();
        requests.shutdownNow();
        try {
            rebuilds.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            Set<Path> changed;
            try {
                changed = watcher.next();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            try {
                apply(changed);
            } catch (IOException e) {
                log.println("beacon: cannot read the content: " + e.getMessage());
            }
            synchronized (rebuilt) {
                rebuilt.notifyAll();
            }
        }
    }

    /**
     * Builds again when a file of the content or the theme changed: the build finds what changed,
     * and renders only what depends on it, as a warm build does.
     */
    private void apply(Set<Path> changed) throws IOException {
        Set<String> saved = new TreeSet<>();
        for (Path path : changed) {
            if (isScratch(path)) continue;
            if (path.startsWith(contentDir)) saved.add(contentDir.relativize(path).toString().replace('\\', '/'));
            else if (path.startsWith(templatesDir)) saved.add("templates/" + templatesDir.relativize(path).toString().replace('\\', '/'));
        }
        if (saved.isEmpty()) return;
        String what = saved.iterator().next() + (saved.size() > 1 ? " and " + Report.count(saved.size() - 1, "other file") : "");
        report(what, site.rebuild());
    }

    /** Editors' swap, backup and lock files: never content. */
    private static boolean isScratch(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swx") || name.endsWith(".tmp");
    }

    /** One line on the terminal per rebuild: what was saved, the pages rendered of all, the time, the findings. */
    private void report(String what, PreviewSite.Rebuild rebuild) {
        PreviewSite.Snapshot now = site.snapshot();
        // A build prints its warnings; the preview counts them (every save would print them all again).
        long warnings = now.findings().stream().filter(p -> !p.isError()).count();
        log.println("Rebuilt " + what + ": " + rebuild.pagesRendered() + " of " + Report.count(rebuild.pages(), "page") + " and "
                + rebuild.listPagesRendered() + " of " + rebuild.listPages() + " pages of lists rendered in " + rebuild.millis() + " ms"
                + (warnings == 0 ? "" : "; " + Report.count((int) warnings, "warning") + " (beacon check lists them)")
                + (now.errors().isEmpty() ? "" : "; " + Report.count(now.errors().size(), "error") + ", shown in the browser:"));
        if (timings) log.println(rebuild.timings());
        now.errors().forEach(problem -> log.println("  " + city.beacon.findings.Report.escape(problem.format())));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // DNS rebinding: a page of another origin whose name resolves to 127.0.0.1 must not read drafts or the review page.
                send(exchange, 421, "text/plain", ("this preview answers only http://localhost:" + port()
                        + "/ and http://127.0.0.1:" + port() + "/").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET and HEAD".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(PREFIX)) {
                handlePreview(exchange, path.substring(PREFIX.length()));
            } else {
                handleSite(exchange, path.substring(1));
            }
        }
    }

    /**
     * Whether a request's Host header names this server by a loopback name ({@code localhost},
     * {@code 127.0.0.1}, {@code [::1]}), with or without its port; compared exactly, case aside.
     */
    private boolean isLoopbackHost(String host) {
        if (host == null) return false;
        String name = host.toLowerCase(java.util.Locale.ROOT);
        for (String loopback : LOOPBACK_NAMES) {
            if (name.equals(loopback) || name.equals(loopback + ":" + port())) return true;
        }
        return false;
    }

    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private int port() {
        return http.getAddress().getPort();
    }

    private void handlePreview(HttpExchange exchange, String what) throws IOException {
        switch (what) {
            case "version" -> sendText(exchange, Long.toString(site.snapshot().version()));
            case "wait" -> sendText(exchange, Long.toString(waitForChange(exchange.getRequestURI().getQuery())));
            case "reload.js" -> {
                try (InputStream script = PreviewServer.class.getResourceAsStream("reload.js")) {
                    send(exchange, 200, "text/javascript; charset=utf-8", script.readAllBytes());
                }
            }
            case "review" -> {
                PreviewSite.Snapshot snapshot = site.snapshot();
                String html = site.content().map(c -> Review.of(c, clock.instant()))
                        .map(report -> PreviewPages.page("Review of the content", report.html(), snapshot.version()))
                        .orElseGet(() -> PreviewPages.errors(snapshot.errors(),
                                PreviewPages.language(snapshot.errors(), contentDir, ""), snapshot.version()));
                send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
            default -> send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void handleSite(HttpExchange exchange, String address) throws IOException {
        PreviewSite.Snapshot snapshot = site.snapshot();
        if (address.endsWith("index.html")) address = address.substring(0, address.length() - "index.html".length());
        byte[] file = snapshot.files().get(address.isEmpty() || address.endsWith("/") ? address + "index.html" : address);
        if (file == null && snapshot.files().containsKey(address + "/index.html")) {
            exchange.getResponseHeaders().set("Location", "/" + address + "/");
            send(exchange, 301, "text/plain", new byte[0]);
            return;
        }
        boolean page = address.isEmpty() || address.endsWith("/") || address.endsWith(".html");
        if (page && !snapshot.errors().isEmpty()) {
            send(exchange, 500, "text/html; charset=utf-8",
                    PreviewPages.errors(snapshot.errors(), PreviewPages.language(snapshot.errors(), contentDir, address),
                            snapshot.version()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        int status = 200;
        if (file == null) {
            status = 404;
            file = snapshot.files().getOrDefault("404.html", "not found".getBytes(StandardCharsets.UTF_8));
            page = true;
        }
        if (page) {
            String html = PreviewPages.withReload(new String(file, StandardCharsets.UTF_8), snapshot.version());
            send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, status, contentType(address), file);
        }
    }

    /** Holds the request until the site's version is no longer {@code since} (or a while has passed). */
    private long waitForChange(String query) {
        String since = query != null && query.startsWith("since=") ? query.substring("since=".length()) : "";
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (rebuilt) {
            while (Long.toString(site.snapshot().version()).equals(since)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                try {
                    rebuilt.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return site.snapshot().version();
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("geojson", "application/geo+json"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("woff2", "font/woff2"));

    private static String contentType(String address) {
        String extension = address.substring(address.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        send(exchange, 200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
