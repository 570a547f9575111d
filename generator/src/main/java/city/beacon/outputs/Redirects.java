package city.beacon.outputs;

import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The old addresses of {@code data/redirects.yaml} (written by {@code beacon import}): at each, a
 * small page that sends the reader on to the page now there ({@code <meta http-equiv="refresh">}
 * and a link, both relative; no script), and {@code redirects.nginx.conf}, an nginx {@code map}
 * of the same for mirrors that prefer a real redirect (docs/mirror/README.md). An old address that
 * is a file of the site, or whose page is not in it, is a warning and gets no page.
 */
public final class Redirects implements SiteOutput {
    public static final String NGINX_MAP = "redirects.nginx.conf";
    private static final String FILE = "data/redirects.yaml";

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        if (site.data().redirects().isEmpty()) return;
        Map<String, String> map = new TreeMap<>();
        Map<String, String> pages = new TreeMap<>();
        for (SiteData.Redirect redirect : site.data().redirects()) {
            if (redirect.from() == null || redirect.to() == null) continue; // reported as a missing field
            Optional<Target> page = target(site, redirect.to());
            if (page.isEmpty()) {
                problems.warning(FILE, 0, 0, "to", "no published page \"" + redirect.to() + "\" for the old address \"" + redirect.from() + "\"",
                        "write the file of a page, or the _index.md of a sub-section, under content/; or remove the entry");
                continue;
            }
            String file = file(redirect.from());
            if (file == null) {
                problems.warning(FILE, 0, 0, "from", "the old address \"" + redirect.from() + "\" cannot be a file of the site",
                        "write an address like /old/page/ or /old/page.html");
                continue;
            }
            if (out.has(file) || pages.containsKey(file)) {
                problems.warning(FILE, 0, 0, "from", "the old address \"" + redirect.from() + "\" is already a file of the site (\""
                        + file + "\"): no redirect is written there", "remove the entry");
                continue;
            }
            pages.put(file, page(page.get(), Urls.relative(file, page.get().url())));
            if (safeForNginx(redirect.from()) && safeForNginx(page.get().url())) {
                map.put(redirect.from(), "/" + page.get().url());
            } else {
                problems.warning(FILE, 0, 0, "from", "the old address \"" + redirect.from() + "\" holds characters an nginx map could "
                        + "read as configuration: it has its page but is left out of " + NGINX_MAP, null);
            }
        }
        pages.forEach(out::write);
        if (!map.isEmpty()) out.write(NGINX_MAP, nginx(map));
    }

    /** Where an old address leads: a page, or the list of a sub-section. */
    private record Target(String lang, String title, String url) {
    }

    /** The published page whose file is {@code to} (under content/), or the sub-section whose _index.md it is. */
    private static Optional<Target> target(Site site, String to) {
        Page page = site.bySource().get(to);
        if (page != null) return page.draft() ? Optional.empty() : Optional.of(new Target(page.lang(), page.title(), page.url()));
        return site.data().subSections().stream().filter(s -> s.described() && s.source().relative().equals(to)).findFirst()
                .map(s -> new Target(s.lang(), s.title(), s.url()));
    }

    /** The file that serves an old address: {@code /a/b/} and {@code /a/b} are a/b/index.html, {@code /a/b.html} is itself; null for none. */
    static String file(String from) {
        String path = Urls.decode(from.strip());
        int cut = path.indexOf('?') >= 0 ? path.indexOf('?') : path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        while (path.startsWith("/")) path = path.substring(1);
        if (path.isEmpty() || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return null;
        for (String part : path.split("/")) if (part.equals("..") || part.equals(".")) return null;
        if (path.endsWith("/")) return path + "index.html";
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.endsWith(".html") || last.endsWith(".htm") ? path : path + "/index.html";
    }

    private static String page(Target page, String link) {
        String href = Xml.escape(link);
        String title = Xml.escape(page.title());
        return "<!DOCTYPE html>\n<html lang=\"" + page.lang() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "<title>" + title + "</title>\n</head>\n<body>\n<p><a href=\"" + href + "\">" + title + "</a></p>\n</body>\n</html>\n";
    }

    private static String nginx(Map<String, String> map) {
        StringBuilder out = new StringBuilder("# The old addresses of the portal's pages (content/data/redirects.yaml), for nginx:\n"
                + "# include this file in the http block, and in the server block:\n"
                + "#   if ($beacon_redirect) { return 301 $beacon_redirect; }\n"
                + "# Written for a site served at the root of its host; see docs/mirror/README.md.\n"
                + "map $uri $beacon_redirect {\n    default \"\";\n");
        map.forEach((from, to) -> out.append("    ").append(quote(from)).append(' ').append(quote(to)).append(";\n"));
        return out.append("}\n").toString();
    }

    /**
     * Whether an address can be written into nginx's configuration as it is: letters, digits and the
     * characters of a URL path, never a quote, '$', ';', braces, a backslash or white space. Operators
     * include the file in their configuration, so nothing in it may be read as more than an address.
     */
    static boolean safeForNginx(String address) {
        return !address.isEmpty() && address.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || "/._~%!&'()*+,=:@-".indexOf(c) >= 0);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
