package city.beacon.content;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SVG image is published only when it is a picture and nothing more: elements from an
 * allow-list of shapes, text, gradients, filters and embedded PNG, JPEG, GIF or WebP pictures (and the harmless notes of Inkscape and other
 * editors), no event handlers, references only inside the file ({@code #id}), no style that loads
 * from elsewhere, no DOCTYPE (entities) and no style sheet instruction.
 */
final class SvgCheck {
    private SvgCheck() {
    }

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
            "image", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "style", "filter",
            "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge", "feMergeNode",
            "feDropShadow", "feMorphology");
    /** Namespaces of editors' notes (Inkscape, Sodipodi, RDF metadata), which no viewer acts on. */
    private static final Set<String> NOTE_PREFIXES = Set.of("sodipodi", "inkscape", "rdf", "cc", "dc");
    /** A picture embedded in the file, as editors export them: the only href of an {@code <image>} besides #id. */
    private static final Pattern EMBEDDED_PICTURE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,", Pattern.CASE_INSENSITIVE);
    /** A url( that does not point at an #id inside the file. */
    private static final Pattern OUTSIDE_URL = Pattern.compile("url\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);

    /** What in {@code svg} could run a script or load from elsewhere, named for the editor; empty when nothing. */
    static Optional<String> unsafe(String svg) {
        String lower = svg.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype") || lower.contains("<!entity")) return Optional.of("a <!DOCTYPE>");
        if (lower.contains("<?xml-stylesheet")) return Optional.of("a style sheet instruction (<?xml-stylesheet?>)");
        Document doc = Parser.xmlParser().parseInput(svg, "");
        for (Element element : doc.getAllElements()) {
            if (element == doc) continue;
            String tag = element.tagName();
            int colon = tag.indexOf(':');
            boolean note = colon > 0 && NOTE_PREFIXES.contains(tag.substring(0, colon));
            String local = colon > 0 && tag.startsWith("svg:") ? tag.substring(4) : tag;
            if (!note && !ELEMENTS.contains(local)) return Optional.of("the element <" + tag + ">");
            String css = local.equals("style") ? element.wholeText() : "";
            if (OUTSIDE_URL.matcher(css).find() || css.toLowerCase(Locale.ROOT).contains("@import")) {
                return Optional.of("a <style> with url( or @import leading out of the file");
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey();
                String name = key.toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                if (name.startsWith("on")) return Optional.of("the attribute " + key + " of <" + tag + ">");
                boolean embeddedPicture = local.equals("image") && EMBEDDED_PICTURE.matcher(value.strip()).lookingAt();
                if ((name.equals("href") || name.endsWith(":href")) && !value.strip().startsWith("#") && !embeddedPicture) {
                    return Optional.of("the attribute " + key + "=\"" + value + "\" of <" + tag
                            + "> (only references inside the file, like #id)");
                }
                if (OUTSIDE_URL.matcher(value).find()) {
                    return Optional.of("the attribute " + key + " of <" + tag + "> (url( leading out of the file)");
                }
                if (name.equals("xml:base") || value.toLowerCase(Locale.ROOT).contains("javascript:")) {
                    return Optional.of("the attribute " + key + " of <" + tag + ">");
                }
            }
        }
        return Optional.empty();
    }
}
