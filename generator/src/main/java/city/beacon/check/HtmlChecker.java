package city.beacon.check;

import city.beacon.findings.Problems;
import city.beacon.findings.DidYouMean;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the generated HTML, the safety net behind the content checks: each page is parsed once
 * while it is in memory ({@link #page}), and once every file is written, each internal link is
 * resolved against the files that exist ({@link #finish}). Safe to call from parallel renders.
 */
public final class HtmlChecker {
    /** The attributes through which a browser fetches something as it shows the page. */
    private static final Map<String, List<String>> LOADS = Map.of(
            "script", List.of("src"), "img", List.of("src", "srcset"), "iframe", List.of("src"),
            "source", List.of("src", "srcset"), "audio", List.of("src"), "video", List.of("src", "poster"),
            "object", List.of("data"), "embed", List.of("src"), "form", List.of("action"), "track", List.of("src"));
    /** Link relations that name another address without fetching it. */
    private static final Set<String> NOT_FETCHED = Set.of("alternate", "canonical");
    private static final Pattern CSS_FOREIGN = Pattern.compile(
            "(?i)(?:url\\(\\s*['\"]?|@import\\s+['\"])\\s*((?:[a-z][a-z0-9+.-]*:)?//[^'\")\\s]*)");

    /** A relative address written in a page: where it was found and the file and #fragment it names. */
    private record Ref(String shown, String page, String href, String file, String fragment) {
    }

    private final Map<String, Set<String>> idsByAddress = new ConcurrentHashMap<>();
    /** Stylesheets already checked: the inline one is the same on every page, and is checked once. */
    private final Set<String> checkedCss = ConcurrentHashMap.newKeySet();
    private final List<Ref> refs = new ArrayList<>();

    /**
     * Checks one page. {@code address} is where it is written (uk/poslugy/pasport/, 404.html);
     * {@code shown} names it in findings (its source file, when an editor wrote it); {@code skip}
     * are hrefs whose problems an earlier stage already reported with the editor's line.
     */
    public void page(String address, String shown, String html, Set<String> skip, Problems problems) {
        check(address, shown, Jsoup.parse(html), List.of(), skip, problems);
    }

    /**
     * Checks a page written in Markdown as {@link #page} does, parsing only its layout: {@code layout}
     * is the page rendered with a placeholder where its text goes, and {@code text} the text's
     * headings and elements with attributes, as the Markdown stage wrote them (commonmark writes
     * nothing else that a check looks at). The text is most of a page, and parsing it again was a
     * fifth of a build's work.
     */
    public void article(String address, String shown, String layout, List<RenderedMarkdown.Tag> text, Set<String> skip, Problems problems) {
        List<Element> elements = new ArrayList<>(text.size());
        for (RenderedMarkdown.Tag tag : text) {
            Element element = new Element(tag.name());
            tag.attributes().forEach(element::attr);
            elements.add(element);
        }
        check(address, shown, Jsoup.parse(layout), elements, skip, problems);
    }

    private void check(String address, String shown, Document doc, List<Element> text, Set<String> skip, Problems problems) {
        String where = shown != null ? shown : Urls.file(address);
        String self = address.isEmpty() ? "the home page" : "the page " + address;
        Element root = doc.selectFirst("html");
        if (root == null || root.attr("lang").isBlank()) {
            problems.error(where, 0, 0, null, self + " has no lang attribute on <html>", null);
        }
        if (doc.title().isBlank()) problems.error(where, 0, 0, null, self + " has no <title>", null);
        // One walk over the elements for every check: a page is parsed and walked once.
        int h1 = 0;
        boolean viewport = false;
        Set<String> ids = new HashSet<>();
        Set<String> repeated = new java.util.TreeSet<>();
        Set<String> names = new HashSet<>();
        List<Ref> found = new ArrayList<>();
        List<Element> elements = doc.getAllElements();
        elements.addAll(text);
        for (Element element : elements) {
            String tag = element.normalName();
            if (tag.equals("h1")) h1++;
            if (tag.equals("meta") && element.attr("name").trim().equalsIgnoreCase("viewport")) viewport = true;
            if (element.hasAttr("id") && !ids.add(element.id())) repeated.add(element.id());
            if (tag.equals("a") && !element.attr("name").isEmpty()) names.add(element.attr("name")); // an old-style anchor: #name leads to it
            for (String attribute : LOADS.getOrDefault(tag, List.of())) {
                if (element.hasAttr(attribute)) {
                    if (!skip.contains(element.attr(attribute))) checkLoad(where, self, tag, attribute, element.attr(attribute), problems);
                    if (!attribute.equals("srcset")) reference(where, address, element.attr(attribute), skip, found, problems);
                }
            }
            if (tag.equals("a") || tag.equals("area") || tag.equals("link")) {
                String href = element.attr("href");
                if (tag.equals("link") && !NOT_FETCHED.contains(element.attr("rel").toLowerCase(Locale.ROOT))) {
                    checkLoad(where, self, tag, "href", href, problems);
                }
                if (element.hasAttr("href")) reference(where, address, href, skip, found, problems);
            }
            if (tag.equals("style") && (checkedCss.size() > 16 || checkedCss.add(element.data()))) {
                checkCss(where, self + " (in <style>)", element.data(), problems);
            }
            if (element.hasAttr("style")) checkCss(where, self + " (in a style attribute)", element.attr("style"), problems);
        }
        if (h1 != 1) {
            problems.error(where, 0, 0, null, self + " has " + h1 + " level-1 headings (<h1>); it needs exactly one",
                    h1 > 1 ? "headings in the text start at '## '" : null);
        }
        if (!viewport) {
            problems.error(where, 0, 0, null, self + " has no <meta name=\"viewport\">; phones would show it zoomed out", null);
        }
        for (String id : repeated) {
            problems.error(where, 0, 0, null, self + " has more than one element with id=\"" + id + "\"",
                    "two headings with the same text get the same id: reword one of them");
        }
        ids.addAll(names);
        record(address, ids);
        synchronized (refs) {
            refs.addAll(found);
        }
    }

    /** Reports stylesheet text that fetches from another origin ({@code url(https://...)}, {@code @import}). */
    public static void checkCss(String where, String what, String css, Problems problems) {
        var matcher = CSS_FOREIGN.matcher(css);
        while (matcher.find()) {
            problems.error(where, 0, 0, null, what + " loads " + matcher.group(1) + " from another site",
                    "pages may load only files of this site; copy the file into the site");
        }
    }

    /** Records the ids of a page carried over unchanged from the previous build (its findings come from the build cache). */
    public void kept(String address, Set<String> ids) {
        record(address, ids);
    }

    /**
     * The ids of a page at {@code address}; joined with those of another page written there, so that
     * the checks after the finding about two pages at one address do not depend on which came last.
     */
    private void record(String address, Set<String> ids) {
        idsByAddress.merge(address, Set.copyOf(ids), (a, b) -> {
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return Set.copyOf(both);
        });
    }

    /** The ids of the page written at {@code address}; null when no page was checked there. */
    public Set<String> ids(String address) {
        return idsByAddress.get(address);
    }

    public Map<String, Set<String>> ids() {
        return idsByAddress;
    }

    /** Resolves every internal link against {@code files} (site-root-relative, every file written). */
    public void finish(Collection<String> files, Problems problems) {
        Set<String> existing = Set.copyOf(files);
        List<Ref> all;
        synchronized (refs) {
            all = List.copyOf(refs);
        }
        for (Ref ref : all) {
            if (!existing.contains(ref.file)) {
                problems.error(ref.shown, 0, 0, null, "the link \"" + ref.href + "\" on the page " + ref.page
                        + " points to " + ref.file + ", which is not in the generated site", null);
                continue;
            }
            if (ref.fragment == null || ref.fragment.isEmpty()) continue;
            Set<String> targetIds = idsByAddress.get(addressOf(ref.file));
            if (targetIds != null && !targetIds.contains(ref.fragment)) {
                problems.error(ref.shown, 0, 0, null, "the link \"" + ref.href + "\" on the page " + ref.page
                        + " points to #" + ref.fragment + ", which is not an id on " + ref.file,
                        DidYouMean.closest(ref.fragment, targetIds).map(id -> "did you mean '#" + id + "'?").orElse(null));
            }
        }
    }

    private static void checkLoad(String where, String self, String tag, String attribute, String value, Problems problems) {
        for (String candidate : attribute.equals("srcset") ? srcsetUrls(value) : List.of(value)) {
            if (isForeign(candidate)) {
                problems.error(where, 0, 0, null, self + " loads " + candidate + " from another site (<" + tag + " "
                        + attribute + ">)", "pages may load only files of this site; copy the file into the site or link to it instead");
            }
        }
    }

    private static List<String> srcsetUrls(String srcset) {
        List<String> urls = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+")[0];
            if (!url.isEmpty()) urls.add(url);
        }
        return urls;
    }

    private static boolean isForeign(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("//") || u.startsWith("\\\\") || hasScheme(u) && !u.startsWith("data:");
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !isAsciiLetter(url.charAt(0))) return false;
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') return false;
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private void reference(String where, String address, String href, Set<String> skip, List<Ref> found, Problems problems) {
        String h = href.strip();
        if (h.isEmpty() || hasScheme(h.toLowerCase(Locale.ROOT)) || h.startsWith("//")) return;
        if (skip.contains(href) || skip.stream().anyMatch(s -> Urls.decode(s).equals(Urls.decode(href)))) return;
        String page = Urls.file(address);
        if (h.startsWith("/") && !h.startsWith("//") && address.equals(city.beacon.model.Routes.NOT_FOUND)) {
            // The 404 page is served at any depth: its links name the server's root (/uk/), or with
            // --base-url a path under it (its form: /guide/uk/a-ya/), which only a server can resolve
            // (SiteBuilderTest and NotFoundPageServedTest follow them).
            return;
        }
        if (h.startsWith("/")) {
            problems.error(where, 0, 0, null, "the link \"" + href + "\" on the page " + page
                    + " starts with '/', which breaks on mirrors under a sub-path and from disk", "links must be relative");
            return;
        }
        int hash = h.indexOf('#');
        String path = hash < 0 ? h : h.substring(0, hash);
        String fragment = hash < 0 ? null : Urls.decode(h.substring(hash + 1));
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        String file = path.isEmpty() ? page : resolve(page, Urls.decode(path));
        if (file == null) {
            problems.error(where, 0, 0, null, "the link \"" + href + "\" on the page " + page + " points above the site's root folder", null);
            return;
        }
        found.add(new Ref(where, page, href, file, fragment));
    }

    /** The site file {@code path} names when written in the page file {@code from}; null above the root. */
    static String resolve(String from, String path) {
        String joined = Urls.resolve(from, path);
        if (joined == null) return null;
        boolean folder = path.isEmpty() || path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..")
                || path.equals(".") || path.equals("..");
        return folder ? Urls.file(joined.isEmpty() ? "" : joined + "/") : joined;
    }

    private static String addressOf(String file) {
        return file.equals("index.html") ? "" : file.endsWith("/index.html") ? file.substring(0, file.length() - "index.html".length()) : file;
    }
}
