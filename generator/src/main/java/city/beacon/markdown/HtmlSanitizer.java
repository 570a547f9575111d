package city.beacon.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Where an element starts in a fragment of raw HTML (1-based). */
    record Position(int line, int column) {
    }

    /** An address written in raw HTML (an href or src that cleaning keeps), with where its element stands in the fragment. */
    record Address(String value, Position at) {
    }

    /** Attributes that hold the address of a page or file, in the elements cleaning keeps. */
    private static final List<String> ADDRESS_ATTRIBUTES = List.of("href", "src");

    String clean(String bodyHtml) {
        return clean(bodyHtml, Map.of());
    }

    /** The cleaned HTML, with each href or src written as a key of {@code rewrites} replaced by its value. */
    String clean(String bodyHtml, Map<String, String> rewrites) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, BASE);
        Document clean = cleaner.clean(dirty);
        clean.body().select("h1").tagName("h2");
        if (!rewrites.isEmpty()) {
            for (Element element : clean.body().getAllElements()) {
                for (String attribute : ADDRESS_ATTRIBUTES) {
                    String rewritten = element.hasAttr(attribute) ? rewrites.get(element.attr(attribute)) : null;
                    if (rewritten != null) element.attr(attribute, rewritten);
                }
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The addresses in {@code fragment} that cleaning keeps, in order, each with its line and column in it. */
    List<Address> addresses(String fragment) {
        List<Address> found = new ArrayList<>();
        for (Element element : elements(fragment)) {
            if (!safelist.isSafeTag(element.normalName())) continue;
            for (String name : ADDRESS_ATTRIBUTES) {
                Attribute attribute = element.attribute(name);
                if (attribute == null || !safelist.isSafeAttribute(element.normalName(), element, attribute)) continue;
                found.add(new Address(attribute.getValue(), position(element)));
            }
        }
        return found;
    }

    /** Where each {@code <h1>} of {@code fragment} starts; cleaning writes them as {@code <h2>} (the page title is the one h1). */
    List<Position> levelOneHeadings(String fragment) {
        return elements(fragment).stream().filter(e -> e.normalName().equals("h1")).map(HtmlSanitizer::position).toList();
    }

    /** The elements of {@code fragment}, in order, each knowing where it starts. */
    private static List<Element> elements(String fragment) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document dirty = parser.parseInput("<body>" + fragment, BASE);
        List<Element> elements = new ArrayList<>(dirty.body().getAllElements());
        elements.remove(dirty.body());
        return elements;
    }

    private static Position position(Element element) {
        Range.Position start = element.sourceRange().start();
        int line = start.lineNumber();
        // "<body>" was put before the fragment on its first line.
        int column = line == 1 ? start.columnNumber() - "<body>".length() : start.columnNumber();
        return new Position(line, Math.max(1, column));
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
