package city.beacon.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes the relative links of a root-level page absolute. The 404 page is served at whatever
 * address was missing, however deep, so its links only work when they name the site's public
 * address (known from {@code --base-url}).
 */
final class AbsoluteLinks {
    private AbsoluteLinks() {
    }

    static String rewrite(String html, String baseUrl) {
        Document page = Jsoup.parse(html, baseUrl);
        page.outputSettings().prettyPrint(false);
        for (Element link : page.select("a[href], link[href]")) {
            String href = link.attr("href");
            if (!href.startsWith("#")) link.attr("href", link.absUrl("href"));
        }
        for (Element source : page.select("[src]")) source.attr("src", source.absUrl("src"));
        return page.outerHtml();
    }
}
