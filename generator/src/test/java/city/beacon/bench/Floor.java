package city.beacon.bench;

import city.beacon.publish.Gzip;
import city.beacon.publish.FileStamps;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The least a cold build of a content folder must do, as a yardstick for the real one:
 * {@code Floor CONTENT OUT} reads every page file, renders its Markdown with the same
 * commonmark extensions, wraps it in a fixed page of the size of Beacon's shared parts,
 * writes it and its .gz, and hashes both with SHA-256 (the manifest), on every core. No
 * YAML, templates, model, lists, checks, caches or journal. It prints wall and CPU time.
 */
public final class Floor {
    /** About what Beacon's layout adds to an article: 3.9 KiB of stylesheet, 2.5 KiB of strips, head and footer. */
    private static final String CHROME = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page</title><style>"
            + "body{margin:0 auto;max-width:40em;padding:0 1em}".repeat(80) + "</style></head><body><header>"
            + "<li><a href=\"../../\">Home</a></li>\n".repeat(60) + "</header><main>";

    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Floor CONTENT OUT");
            System.exit(2);
        }
        long start = System.nanoTime();
        Path content = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(content)) {
            pages = walk.filter(p -> p.toString().endsWith(".md")).toList();
        }
        var extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).sanitizeUrls(true).build();
        AtomicLong bytes = new AtomicLong();
        pages.parallelStream().forEach(page -> {
            try {
                String text = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
                int end = text.indexOf("\n---\n", 4);
                String body = end < 0 ? text : text.substring(end + 5);
                byte[] html = (CHROME + renderer.render(parser.parse(body)) + "</main></body></html>\n").getBytes(StandardCharsets.UTF_8);
                byte[] gz = Gzip.compress(html);
                FileStamps.sha256(html);
                FileStamps.sha256(gz);
                Path file = out.resolve(content.relativize(page).toString().replaceAll("\\.md$", "")).resolve("index.html");
                Files.createDirectories(file.getParent());
                Files.write(file, html);
                Files.write(file.resolveSibling("index.html.gz"), gz);
                bytes.addAndGet(html.length + gz.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf(java.util.Locale.ROOT, "%d pages, %d MB written in %.2f s wall, %.2f s CPU (since the JVM started)%n",
                pages.size(), bytes.get() / 1_000_000, (System.nanoTime() - start) / 1e9, cpu / 1e9);
    }
}
