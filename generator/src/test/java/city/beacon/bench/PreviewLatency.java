package city.beacon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The live preview's benchmark: {@code PreviewLatency [--wait] [--body-only] CONTENT EDITS COMMAND...} starts
 * {@code COMMAND --content CONTENT --port 0} (e.g. {@code bin/beacon serve}), waits for its first
 * build, then saves one page EDITS times with a new sentence in its body, and EDITS times with a new
 * title (not with {@code --body-only}), and times each from the file write to the moment a GET of the page on 127.0.0.1 returns
 * HTML showing the change. The page is fetched every 2 ms; with {@code --wait}, as an open page
 * does it: once each time the preview's /__beacon/wait says the site changed (fetching every 2 ms
 * takes CPU from the rebuild on a small machine). Prints median, min and max per kind, then stops
 * the preview.
 * A title edit is a fair measure of the lists too: a rebuild is published all at once, so the page
 * shows the new title only when the lists and whole-site files show it as well.
 */
public final class PreviewLatency {
    /** Edits before the measured ones, not counted: the JIT compiles the edit path during the first ones. */
    private static final int WARM_UP = 3;
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration EDIT_LIMIT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Left between two edits, so that each save finds the preview idle. */
    private static final long PAUSE_MILLIS = 150;
    private static final Pattern STARTED = Pattern.compile("^Preview at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern REBUILT = Pattern.compile("^Rebuilt (.*): (\\d+) of \\d+ pages? and \\d+ of \\d+ pages of lists rendered in (\\d+) ms");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI page;
    private final Path file;
    private final boolean wait;
    /** The preview's last "Rebuilt ..." line, for how much of an edit's time the rebuild itself took. */
    private final AtomicReference<String> lastRebuild;

    private PreviewLatency(URI page, Path file, boolean wait, AtomicReference<String> lastRebuild) {
        this.page = page;
        this.file = file;
        this.wait = wait;
        this.lastRebuild = lastRebuild;
    }

    /** The timings of one kind of edit, in milliseconds, and what the preview said it did for each. */
    private record Series(String kind, List<Double> millis, List<String> rebuilds) {
        String summary() {
            List<Double> sorted = millis.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return String.format(java.util.Locale.ROOT, "%-11s median %6.1f ms   min %6.1f ms   max %6.1f ms   (%d edits)",
                    kind, median, sorted.get(0), sorted.get(n - 1), n);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = List.of(args);
        boolean wait = !rest.isEmpty() && rest.get(0).equals("--wait");
        if (wait) rest = rest.subList(1, rest.size());
        boolean bodyOnly = !rest.isEmpty() && rest.get(0).equals("--body-only");
        if (bodyOnly) rest = rest.subList(1, rest.size());
        if (rest.size() < 3) {
            System.err.println("usage: PreviewLatency [--wait] [--body-only] CONTENT EDITS COMMAND...   (e.g. /tmp/c 20 bin/beacon serve)");
            System.exit(2);
        }
        Path content = Path.of(rest.get(0));
        int edits = Integer.parseInt(rest.get(1));
        Path file = editedPage(content);
        String relative = content.relativize(file).toString().replace('\\', '/');
        List<String> command = new ArrayList<>(rest.subList(2, rest.size()));
        command.addAll(List.of("--content", content.toString(), "--port", "0"));

        Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
        String original = Files.readString(file);
        try {
            CompletableFuture<URI> started = new CompletableFuture<>();
            AtomicReference<String> lastRebuild = new AtomicReference<>("");
            follow(serve, started, lastRebuild);
            URI base = started.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            String address = relative.substring(0, relative.length() - ".md".length()) + "/";
            PreviewLatency bench = new PreviewLatency(base.resolve(address), file, wait, lastRebuild);
            System.out.println("Editing " + relative + ", served at " + bench.page + "; " + WARM_UP
                    + " warm-up edits of each kind, then " + edits + (wait ? "; fetched on each new version" : "; fetched every 2 ms"));
            if (bench.get(bench.page).statusCode() != 200) throw new IllegalStateException("the preview does not serve " + bench.page);
            Series body = bench.series("body edit", edits,
                    token -> original.stripTrailing() + "\n\nThe benchmark added " + token + " here.\n");
            List<Series> series = new ArrayList<>(List.of(body));
            if (!bodyOnly) series.add(bench.series("title edit", edits,
                    token -> original.replaceFirst("\ntitle: (\"?)([^\"\n]*)", "\ntitle: $1$2 " + token)));
            for (Series one : series) {
                System.out.println(one.summary());
                System.out.println("            the preview's own rebuild times: " + one.rebuilds());
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(2, TimeUnit.MINUTES)) serve.destroyForcibly().waitFor();
            Files.writeString(file, original); // once stopped: the preview would rebuild for nothing
        }
    }

    /** The first page of the English services: a page with a translation, in lists and in the search index. */
    private static Path editedPage(Path content) throws IOException {
        try (Stream<Path> files = Files.list(content.resolve("en/services"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no page in " + content.resolve("en/services")));
        }
    }

    /**
     * Reads the preview's output as long as it runs (a full pipe would block it): completes
     * {@code started} when it says where it serves (its first build is over then), and remembers its
     * last rebuild.
     */
    private static void follow(Process serve, CompletableFuture<URI> started, AtomicReference<String> lastRebuild) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher rebuilt = REBUILT.matcher(line);
                    Matcher at = STARTED.matcher(line);
                    if (started.isDone() && rebuilt.find()) {
                        lastRebuild.set(rebuilt.group(3) + " ms/" + rebuilt.group(2) + "p");
                        continue;
                    }
                    System.out.println("serve: " + line);
                    if (at.find()) started.complete(URI.create(at.group(1)));
                }
            } catch (IOException e) {
                // the preview was stopped
            }
            started.completeExceptionally(new IllegalStateException("the preview stopped before serving"));
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code edited}: the file's text with a token in it that the served page must then show. */
    private Series series(String kind, int edits, UnaryOperator<String> edited) throws Exception {
        List<Double> millis = new ArrayList<>();
        List<String> rebuilds = new ArrayList<>();
        for (int i = 0; i < WARM_UP + edits; i++) {
            String token = "zq" + kind.charAt(0) + i + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
            String text = edited.apply(token);
            if (!text.contains(token)) throw new IllegalStateException("cannot make a " + kind + " of " + file);
            Thread.sleep(PAUSE_MILLIS);
            lastRebuild.set("");
            String version = wait ? get(page.resolve("/__beacon/version")).body() : null;
            long start = System.nanoTime();
            Files.writeString(file, text);
            double took = awaitShown(token, start, version);
            Thread.sleep(20); // the rebuild's line comes after the page is served
            if (i >= WARM_UP) {
                millis.add(took);
                rebuilds.add(lastRebuild.get());
            }
        }
        return new Series(kind, millis, rebuilds);
    }

    /**
     * Milliseconds from {@code start} to the first GET whose page contains {@code token}.
     * {@code version}: the site's before the edit, to wait for the next one (null: fetch every 2 ms).
     */
    private double awaitShown(String token, long start, String version) throws Exception {
        long deadline = start + EDIT_LIMIT.toNanos();
        for (long next = start; ; next += POLL_NANOS) {
            if (version != null) version = get(page.resolve("/__beacon/wait?since=" + version)).body();
            HttpResponse<String> response = get(page);
            long now = System.nanoTime();
            if (response.body().contains(token)) return (now - start) / 1e6;
            if (now > deadline) throw new IllegalStateException("the page did not show the edit within " + EDIT_LIMIT.toSeconds() + " s");
            long pause = next + POLL_NANOS - System.nanoTime();
            if (version == null && pause > 0) TimeUnit.NANOSECONDS.sleep(pause);
        }
    }

    private HttpResponse<String> get(URI address) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(address).timeout(EDIT_LIMIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
