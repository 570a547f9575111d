package city.beacon.check;

import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlCheckerTest {
    private static String page(String head, String body) {
        return "<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Сторінка</title>" + head
                + "</head><body>" + body + "</body></html>";
    }

    private static List<String> check(String address, String html, List<String> files) {
        Problems problems = new Problems();
        HtmlChecker checker = new HtmlChecker();
        checker.page(address, "content/uk/dovidka/a.md", html, Set.of(), problems);
        checker.finish(files, problems);
        return problems.sorted().stream().map(Problem::format).toList();
    }

    @Test
    void wellFormedPageWithWorkingLinksHasNoFindings() {
        String html = page("<link rel=\"stylesheet\" href=\"../../../assets/beacon.css\">",
                "<main id=\"main\"><h1>Сторінка</h1><a href=\"#main\">up</a> <a href=\"../b/\">b</a> <a href=\"../../\">home</a>"
                        + " <a href=\"https://example.org/\">elsewhere</a> <a href=\"tel:112\">112</a></main>");
        assertEquals(List.of(), check("uk/dovidka/a/", html,
                List.of("uk/dovidka/a/index.html", "uk/dovidka/b/index.html", "uk/index.html", "assets/beacon.css")));
    }

    @Test
    void twoPagesCheckedAtOneAddressGiveTheSameIdsInEitherOrder() {
        // Two pages claiming one address is an error of its own; the checks that follow must not depend on which
        // of the two the parallel render checked last (BrokenSiteTest's suggestion for a link there changed from run to run).
        String first = page("", "<h1 id=\"a\">a</h1><h2 id=\"koly-pratsiuiut\">x</h2>");
        String second = page("", "<h1 id=\"b\">b</h1><h2 id=\"dokumenty\">y</h2>");
        HtmlChecker oneWay = new HtmlChecker();
        oneWay.page("uk/p/", null, first, Set.of(), new Problems());
        oneWay.page("uk/p/", null, second, Set.of(), new Problems());
        HtmlChecker otherWay = new HtmlChecker();
        otherWay.page("uk/p/", null, second, Set.of(), new Problems());
        otherWay.page("uk/p/", null, first, Set.of(), new Problems());
        assertEquals(Set.of("a", "koly-pratsiuiut", "b", "dokumenty"), oneWay.ids("uk/p/"));
        assertEquals(oneWay.ids("uk/p/"), otherWay.ids("uk/p/"));
    }

    @Test
    void linkToAFileThatWasNotGeneratedIsReported() {
        String html = page("", "<h1>x</h1><a href=\"../missing/\">m</a> <img src=\"../../../img/map.png\" alt=\"map\">");
        assertEquals(List.of(
                        "content/uk/dovidka/a.md: error: the link \"../../../img/map.png\" on the page uk/dovidka/a/index.html "
                                + "points to img/map.png, which is not in the generated site",
                        "content/uk/dovidka/a.md: error: the link \"../missing/\" on the page uk/dovidka/a/index.html "
                                + "points to uk/dovidka/missing/index.html, which is not in the generated site"),
                check("uk/dovidka/a/", html, List.of("uk/dovidka/a/index.html")));
    }

    @Test
    void fragmentThatIsNotAnIdOnTheTargetPageIsReportedWithSuggestion() {
        Problems problems = new Problems();
        HtmlChecker checker = new HtmlChecker();
        checker.page("uk/a/", null, page("", "<h1>a</h1><a href=\"../b/#step\">b</a><a href=\"#nowhere\">x</a>"), Set.of(), problems);
        checker.page("uk/b/", null, page("", "<h1 id=\"top\">b</h1><h2 id=\"steps\">Кроки</h2>"), Set.of(), problems);
        checker.finish(List.of("uk/a/index.html", "uk/b/index.html"), problems);
        assertEquals(List.of(
                        "uk/a/index.html: error: the link \"#nowhere\" on the page uk/a/index.html points to #nowhere, "
                                + "which is not an id on uk/a/index.html",
                        "uk/a/index.html: error: the link \"../b/#step\" on the page uk/a/index.html points to #step, "
                                + "which is not an id on uk/b/index.html; did you mean '#steps'?"),
                problems.sorted().stream().map(Problem::format).toList());
    }

    @Test
    void everyLoadFromAnotherOriginIsReported() {
        String html = page("<script src=\"https://cdn.example.com/a.js\"></script>"
                        + "<link rel=\"stylesheet\" href=\"//fonts.example.com/css\">"
                        + "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/\">"
                        + "<style>@import 'https://fonts.example.com/x.css'; body{background:url(http://img.example.com/bg.png)}</style>",
                "<h1>x</h1><img src=\"https://img.example.com/a.png\" alt=\"a\"><iframe src=\"https://maps.example.com/\"></iframe>"
                        + "<form action=\"https://forms.example.com/\"></form><video poster=\"//v.example.com/p.jpg\"></video>"
                        + "<img srcset=\"a.png 1x, https://img.example.com/b.png 2x\" src=\"data:image/gif;base64,R0lGOD\" alt=\"b\">"
                        + "<a href=\"https://example.org/\">a link is fine</a>");
        List<String> found = check("404.html", html, List.of("404.html", "a.png")).stream()
                .map(f -> f.substring(f.indexOf(" loads ") + 7, f.indexOf(" from another site"))).toList();
        assertEquals(List.of("//fonts.example.com/css", "//v.example.com/p.jpg", "http://img.example.com/bg.png",
                "https://cdn.example.com/a.js", "https://fonts.example.com/x.css", "https://forms.example.com/",
                "https://img.example.com/a.png", "https://img.example.com/b.png", "https://maps.example.com/"), found.stream().sorted().toList());
    }

    @Test
    void missingLangTitleViewportAndH1AreReported() {
        String html = "<!DOCTYPE html><html><head><title> </title></head><body><p>no heading</p></body></html>";
        assertEquals(List.of(
                        "uk/index.html: error: the page uk/ has 0 level-1 headings (<h1>); it needs exactly one",
                        "uk/index.html: error: the page uk/ has no <meta name=\"viewport\">; phones would show it zoomed out",
                        "uk/index.html: error: the page uk/ has no <title>",
                        "uk/index.html: error: the page uk/ has no lang attribute on <html>"),
                checkGenerated("uk/", html));
    }

    @Test
    void twoH1AndRepeatedIdsAreReported() {
        String html = page("", "<h1 id=\"a\">a</h1><h1>b</h1><h2 id=\"steps\">x</h2><h2 id=\"steps\">y</h2><p id=\"a\">z</p>");
        assertEquals(List.of(
                        "index.html: error: the home page has 2 level-1 headings (<h1>); it needs exactly one; headings in the text start at '## '",
                        "index.html: error: the home page has more than one element with id=\"a\"; two headings with the same text get the same id: reword one of them",
                        "index.html: error: the home page has more than one element with id=\"steps\"; two headings with the same text get the same id: reword one of them"),
                checkGenerated("", html));
    }

    @Test
    void rootAbsoluteAndAboveTheRootLinksAreReported() {
        String html = page("", "<h1>x</h1><a href=\"/uk/\">root</a><a href=\"../../x/\">up</a>");
        assertEquals(List.of(
                        "uk/index.html: error: the link \"../../x/\" on the page uk/index.html points above the site's root folder",
                        "uk/index.html: error: the link \"/uk/\" on the page uk/index.html starts with '/', which breaks on mirrors "
                                + "under a sub-path and from disk; links must be relative"),
                checkGenerated("uk/", html));
    }

    @Test
    void hrefsAlreadyReportedByTheMarkdownStageAreSkipped() {
        Problems problems = new Problems();
        HtmlChecker checker = new HtmlChecker();
        checker.page("uk/a/", "content/uk/a.md", page("", "<h1>a</h1><a href=\"../%D0%BD%D0%B5%D0%BC%D0%B0.md\">x</a>"),
                Set.of("../нема.md"), problems);
        checker.finish(List.of("uk/a/index.html"), problems);
        assertEquals(List.of(), problems.sorted());
    }

    @Test
    void stylesheetLoadingFontsFromAnotherSiteIsReported() {
        Problems problems = new Problems();
        HtmlChecker.checkCss("templates/assets/beacon.css", "the stylesheet",
                "@font-face{src:url(\"https://fonts.example.com/f.woff2\")} a{background:url(img/a.png)}", problems);
        assertEquals(List.of("templates/assets/beacon.css: error: the stylesheet loads https://fonts.example.com/f.woff2 from another site; "
                + "pages may load only files of this site; copy the file into the site"), problems.sorted().stream().map(Problem::format).toList());
    }

    private static List<String> checkGenerated(String address, String html) {
        Problems problems = new Problems();
        HtmlChecker checker = new HtmlChecker();
        checker.page(address, null, html, Set.of(), problems);
        checker.finish(List.of("uk/index.html", "index.html"), problems);
        return problems.sorted().stream().map(Problem::format).toList();
    }
}
