package city.beacon.check;

import city.beacon.findings.Problems;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.publish.OutputFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the build reports after its summary, measured on the written files: page weight against
 * the budget, the search index per language, the JavaScript (at most {@link #SCRIPT_BUDGET_KIB}
 * KiB compressed in all, an error beyond), and what was left out for want of --base-url.
 */
public final class OutputFigures {
    public static final int SCRIPT_BUDGET_KIB = 6;

    private OutputFigures() {
    }

    /** The lines to print, and the pages' weights by the SHA-256 of their HTML, for the next build. */
    public record Figures(List<String> lines, Map<String, Integer> weights) {
    }

    /** {@code knownWeights}: weights measured by an earlier build, by the SHA-256 of the page's HTML. */
    public static Figures measure(Site site, OutputFiles out, Map<String, String> sources, Map<String, Integer> knownWeights,
                                  Problems problems) {
        List<String> lines = new ArrayList<>();
        PageWeights.Summary weights = PageWeights.check(out, site.config().budget(), sources, knownWeights, problems);
        lines.add(weights.line(site.config().budget()));
        Routes routes = new Routes(site.config());
        List<String> indexes = new ArrayList<>();
        for (String lang : site.config().languageCodes()) {
            String index = routes.searchIndex(lang);
            if (out.has(index)) indexes.add(searchIndex(lang, index, out, site.config().budget().searchKib(), problems));
        }
        if (!indexes.isEmpty()) {
            lines.add("Search index (gzip): " + String.join(", ", indexes) + "; budget " + site.config().budget().searchKib() + " KiB per file");
        }
        int script = 0;
        for (String file : List.of(Routes.SCRIPT, Routes.SERVICE_WORKER)) {
            byte[] js = read(out, file);
            if (js != null) script += PageWeights.gzip(js);
        }
        lines.add("JavaScript (gzip, " + Routes.SCRIPT + " + " + Routes.SERVICE_WORKER + "): " + PageWeights.kib(script));
        if (script > SCRIPT_BUDGET_KIB * 1024) {
            problems.error("templates/" + Routes.SCRIPT, 0, 0, null,
                    "the site's JavaScript weighs " + PageWeights.kib(script) + " compressed, over " + SCRIPT_BUDGET_KIB + " KiB",
                    "keep scripts small: every page must work without them");
        }
        if (site.baseUrl() == null) {
            lines.add("No --base-url: sitemap.xml not written (it needs absolute addresses); feeds link relatively");
        }
        return new Figures(lines, weights.bySha256());
    }

    /**
     * One language's search index: its size in all, and when split, in how many files and the
     * largest; each file over {@code budgetKib} compressed is an error (a query may load it over 2G).
     */
    private static String searchIndex(String lang, String index, OutputFiles out, int budgetKib, Problems problems) {
        String parts = index.substring(0, index.lastIndexOf('/') + 1) + "search-index/";
        List<String> files = new ArrayList<>();
        files.add(index);
        out.files().stream().filter(f -> f.startsWith(parts) && f.endsWith(".js")).sorted().forEach(files::add);
        long raw = 0;
        long compressed = 0;
        int largest = 0;
        String heaviest = index;
        for (String file : files) {
            int size = PageWeights.compressedSize(out, file);
            raw += out.size(file);
            compressed += size;
            if (size > largest) {
                largest = size;
                heaviest = file;
            }
            if (size > budgetKib * 1024) {
                problems.error("content/site.yaml", 0, 0, "budget.search_kib", "the search index file " + file + " weighs "
                                + PageWeights.kib(size) + " compressed, over the budget of " + budgetKib + " KiB",
                        "raise budget.search_kib, or shorten the pages' titles and summaries");
            }
        }
        String line = lang + " " + PageWeights.kib((int) Math.min(compressed, Integer.MAX_VALUE))
                + " (" + PageWeights.kib((int) Math.min(raw, Integer.MAX_VALUE)) + " raw)";
        return files.size() == 1 ? line : line + " in " + files.size() + " files, largest " + PageWeights.kib(largest) + " (" + heaviest + ")";
    }

    private static byte[] read(OutputFiles out, String address) {
        return out.has(address) ? out.read(address) : null;
    }
}
