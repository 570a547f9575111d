package city.beacon.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw HTML in Markdown goes through jsoup's cleaner: what an editor may write (text markup,
 * tables, details, and the attributes that carry meaning: {@code id}, {@code name} on a link,
 * {@code lang}, {@code dir}, {@code title}, {@code role}, {@code aria-*}) stays; scripts, frames,
 * styles, event handlers and javascript: links never reach a resident. A link's
 * {@code target="_blank"} stays, with {@code rel="noopener noreferrer"} (the opened page cannot
 * reach back into this one); comments are notes between editors, dropped without a word.
 */
final class HtmlSanitizer {
    private static final String BASE = "https://beacon.invalid/";
    /** What a link opened with target="_blank" always gets, whatever rel the editor wrote. */
    static final String NEW_TAB_REL = "noopener noreferrer";
    private final Safelist safelist = new MeaningfulAttributes()
            .addTags("abbr", "del", "details", "summary", "figure", "figcaption", "hr", "ins", "kbd", "mark", "s", "time",
                    "section", "input")
            .addAttributes("section", "class").addAttributes("sup", "class") // footnotes
            .addAttributes("input", "checked", "disabled") // a task list's check boxes
            .addAttributes(":all", "id", "lang", "dir", "title", "role")
            .addAttributes("a", "name")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addAttributes("code", "class").addAttributes("a", "class")
            .addAttributes("time", "datetime")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true);
    private final Cleaner cleaner = new Cleaner(safelist);

    /**
     * jsoup's relaxed list, and the attributes a list of names cannot say: any {@code aria-*};
     * {@code target} on a link only as {@code _blank}, and then the link's {@code rel} too (cleaning
     * writes its own).
     */
    private static final class MeaningfulAttributes extends Safelist {
        MeaningfulAttributes() {
            super(Safelist.relaxed());
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith("aria-") && key.length() > "aria-".length()) return true;
            if (tagName.equals("a") && key.equals("target")) return attribute.getValue().strip().equalsIgnoreCase("_blank");
            if (tagName.equals("a") && key.equals("rel")) return element.attr("target").strip().equalsIgnoreCase("_blank");
            if (tagName.equals("input") && key.equals("type")) return attribute.getValue().strip().equalsIgnoreCase("checkbox");
            return super.isSafeAttribute(tagName, element, attribute);
        }
    }

    /** Where an element starts in a fragment of raw HTML (1-based). */
    record Position(int line, int column) {
    }

    /**
     * An address written in raw HTML (an href or src that cleaning keeps), with where its element
     * stands in the fragment; {@code loads}: a src, fetched as the page is shown.
     */
    record Address(String value, Position at, boolean loads) {
    }

    /** Attributes that hold the address of a page or file, in the elements cleaning keeps. */
    private static final List<String> ADDRESS_ATTRIBUTES = List.of("href", "src");

    String clean(String bodyHtml) {
        return clean(bodyHtml, Map.of());
    }

    String clean(String bodyHtml, Map<String, String> rewrites) {
        return clean(bodyHtml, rewrites, Set.of());
    }

    /**
     * The cleaned HTML, with each href or src written as a key of {@code rewrites} replaced by its
     * value. Each id stays only where it is first written, and not at all when it is one of
     * {@code reserved} (the layout's): the Markdown stage reported the others with their lines.
     */
    String clean(String bodyHtml, Map<String, String> rewrites, Collection<String> reserved) {
        Document dirty = Jsoup.parseBodyFragment(bodyHtml, BASE);
        Document clean = cleaner.clean(dirty);
        clean.body().select("h1").tagName("h2");
        // A check box, as a task list shows it, is the only input a page has; it shows and never sends.
        clean.body().select("input:not([type=checkbox])").remove();
        clean.body().select("input").attr("disabled", "");
        for (Element link : clean.body().select("a[target]")) {
            link.attr("target", "_blank").attr("rel", NEW_TAB_REL);
        }
        Set<String> ids = new HashSet<>(reserved);
        for (Element element : clean.body().select("[id]")) {
            if (!ids.add(element.id())) element.removeAttr("id");
        }
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
        return kept(fragment, ADDRESS_ATTRIBUTES).stream()
                .map(k -> new Address(k.attribute().getValue(), k.at(), k.attribute().getKey().equals("src"))).toList();
    }

    /** An attribute cleaning keeps, with where its element stands in the fragment. */
    private record Kept(Attribute attribute, Position at) {
    }

    /** The attributes named in {@code names} that cleaning keeps in {@code fragment}, in order. */
    private List<Kept> kept(String fragment, List<String> names) {
        List<Kept> found = new ArrayList<>();
        for (Element element : elements(fragment)) {
            if (!safelist.isSafeTag(element.normalName())) continue;
            for (String name : names) {
                Attribute attribute = element.attribute(name);
                if (attribute != null && safelist.isSafeAttribute(element.normalName(), element, attribute)) {
                    found.add(new Kept(attribute, position(element)));
                }
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

    /** An id (or a link's name) written in raw HTML that cleaning keeps, with where its element stands. */
    record Id(String value, Position at) {
    }

    /** The ids, and names of links, in {@code fragment} that cleaning keeps, in order. */
    List<Id> ids(String fragment) {
        return kept(fragment, List.of("id", "name")).stream().filter(k -> !k.attribute().getValue().isBlank())
                .map(k -> new Id(k.attribute().getValue(), k.at())).toList();
    }

    /** What cleaning removes from {@code fragment}, named for the editor: one text per line where something goes, with where. */
    List<Removed> removedBy(String fragment) {
        Document dirty = Jsoup.parseBodyFragment(fragment, BASE);
        dropComments(dirty.body());
        if (cleaner.isValid(dirty)) return List.of();
        Map<Integer, Position> firstOnLine = new LinkedHashMap<>();
        Map<Integer, TreeSet<String>> byLine = new LinkedHashMap<>();
        for (Element element : elements(fragment)) {
            String tag = element.normalName();
            List<String> removed = new ArrayList<>();
            if (!safelist.isSafeTag(tag) || tag.equals("input") && !element.attr("type").strip().equalsIgnoreCase("checkbox")) {
                removed.add("<" + tag + ">");
            } else {
                for (Attribute attribute : element.attributes()) {
                    if (!safelist.isSafeAttribute(tag, element, attribute)) {
                        removed.add("the " + attribute.getKey() + " attribute of <" + tag + ">");
                    }
                }
            }
            if (removed.isEmpty()) continue;
            Position at = position(element);
            firstOnLine.putIfAbsent(at.line(), at);
            byLine.computeIfAbsent(at.line(), line -> new TreeSet<>()).addAll(removed);
        }
        if (byLine.isEmpty()) return List.of(new Removed("unsafe markup", new Position(1, 1)));
        List<Removed> all = new ArrayList<>();
        byLine.forEach((line, removed) -> all.add(new Removed(String.join(", ", removed), firstOnLine.get(line))));
        return all;
    }

    /** What cleaning removes on one line of raw HTML, and where the first element that loses something starts. */
    record Removed(String what, Position at) {
    }

    private static void dropComments(Element root) {
        List<Node> comments = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof Comment) comments.add(node);
        });
        comments.forEach(Node::remove);
    }
}
