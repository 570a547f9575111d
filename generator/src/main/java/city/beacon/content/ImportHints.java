package city.beacon.content;

import city.beacon.findings.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to write in Beacon for the front-matter fields editors bring from Hugo and Jekyll: the
 * suggestion of an "unknown field" finding, and what {@code beacon check --migrate} lists.
 * The fields both share ({@code title}, {@code tags}, {@code slug}, {@code weight}, {@code draft})
 * are read as they are and need no hint.
 */
public final class ImportHints {
    /** Said of a field that has a hint, after its name: it is not a misspelling. */
    public static final String ORIGIN = " (from Hugo or Jekyll)";

    private static final String NOT_NEEDED = "not needed: remove the line";
    private static final Map<String, String> HINTS = new LinkedHashMap<>();

    static {
        String updated = "write it as 'updated: %s'";
        HINTS.put("date", updated + " (the date the text last changed); Beacon has no separate publication date");
        HINTS.put("lastmod", updated);
        HINTS.put("lastModified", updated);
        HINTS.put("last_modified_at", updated);
        HINTS.put("publishDate", NOT_NEEDED + " (a page is published with the next build; to hold it back write 'draft: true')");
        HINTS.put("description", "write it as 'summary: ...' (the line under the title in lists and search)");
        HINTS.put("excerpt", "write it as 'summary: ...' (the line under the title in lists and search)");
        HINTS.put("categories", "write them as 'tags: [...]' (a service page also has 'category:', one of site.yaml's categories)");
        HINTS.put("topics", "write them as 'tags: [...]'");
        HINTS.put("keywords", "write them as 'tags: [...]'");
        HINTS.put("aliases", NOT_NEEDED + " (Beacon keeps no old addresses in pages; a redirect on the web server can)");
        HINTS.put("redirect_from", NOT_NEEDED + " (Beacon keeps no old addresses in pages; a redirect on the web server can)");
        HINTS.put("layout", NOT_NEEDED + " (a page's kind and template come from its section in site.yaml)");
        HINTS.put("type", NOT_NEEDED + " (a page's kind and template come from its section in site.yaml)");
        HINTS.put("permalink", NOT_NEEDED + " (the address is made from the language, section folder and file name; "
                + "to change its last part write 'slug: ...')");
        HINTS.put("author", NOT_NEEDED + " (pages are the city's, not signed)");
        HINTS.put("toc", NOT_NEEDED + " (long pages get their table of contents from their headings)");
        HINTS.put("menu", NOT_NEEDED + " (the menu is 'menu:' in site.yaml)");
        HINTS.put("published", "to hold a page back write 'draft: true'; otherwise remove the line");
        HINTS.put("order", "write it as 'weight: ...' (a whole number; lower comes first)");
        HINTS.put("nav_order", "write it as 'weight: ...' (a whole number; lower comes first)");
    }

    private static final Pattern UNKNOWN = Pattern.compile("unknown field '([^'.\\[]+)'");
    private static final String NO_FIELD = "no Beacon field; remove it, or move what it says into the text";

    private ImportHints() {
    }

    /**
     * For {@code beacon check --migrate}: each unknown field of the pages in {@code findings},
     * with how many pages have it and what to write instead, one line each, sorted by name.
     */
    public static List<String> summary(List<Problem> findings) {
        Map<String, Integer> pages = new TreeMap<>();
        for (Problem p : findings) {
            Matcher unknown = UNKNOWN.matcher(p.plainMessage());
            if (p.field() == null && unknown.lookingAt()) pages.merge(unknown.group(1), 1, Integer::sum);
        }
        return pages.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " page" : " pages")
                + "): " + hint(e.getKey(), null).orElse(NO_FIELD)).toList();
    }

    /** Every field with a hint, in a stable order. */
    public static Map<String, String> all() {
        return Map.copyOf(HINTS);
    }

    /** What to write instead of field {@code name} whose value reads {@code value} ("..." when unknown). */
    public static Optional<String> hint(String name, String value) {
        String hint = HINTS.get(name);
        if (hint == null) return Optional.empty();
        return Optional.of(hint.contains("%s") ? hint.replace("%s", value == null || value.isBlank() ? "..." : value) : hint);
    }
}
