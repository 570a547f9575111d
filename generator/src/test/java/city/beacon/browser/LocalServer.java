package city.beacon.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Serves a built site on 127.0.0.1 at a free port, under a sub-path, and logs every request it gets. */
final class LocalServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
            "js", "text/javascript", "json", "application/json", "xml", "application/xml", "txt", "text/plain");
    static final String PREFIX = "/mirror/beacon/";

    private final HttpServer server;
    private final Path root;
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Set: every request waits on it (a very slow, not dead, connection) until {@link #close()}. */
    private volatile CountDownLatch stalled;

    LocalServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::serve);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The site's address, e.g. http://127.0.0.1:40123/mirror/beacon/ (a sub-path, as on a mirror). */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /** From now on every request hangs, for up to a minute or until the server is closed. */
    void stall() {
        stalled = new CountDownLatch(1);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        CountDownLatch stall = stalled;
        if (stall != null) {
            try {
                stall.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String address = java.net.URLDecoder.decode(path.substring(PREFIX.length()), java.nio.charset.StandardCharsets.UTF_8);
        Path file = root.resolve(address.isEmpty() || address.endsWith("/") ? address + "index.html" : address).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            byte[] body = Files.readAllBytes(root.resolve("404.html"));
            exchange.getResponseHeaders().set("Content-Type", TYPES.get("html"));
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type",
                TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (stalled != null) stalled.countDown();
        server.stop(0);
    }
}
