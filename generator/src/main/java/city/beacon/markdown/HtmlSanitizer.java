package city.beacon.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Raw HTML in Markdown goes through jsoup's cleaner: what an editor may write (text markup,
 * tables, details) stays; scripts, frames, styles, event handlers and javascript: links never
 * reach a resident.
 */
final class HtmlSanitizer {
    private static final String BASE = "https://beacon.invalid/";
    private final Safelist safelist = Safelist.relaxed()
            .addTags("abbr", "del", "details", "summary", "figure", "figcaption", "hr", "ins", "kbd", "mark", "s", "time")
            .addAttributes("h2", "id").addAttributes("h3", "id").addAttributes("h4", "id")
            .addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addAttributes("code", "class").addAttributes("a", "class")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true);
    private final Cleaner cleaner = new Cleaner(safelist);

    String clean(String bodyHtml) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, BASE);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** What cleaning would remove from {@code fragment}, named for the editor, if anything. */
    Optional<String> removedBy(String fragment) {
        Document dirty = Jsoup.parseBodyFragment(fragment, BASE);
        if (cleaner.isValid(dirty)) return Optional.empty();
        TreeSet<String> removed = new TreeSet<>();
        for (Element element : dirty.body().getAllElements()) {
            if (element == dirty.body()) continue;
            String tag = element.normalName();
            if (!safelist.isSafeTag(tag)) {
                removed.add("<" + tag + ">");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!safelist.isSafeAttribute(tag, element, attribute)) {
                    removed.add("the " + attribute.getKey() + " attribute of <" + tag + ">");
                }
            }
        }
        return Optional.of(removed.isEmpty() ? "unsafe markup" : String.join(", ", removed));
    }
}
