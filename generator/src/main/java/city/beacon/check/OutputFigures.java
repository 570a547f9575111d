package city.beacon.check;

import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.publish.OutputTree;

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
    public static Figures measure(Site site, OutputTree out, Map<String, String> sources, Map<String, Integer> knownWeights,
                                  Problems problems) {
        List<String> lines = new ArrayList<>();
        PageWeights.Summary weights = PageWeights.check(out, site.config().budget(), sources, knownWeights, problems);
        lines.add(weights.line(site.config().budget()));
        Routes routes = new Routes(site.config());
        List<String> indexes = new ArrayList<>();
        for (String lang : site.config().languageCodes()) {
            String index = routes.searchIndex(lang);
            if (out.has(index)) indexes.add(lang + " " + PageWeights.kib(PageWeights.compressedSize(out, index))
                    + " (" + PageWeights.kib((int) out.size(index)) + " raw)");
        }
        if (!indexes.isEmpty()) lines.add("Search index (gzip): " + String.join(", ", indexes));
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

    private static byte[] read(OutputTree out, String address) {
        return out.has(address) ? out.read(address) : null;
    }
}
