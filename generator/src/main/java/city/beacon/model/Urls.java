package city.beacon.model;

/**
 * Site addresses are paths relative to the site root with no leading slash: {@code ""} is the
 * root, {@code uk/poslugy/pasport/} a page (a folder with index.html), {@code 404.html} a file.
 * Every link written into a page is made relative to that page, so the site works under any
 * host, sub-path or straight from disk.
 */
public final class Urls {
    private Urls() {
    }

    /** The link from the page at {@code from} to {@code to}; both site-root-relative. */
    public static String relative(String from, String to) {
        String fromDir = from.substring(0, from.lastIndexOf('/') + 1);
        int common = 0;
        int i = 0;
        while (i < fromDir.length() && i < to.length() && fromDir.charAt(i) == to.charAt(i)) {
            if (fromDir.charAt(i) == '/') common = i + 1;
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int j = common; j < fromDir.length(); j++) {
            if (fromDir.charAt(j) == '/') out.append("../");
        }
        out.append(to, common, to.length());
        return out.length() == 0 ? "./" : out.toString();
    }

    /** The file that serves an address: {@code uk/} is {@code uk/index.html}. */
    public static String file(String url) {
        return url.isEmpty() || url.endsWith("/") ? url + "index.html" : url;
    }

    /**
     * The path {@code link} names when written in the file {@code from}, both relative to the
     * same root with '/' between folders; null when it climbs above that root.
     */
    public static String resolve(String from, String link) {
        java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of(from.split("/")));
        parts.remove(parts.size() - 1);
        for (String segment : link.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    /** Percent-decoding ('+' stays '+'); a stray '%' leaves the text as written. */
    public static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
