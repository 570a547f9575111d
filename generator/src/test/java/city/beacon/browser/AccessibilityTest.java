package city.beacon.browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The structural WCAG checks, over every page of the sample portal. */
class AccessibilityTest {

    @Test
    void everyPageHasLandmarksSkipLinkLabelledControlsAndOrderedHeadings() throws IOException {
        Path site = BuiltSite.get();
        List<String> problems = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : pages) {
            String name = site.relativize(file).toString();
            Document page = Jsoup.parse(file.toFile());
            if (page.select("html[lang]").isEmpty()) problems.add(name + ": no lang");
            if (page.select("main#main").size() != 1) problems.add(name + ": not one main#main");
            if (page.select("header, footer, nav").size() < 3) problems.add(name + ": header, footer or nav missing");
            if (page.select("a.skip[href=#main]").isEmpty()) problems.add(name + ": no skip link");
            if (page.select("aside.help a[href^=tel:]").size() < 5) problems.add(name + ": emergency numbers missing");
            if (page.select("h1").size() != 1) problems.add(name + ": " + page.select("h1").size() + " h1");
            for (Element input : page.select("input, select, textarea")) {
                if (page.select("label[for=" + input.id() + "]").isEmpty() && !input.hasAttr("aria-label")) {
                    problems.add(name + ": control without a label");
                }
            }
            int previous = 1;
            for (Element heading : page.select("main h1, main h2, main h3, main h4, main h5, main h6")) {
                int level = heading.tagName().charAt(1) - '0';
                if (level > previous + 1) problems.add(name + ": " + heading.tagName() + " \"" + heading.text() + "\" after h" + previous);
                previous = level;
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void supportPagesHaveTheQuickExitFirstAndOtherPagesDoNot() throws IOException {
        Document support = Jsoup.parse(BuiltSite.get().resolve("en/support/free-counselling/index.html").toFile());
        Element exit = support.selectFirst("body > nav.exit a");
        assertEquals("https://www.google.com/", exit.attr("href"));
        assertEquals("nofollow noreferrer", exit.attr("rel"));
        assertEquals("a", support.body().child(0).tagName(), "the skip link comes first, then the exit");
        assertEquals("nav", support.body().child(1).tagName());
        Document service = Jsoup.parse(BuiltSite.get().resolve("en/services/heating-points/index.html").toFile());
        assertEquals(0, service.select(".exit").size());
    }
}
