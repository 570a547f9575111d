package city.beacon.outputs;

/** The little XML the feeds and the sitemap need: escaped text and attributes. */
final class Xml {
    private Xml() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** {@code <name>text</name>} on a line of its own. */
    static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">\n";
    }
}
