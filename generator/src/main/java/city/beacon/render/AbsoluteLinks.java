package city.beacon.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes the relative links of a root-level page absolute. The 404 page is served at whatever
 * address was missing, however deep, so its links only work when they name the site's public
 * address (known from {@code --base-url}), or, without it, the server's root ({@code /uk/}).
 */
final class AbsoluteLinks {
    /** Stands for the server when the base is "/": jsoup resolves against absolute addresses only. */
    private static final String SERVER = "http://beacon.invalid";

    private AbsoluteLinks() {
    }

    /** {@code baseUrl}: the site's address, such as https://kyiv.example.org/portal/, or "/" for root-relative links. */
    static String rewrite(String html, String baseUrl) {
        boolean rootRelative = baseUrl.startsWith("/");
        Document page = Jsoup.parse(html, rootRelative ? SERVER + baseUrl : baseUrl);
        page.outputSettings().prettyPrint(false);
        for (Element link : page.select("a[href], link[href], form[action]")) {
            String attribute = link.hasAttr("action") ? "action" : "href";
            String href = link.attr(attribute);
            if (href.startsWith("#") || hasScheme(href)) continue;
            String absolute = link.absUrl(attribute);
            // A form's address is one the browser loads: it names the site's own server by path, not by host.
            boolean path = rootRelative || attribute.equals("action");
            link.attr(attribute, path ? withoutServer(absolute) : absolute);
        }
        for (Element source : page.select("[src]")) {
            String absolute = source.absUrl("src");
            source.attr("src", rootRelative ? withoutServer(absolute) : absolute);
        }
        return page.outerHtml();
    }

    /** {@code https://kyiv.example.org/portal/uk/} -> {@code /portal/uk/}. */
    private static String withoutServer(String absolute) {
        return absolute.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", "");
    }

    private static boolean hasScheme(String href) {
        return href.matches("(?i)[a-z][a-z0-9+.-]*:.*");
    }
}
