package city.beacon.check;

import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.publish.Gzip;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weight budget: every HTML page plus the CSS it needs, gzip-compressed (as the .gz files
 * beside them, served with nginx's gzip_static), must fit in {@code budget.page_kib}, and the median page in
 * {@code budget.median_kib}. Measured on the written files, so every page counts, whoever made it.
 */
public final class PageWeights {
    /** A page's weight in bytes: its HTML and the stylesheets it links, each compressed. */
    public record Weight(String page, int bytes) {
    }

    /** The figures the build reports, and every page's weight by the SHA-256 of its HTML (for the next build). */
    public record Summary(int pages, Weight heaviest, int medianBytes, Map<String, Integer> bySha256) {
        public String line(SiteConfig.Budget budget) {
            if (pages == 0) return "Page weight: no pages";
            return String.format(java.util.Locale.ROOT,
                    "Page weight (gzip, HTML + CSS): heaviest %s (%s), median %s over %d pages; budget %d KiB per page, %d KiB median",
                    kib(heaviest.bytes()), heaviest.page(), kib(medianBytes), pages, budget.pageKib(), budget.medianKib());
        }
    }

    private static final byte[] HEAD_END = "</head>".getBytes(StandardCharsets.US_ASCII);

    private PageWeights() {
    }

    /**
     * Measures every page under {@code out} and reports each one over budget. {@code sources} names
     * the file an editor wrote for a page file (uk/poslugy/x/index.html -> content/uk/poslugy/x.md).
     * Pages are measured in parallel; a page's compressed size is its .gz when one was written.
     */
    public static Summary check(OutputFiles out, SiteConfig.Budget budget, Map<String, String> sources, Problems problems) {
        return check(out, budget, sources, Map.of(), problems);
    }

    /**
     * As above; {@code known} are weights measured before, by the SHA-256 of the page's HTML: a
     * page with the same bytes (and so the same stylesheets, which a build cache changes with) is
     * not read again unless it is over budget.
     */
    public static Summary check(OutputFiles out, SiteConfig.Budget budget, Map<String, String> sources,
                                Map<String, Integer> known, Problems problems) {
        Map<String, Integer> stylesheets = new ConcurrentHashMap<>();
        Map<String, Integer> bySha256 = new ConcurrentHashMap<>();
        List<Weight> weights = out.files().parallelStream().filter(f -> f.endsWith(".html")).map(address -> {
            String sha256 = out.sha256(address);
            Integer before = known.get(sha256);
            Weight weight = before != null && before <= budget.pageKib() * 1024 ? new Weight(address, before)
                    : measure(out, address, stylesheets, budget, sources, problems);
            bySha256.put(sha256, weight.bytes());
            return weight;
        }).toList();
        if (weights.isEmpty()) return new Summary(0, null, 0, Map.of());
        List<Weight> sorted = weights.stream().sorted(Comparator.comparingInt(Weight::bytes)).toList();
        int median = sorted.get((sorted.size() - 1) / 2).bytes();
        Weight heaviest = sorted.get(sorted.size() - 1);
        if (median > budget.medianKib() * 1024) {
            List<String> top = weights.stream().sorted(Comparator.comparingInt(Weight::bytes).reversed()).limit(3)
                    .map(w -> w.page() + " " + kib(w.bytes())).toList();
            problems.error("content/site.yaml", 0, 0, "budget.median_kib", "the median page weighs " + kib(median)
                            + " compressed, over the budget of " + budget.medianKib() + " KiB; heaviest pages: " + String.join(", ", top),
                    "shorten the pages shared parts (menu, help strip, stylesheet) or the longest pages");
        }
        return new Summary(weights.size(), heaviest, median, Map.copyOf(bySha256));
    }

    private static Weight measure(OutputFiles out, String address, Map<String, Integer> stylesheets, SiteConfig.Budget budget,
                                  Map<String, String> sources, Problems problems) {
        byte[] bytes = out.read(address);
        int weight = compressedSize(out, address, bytes);
        // Stylesheet links are in the head: the body, most of the page, need not be decoded or parsed for them.
        String head = new String(bytes, 0, headEnd(bytes), StandardCharsets.UTF_8);
        for (Element link : Jsoup.parse(head, address).select("link[rel=stylesheet][href]")) {
            String css = Urls.resolve(address, Urls.decode(link.attr("href")));
            if (css != null && out.has(css)) {
                weight += stylesheets.computeIfAbsent(css, c -> compressedSize(out, c, out.read(c)));
            }
        }
        if (weight > budget.pageKib() * 1024) {
            problems.error(sources.getOrDefault(address, address), 0, 0, null,
                    "the page " + address + " weighs " + kib(weight) + " compressed with its CSS, over the budget of "
                            + budget.pageKib() + " KiB (site.yaml budget.page_kib); heaviest parts: "
                            + heaviestParts(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), address)),
                    "split the page into shorter ones or shorten its longest part");
        }
        return new Weight(address, weight);
    }

    /** Where {@code </head>} starts in the page's bytes (ASCII in UTF-8); the whole page when it has none. */
    private static int headEnd(byte[] html) {
        scan:
        for (int i = 0; i + HEAD_END.length <= html.length; i++) {
            for (int j = 0; j < HEAD_END.length; j++) {
                if (html[i + j] != HEAD_END[j]) continue scan;
            }
            return i;
        }
        return html.length;
    }

    /** The size of the .gz written beside {@code address}, else of {@code bytes} compressed now. */
    private static int compressedSize(OutputFiles out, String address, byte[] bytes) {
        String gz = address + ".gz";
        return out.has(gz) ? (int) out.size(gz) : gzip(bytes);
    }

    /** The compressed size of the file at {@code address}: its .gz when there is one, else compressed now. */
    static int compressedSize(OutputFiles out, String address) {
        String gz = address + ".gz";
        return out.has(gz) ? (int) out.size(gz) : gzip(out.read(address));
    }

    /** The three biggest blocks of a page: the stylesheet, the shared strips, and the parts of its main content. */
    static String heaviestParts(Document html) {
        List<Weight> parts = new ArrayList<>();
        html.head().select("style").forEach(s -> parts.add(new Weight("inline CSS", gzip(s.outerHtml()))));
        for (Element block : html.body().children()) {
            if (block.tagName().equals("main")) {
                Element content = block.children().size() == 1 ? block.child(0) : block;
                content.children().forEach(c -> parts.add(new Weight("main " + describe(c), gzip(c.outerHtml()))));
            } else {
                parts.add(new Weight(describe(block), gzip(block.outerHtml())));
            }
        }
        return String.join(", ", parts.stream().sorted(Comparator.comparingInt(Weight::bytes).reversed()).limit(3)
                .map(p -> p.page() + " " + kib(p.bytes())).toList());
    }

    private static String describe(Element e) {
        String name = e.tagName() + (e.id().isEmpty() ? "" : "#" + e.id()) + (e.className().isEmpty() ? "" : "." + e.className().split(" ")[0]);
        String text = e.text();
        return text.isEmpty() ? name : name + " \"" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "\"";
    }

    static String kib(int bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    public static int gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    public static int gzip(byte[] bytes) {
        return Gzip.compress(bytes).length;
    }
}
