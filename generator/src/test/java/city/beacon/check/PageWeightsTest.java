package city.beacon.check;

import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.publish.OutputTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageWeightsTest {

    /** Text that gzip cannot shrink much, so that its size is predictable: {@code n} random letters. */
    private static String noise(int n) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) text.append((char) ('a' + random.nextInt(26)));
        return text.toString();
    }

    @Test
    void aPageOverTheBudgetIsAnErrorNamingItsSourceAndHeaviestPart(@TempDir Path dir) {
        OutputTree out = new OutputTree(dir);
        out.write("uk/small/", "<!DOCTYPE html><html><head><title>s</title></head><body><main>short</main></body></html>");
        out.write("uk/big/", "<!DOCTYPE html><html><head><title>b</title><link rel=stylesheet href=../../s.css></head><body>"
                + "<aside class=help>112</aside><main><article><h1>Big</h1><table><tr><td>" + noise(3000)
                + "</td></tr></table></article></main></body></html>");
        out.write("s.css", "body{color:#000}");
        Problems problems = new Problems();
        PageWeights.Summary summary = PageWeights.check(out, new SiteConfig.Budget(2, 8),
                Map.of("uk/big/index.html", "content/uk/big.md"), problems);
        assertEquals(1, problems.errorCount(), problems.sorted().toString());
        Problem problem = problems.sorted().get(0);
        assertEquals("content/uk/big.md", problem.file());
        assertTrue(problem.message().contains("the page uk/big/index.html weighs"), problem.message());
        assertTrue(problem.message().contains("over the budget of 2 KiB"), problem.message());
        assertTrue(problem.message().contains("heaviest parts: main table"), problem.message());
        assertEquals("uk/big/index.html", summary.heaviest().page());
        assertEquals(2, summary.pages());
        assertTrue(summary.heaviest().bytes() > PageWeights.gzip(noise(3000)), "the linked stylesheet is counted too");
    }

    @Test
    void aMedianOverTheBudgetIsAnErrorOnTheSiteSettings(@TempDir Path dir) {
        OutputTree out = new OutputTree(dir);
        for (String page : new String[]{"a/", "b/", "c/"}) out.write(page, "<html><body><main>" + noise(3000) + "</main></body></html>");
        Problems problems = new Problems();
        PageWeights.check(out, new SiteConfig.Budget(14, 1), Map.of(), problems);
        assertEquals(1, problems.errorCount());
        Problem problem = problems.sorted().get(0);
        assertEquals("content/site.yaml", problem.file());
        assertEquals("budget.median_kib", problem.field());
        assertTrue(problem.message().matches("the median page weighs \\d\\.\\d KiB compressed, over the budget of 1 KiB; heaviest pages: .*"),
                problem.message());
    }
}
