package city.beacon.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names, addresses and relative links: the small pure functions the importer's parts share. */
final class Paths {
    /** Files the old site rendered as pages but that are not Markdown. */
    private static final Set<String> PAGE_LIKE = Set.of("html", "htm", "adoc", "asciidoc", "org", "rst", "pandoc");

    private Paths() {
    }

    /** The extension of a file name, lower case, without the dot ("" for none). */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isPageLike(String extension) {
        return PAGE_LIKE.contains(extension);
    }

    /** An address as the old site wrote it, starting with '/'. */
    static String rooted(String address) {
        String a = address.strip();
        return a.startsWith("/") ? a : "/" + a;
    }

    /** A front-matter value that holds one address or a list of them ({@code aliases}, {@code redirect_from}). */
    static List<String> addressList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) SourceFrontMatter.text(item).ifPresent(a -> out.add(rooted(a)));
        } else {
            SourceFrontMatter.text(value).ifPresent(a -> out.add(rooted(a)));
        }
        return out;
    }

    /**
     * The key under which an address of the old site is looked up: lower case, without query, fragment,
     * a final {@code index.html}, {@code .html} or '/', so that {@code /a/b/}, {@code /a/b},
     * {@code /A/b.html} and {@code /a/b/index.html} are one page.
     */
    static String key(String address) {
        String a = address.strip();
        int cut = indexOfAny(a, "?#");
        if (cut >= 0) a = a.substring(0, cut);
        a = a.toLowerCase(Locale.ROOT);
        if (a.endsWith("/index.html")) a = a.substring(0, a.length() - "index.html".length());
        else if (a.endsWith(".html")) a = a.substring(0, a.length() - ".html".length());
        while (a.endsWith("/") && a.length() > 1) a = a.substring(0, a.length() - 1);
        return a.startsWith("/") ? a : "/" + a;
    }

    static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** The link from the file {@code from} to the file {@code to}, both relative to the content folder. */
    static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) common++;
        StringBuilder out = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) out.append("../");
        for (int i = common; i < b.length; i++) {
            out.append(b[i]);
            if (i < b.length - 1) out.append('/');
        }
        return out.toString();
    }

    /**
     * {@code path} resolved against the folder {@code dir} (both with '/', from the same root), or null
     * when it climbs above the root.
     */
    static String resolve(String dir, String path) {
        List<String> parts = new ArrayList<>();
        if (!path.startsWith("/") && !dir.isEmpty()) parts.addAll(List.of(dir.split("/")));
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** The folder of a path with '/' ("" at the root). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** A file or folder name under static/: letters, digits, '-', '_' and '.', never only dots. */
    static String staticName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            out.appendCodePoint(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '-');
            i += Character.charCount(c);
        }
        String s = out.toString();
        return s.replace(".", "").isEmpty() ? "file" : s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
