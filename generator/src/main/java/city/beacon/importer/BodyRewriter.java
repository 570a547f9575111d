package city.beacon.importer;

import city.beacon.markdown.Shortcodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an imported page: the common Hugo shortcodes become Markdown (a note or warning a
 * quote, {@code figure} an image, {@code ref}/{@code relref} a link to the page's {@code .md} file,
 * {@code youtube}/{@code vimeo} a plain link), links to addresses of the old site ({@code /foo/bar/})
 * become relative links to the page's {@code .md} file or to the copied file under {@code static/};
 * every other shortcode and Liquid tag is left and counted. Code (fenced blocks, {@code `inline`})
 * is kept as written, except that Hugo's escaped shortcodes (a comment mark inside the braces) are shown as
 * Hugo shows them.
 */
final class BodyRewriter {
    /** How the rewriter finds where an address or a source path went. */
    interface Targets {
        /** The imported file (relative to the content folder) the old site served at {@code address}. */
        Optional<String> byAddress(String address);

        /** The imported file made of the source file {@code path} (a page or a file), relative to {@code fromFile}'s folder or the content root. */
        Optional<String> bySource(SourceSite.Page from, String path);
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.+?)\\1");
    private static final Set<String> NOTES = Set.of("note", "tip", "info", "hint", "callout", "alert", "important", "notice",
            "admonition", "warning", "caution", "danger");
    private static final Pattern BLOCK = Pattern.compile("(?m)^[ \\t]*\\{\\{([<%])\\s*([A-Za-z]+)\\b([^{}]*?)\\s*[>%]}}[ \\t]*\\n"
            + "((?s:.*?))\\n?[ \\t]*\\{\\{[<%]\\s*/\\s*\\2\\s*[>%]}}[ \\t]*$");
    private static final Pattern LINK = Pattern.compile("(!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\()(<[^>\\n]*>|[^)\\s]+)");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^( {0,3}\\[[^\\]]+\\]:[ \\t]*)(\\S+)");
    private static final Pattern HTML_LINK = Pattern.compile("(\\s(?:href|src)\\s*=\\s*\")([^\"]*)(\")");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final SourceSite.Page page;
    private final String outputFile;
    private final Targets targets;
    private final ImportReport report;

    BodyRewriter(SourceSite.Page page, String outputFile, Targets targets, ImportReport report) {
        this.page = page;
        this.outputFile = outputFile;
        this.targets = targets;
        this.report = report;
    }

    String rewrite(String body, int firstLine) {
        List<String> lines = List.of(body.split("\n", -1));
        StringBuilder out = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        int proseLine = firstLine;
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String end = i < lines.size() - 1 ? "\n" : "";
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.find()) {
                out.append(prose(prose.toString(), proseLine));
                prose.setLength(0);
                fence = f.group(1);
                out.append(line).append(end);
            } else if (fence != null) {
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && line.strip().equals(f.group(1))) {
                    fence = null;
                    proseLine = firstLine + i + 1;
                }
                out.append(line).append(end);
            } else {
                prose.append(line).append(end);
            }
        }
        out.append(prose(prose.toString(), proseLine));
        return unescape(out.toString());
    }

    /** Hugo's way to write a shortcode as text: a comment mark inside the braces, which Hugo shows without it. */
    private static String unescape(String text) {
        return text.replace("{{</*", "{{<").replace("*/>}}", ">}}").replace("{{%/*", "{{%").replace("*/%}}", "%}}");
    }

    private String prose(String text, int firstLine) {
        if (text.isEmpty()) return text;
        String t = blocks(text);
        t = outsideCode(t, firstLine, this::inline);
        t = outsideCode(t, firstLine, this::links);
        countLiquid(t);
        return t;
    }

    /** Notes and warnings whose tags are on lines of their own become quotes; the closing tag's line is left empty. */
    private String blocks(String text) {
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (!NOTES.contains(name)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            report.shortcode(name, true);
            String args = m.group(3).toLowerCase(Locale.ROOT);
            boolean warning = Set.of("warning", "caution", "danger").contains(name) || args.contains("warning")
                    || args.contains("danger") || args.contains("caution");
            StringBuilder quote = new StringBuilder(warning ? "> **Warning:**" : "> **Note:**");
            for (String line : m.group(4).split("\n", -1)) quote.append('\n').append(line.isBlank() ? ">" : "> " + line);
            quote.append('\n');
            m.appendReplacement(out, Matcher.quoteReplacement(quote.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String inline(String text, int firstLine) {
        Matcher m = Shortcodes.TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(2) != null) { // a closing tag: its opening one was counted
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String name = m.group(3).toLowerCase(Locale.ROOT);
            Map<String, String> args = Shortcodes.arguments(m.group(4));
            int line = firstLine + lineOf(text, m.start());
            String replacement = switch (name) {
                case "ref", "relref" -> ref(args, line);
                case "figure", "img", "image" -> figure(args, line);
                case "youtube" -> video(args, "[Watch the video on YouTube](https://www.youtube.com/watch?v=%s)");
                case "vimeo" -> video(args, "[Watch the video on Vimeo](https://vimeo.com/%s)");
                default -> null;
            };
            report.shortcode(name, replacement != null);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String ref(Map<String, String> args, int line) {
        String path = args.getOrDefault("0", args.getOrDefault("path", ""));
        if (path.isEmpty()) return null;
        String fragment = "";
        int hash = path.indexOf('#');
        if (hash >= 0) {
            fragment = path.substring(hash);
            path = path.substring(0, hash);
        }
        if (path.isEmpty()) return fragment;
        Optional<String> target = targets.bySource(page, path);
        if (target.isEmpty()) {
            report.unresolved(page.file().relative(), line, path, "ref: no imported page is this file");
            return null;
        }
        return Paths.relative(outputFile, target.get()) + fragment;
    }

    private String figure(Map<String, String> args, int line) {
        String src = args.getOrDefault("src", args.get("0"));
        if (src == null) return null;
        String alt = args.getOrDefault("alt", args.getOrDefault("caption", args.getOrDefault("title", "")));
        String caption = args.getOrDefault("caption", args.getOrDefault("title", ""));
        String title = caption.isEmpty() || caption.equals(alt) ? "" : " \"" + caption.replace("\"", "'") + "\"";
        return "![" + alt.replace("]", ")").replace("[", "(") + "](" + link(src, line) + title + ")";
    }

    private static String video(Map<String, String> args, String format) {
        String id = args.getOrDefault("id", args.get("0"));
        return id == null ? null : String.format(format, id);
    }

    private String links(String text, int firstLine) {
        String t = replace(LINK, text, firstLine, (m, line) -> m.group(1) + link(m.group(2), line));
        t = replace(DEFINITION, t, firstLine, (m, line) -> m.group(1) + link(m.group(2), line));
        return replace(HTML_LINK, t, firstLine, (m, line) -> m.group(1) + link(m.group(2), line) + m.group(3));
    }

    private static String replace(Pattern pattern, String text, int firstLine, BiFunction<Matcher, Integer, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m, firstLine + lineOf(text, m.start()))));
        m.appendTail(out);
        return out.toString();
    }

    /** One link's new address: the relative link to the imported page or file, or the link as it was (reported when internal). */
    String link(String written, int line) {
        boolean angle = written.startsWith("<") && written.endsWith(">");
        String target = angle ? written.substring(1, written.length() - 1) : written;
        if (target.isEmpty() || target.startsWith("#") || target.startsWith("//") || SCHEME.matcher(target).find()
                || target.contains("{{") || target.contains("{%")) {
            return written;
        }
        int cut = Paths.indexOfAny(target, "#?");
        String path = cut < 0 ? target : target.substring(0, cut);
        String fragment = cut < 0 ? "" : target.substring(cut);
        if (fragment.startsWith("?")) fragment = fragment.contains("#") ? fragment.substring(fragment.indexOf('#')) : "";
        if (path.isEmpty()) return written;
        Optional<String> found;
        String decoded = decode(path);
        if (path.startsWith("/")) {
            found = targets.byAddress(decoded);
        } else {
            found = targets.bySource(page, decoded);
            if (found.isEmpty() && !decoded.endsWith(".md")) {
                // relative to the page's old address: its folder, or (pretty addresses, /a/b.html served as /a/b/) itself
                String base = page.oldAddresses().isEmpty() ? "/" : page.oldAddresses().get(0);
                for (String dir : base.endsWith("/") ? List.of(base) : List.of(Paths.parent(base) + "/", Paths.key(base) + "/")) {
                    String resolved = Paths.resolve(dir.substring(1), decoded);
                    if (found.isEmpty() && resolved != null) found = targets.byAddress("/" + resolved);
                }
            }
        }
        if (found.isEmpty()) {
            report.unresolved(page.file().relative(), line, target, path.startsWith("/")
                    ? "no imported page or file had this address" : "no imported page or file is there");
            return written;
        }
        String relative = Paths.relative(outputFile, found.get()) + fragment;
        return angle || relative.contains(" ") ? "<" + relative + ">" : relative;
    }

    private static String decode(String path) {
        if (!path.contains("%")) return path;
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private void countLiquid(String text) {
        String withoutCode = CODE_SPAN.matcher(text).replaceAll("");
        Matcher m = Shortcodes.LIQUID.matcher(withoutCode);
        while (m.find()) report.liquid(m.group(1) != null ? "{% " + m.group(1) + " %}" : "{{ " + m.group(2) + " }}");
    }

    /** Applies {@code change} to the parts of {@code text} outside inline code, each with the line it starts on. */
    private static String outsideCode(String text, int firstLine, BiFunction<String, Integer, String> change) {
        Matcher m = CODE_SPAN.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(change.apply(text.substring(last, m.start()), firstLine + lineOf(text, last))).append(m.group());
            last = m.end();
        }
        out.append(change.apply(text.substring(last), firstLine + lineOf(text, last)));
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int n = 0;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    /** The shortcodes named in a text, for tests. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = Shortcodes.TAG.matcher(text);
        while (m.find()) if (m.group(2) == null) names.add(m.group(3));
        return names;
    }
}
