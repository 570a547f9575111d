package city.beacon.markdown;

import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.ShortcodePolicy;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes ({@code {{< note >}}...{{< /note >}}}, {@code {{% youtube id %}}}) left in a
 * page's text, before it is rendered: a shortcode whose name {@code site.yaml} gives a policy is
 * unwrapped (its tags removed, the Markdown between them kept), dropped (with the text between
 * its tags, one warning per page) or written with the theme's template (a token stands in its
 * place, which the Markdown stage replaces); any other is a finding at its line and column, an error (a
 * warning under {@code beacon check --migrate}), and is left as written. Shortcodes in code
 * (fenced or indented blocks, inline code) are the editor's text: commonmark tells code from text.
 * What is removed leaves its line breaks, so every later finding keeps the line of the file.
 */
public final class Shortcodes {
    /** No policies, and shortcodes are errors: what a renderer without site.yaml's settings does. */
    public static final Shortcodes NONE = new Shortcodes(Map.of(), false);

    /**
     * A tag: {@code {{<} or {@code {{%}, an optional '/', the name, its arguments, an optional '/', and
     * {@code >}}} or {@code %}}}. Arguments hold no braces, which also bounds the search for the end.
     */
    public static final Pattern TAG = Pattern.compile("\\{\\{([<%])\\s*(/)?\\s*([\\p{L}\\p{N}_][\\p{L}\\p{N}_./-]*)([^{}]*?)(/)?\\s*([>%])}}");
    /**
     * Jekyll's Liquid: a tag {@code {% name ... %}} (group 1) or an expression
     * {@code {{ name.path | filter }}} (group 2). Not Hugo's {@code {{% ... %}}} or {@code {{< ... >}}}:
     * a Liquid tag has a single brace before it, an expression a name right after its braces.
     */
    public static final Pattern LIQUID = Pattern.compile(
            "(?<!\\{)\\{%-?\\s*([A-Za-z_]\\w*)[^{}]*?-?%}(?!})|\\{\\{-?\\s*([A-Za-z_][\\w.]*)[^{}<>%]*?-?}}");
    /** The core CommonMark grammar is all it takes to tell code from text; nothing is rendered. */
    private static final Parser CODE_FINDER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private final Map<String, ShortcodePolicy> policies;
    /** The theme's shortcode templates by name; null when they are not known here (then a templated shortcode is unwrapped, unreported). */
    private final Map<String, String> templates;
    private final boolean migrate;

    /** {@code migrate}: a shortcode without a policy is a warning, not an error ({@code beacon check --migrate}). */
    public Shortcodes(Map<String, ShortcodePolicy> policies, boolean migrate) {
        this(policies, null, migrate);
    }

    /** {@code templates}: the theme's {@code shortcodes/<name>.html} by name (null: not known to this stage, see above). */
    public Shortcodes(Map<String, ShortcodePolicy> policies, Map<String, String> templates, boolean migrate) {
        this.policies = Map.copyOf(policies);
        this.templates = templates == null ? null : Map.copyOf(templates);
        this.migrate = migrate;
    }

    /**
     * A shortcode written with a template: in the text to render, {@code token} stands where it was
     * (its line breaks kept after it); {@code inner} is its Markdown between the tags, from the line
     * {@code innerLine} of the body; {@code html} the template.
     */
    public record Templated(String token, String html, Map<String, String> arguments, String inner, int innerLine) {
        /** The template filled: {@code innerHtml} (rendered, trusted) for {@code {{inner}}}, the arguments ({@link #arguments(String)}) escaped. */
        public String fill(String innerHtml) {
            Matcher m = PLACEHOLDER.matcher(html);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value = key.equals("inner") ? innerHtml : escape(arguments.getOrDefault(key.toLowerCase(java.util.Locale.ROOT), ""));
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** What to render: the text, and the shortcodes written with templates (their tokens in it). */
    public record Applied(String text, List<Templated> templated, Columns columns) {
    }

    /**
     * Where a column of the text to render is in the page as written: the text lacks the tags of the
     * shortcodes it unwrapped or dropped (their line breaks are kept), so a finding after one on the
     * same line would name a column too far left. {@code anchors}: each place where the text resumes
     * the page after a removal, as [offset in the text, offset in the page].
     */
    record Columns(LineIndex text, LineIndex page, List<int[]> anchors) {
        static final Columns SAME = new Columns(null, null, List.of());

        /** The column in the page of {@code column} (from 1) on the line {@code lineIndex} (from 0) of the text. */
        int of(int lineIndex, int column) {
            if (anchors.isEmpty() || column <= 0 || lineIndex >= text.starts.size()) return column;
            int offset = text.starts.get(lineIndex) + column - 1;
            int[] anchor = null;
            for (int[] a : anchors) if (a[0] <= offset) anchor = a;
            return anchor == null ? column : page.column(anchor[1] + offset - anchor[0]);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_-]+)\\s*}}");
    /** An argument: {@code name="value"} (with {@code \\"} inside), {@code name='value'}, {@code name=value}, or the value alone. */
    private static final Pattern ARGUMENT = Pattern.compile("(?:([\\w-]+)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|(\\S+))");

    /**
     * A shortcode's arguments as written after its name ({@link #TAG}'s fourth group): positional
     * ones under "0", "1"..., named ones under their name in lower case.
     */
    public static Map<String, String> arguments(String text) {
        Map<String, String> arguments = new LinkedHashMap<>();
        Matcher m = ARGUMENT.matcher(text);
        int position = 0;
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3) != null ? m.group(3)
                    : m.group(4) != null ? m.group(4) : m.group(5);
            if (m.group(1) != null) arguments.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
            else arguments.put(Integer.toString(position++), value);
        }
        return arguments;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** One shortcode as written: its opening tag and, when it has one, its closing tag (null for {@code {{< youtube id >}}}). */
    record Shortcode(Tag opening, Tag closing) {
        /** The tag that names it: the opening one, or a closing one without its opening. */
        Tag named() {
            return opening != null ? opening : closing;
        }

        int start() {
            return named().start();
        }

        int end() {
            return closing == null ? opening.end : closing.end;
        }
    }

    /** A tag at {@code start} to {@code end} of the text; {@code percent}: written {@code {{% ... %}}}. */
    record Tag(String name, boolean closing, boolean percent, int start, int end, String arguments) {
        /** How findings name it: {@code {{< note >}}}, {@code {{% /note %}}}. */
        String shown() {
            return (percent ? "{{% " : "{{< ") + (closing ? "/" : "") + name + (percent ? " %}}" : " >}}");
        }
    }

    /** The text with the policies applied, and the shortcodes left in it. */
    record Result(String text, List<Shortcode> left, Map<String, List<Shortcode>> dropped, List<Templated> templated,
                  List<Shortcode> withoutTemplate, List<int[]> templatedRanges, List<int[]> anchors) {
        Result(String text, List<Shortcode> left, Map<String, List<Shortcode>> dropped, List<int[]> anchors) {
            this(text, left, dropped, List.of(), List.of(), List.of(), anchors);
        }

        Columns columns(String page) {
            return anchors.isEmpty() ? Columns.SAME : new Columns(new LineIndex(text), new LineIndex(page), anchors);
        }
    }

    /** Whether {@code text} (raw HTML, an address) holds a shortcode's tag or Liquid: reported as such, not checked as HTML or a link. */
    static boolean holdsOne(String text) {
        return (text.contains("{{") || text.contains("{%")) && (TAG.matcher(text).find() || LIQUID.matcher(text).find());
    }

    /** {@code body} with the shortcodes that {@code policies} name unwrapped or dropped (pure: for tests and tools). */
    public static String applied(String body, Map<String, ShortcodePolicy> policies) {
        return rewrite(body, policies, null).text();
    }

    /**
     * The text of {@code page} to render: the policies applied, each shortcode left reported at its
     * place in the file; the shortcodes written with templates stand as tokens in it, for the
     * Markdown stage to replace with their templates once it has rendered their inner Markdown.
     */
    public Applied apply(Page page, Problems problems) {
        Result result = rewrite(page.body(), policies, templates);
        reportLiquid(page, result.templatedRanges(), problems);
        if (result.left().isEmpty() && result.dropped().isEmpty() && result.withoutTemplate().isEmpty()) {
            return new Applied(result.text(), result.templated(), result.columns(page.body()));
        }
        LineIndex lines = new LineIndex(page.body());
        String file = page.source().display();
        for (Shortcode missing : result.withoutTemplate()) {
            Tag tag = missing.named();
            problems.error(file, page.bodyLine() + lines.line(tag.start()), lines.column(tag.start()), null,
                    "site.yaml says to write " + tag.shown() + " with the theme's templates/shortcodes/" + tag.name()
                            + ".html, which the theme does not have",
                    "add templates/shortcodes/" + tag.name() + ".html to the theme (its Markdown goes where it says {{inner}}), "
                            + "or write 'shortcodes: {" + tag.name() + ": unwrap}' in site.yaml");
        }
        for (Shortcode left : result.left()) {
            Tag tag = left.named();
            String message = "the Hugo shortcode " + tag.shown() + " is not Beacon Markdown: residents would see it as text";
            String suggestion = insteadOf(tag.name()) + " (or say in site.yaml what to do with it: 'shortcodes: {" + tag.name()
                    + ": unwrap}' keeps the text between its tags, 'drop' removes it)";
            int line = page.bodyLine() + lines.line(tag.start());
            int column = lines.column(tag.start());
            left(problems, file, line, column, message, suggestion);
        }
        result.dropped().forEach((name, dropped) -> {
            Tag first = dropped.get(0).opening();
            problems.warning(file, page.bodyLine() + lines.line(first.start()), lines.column(first.start()), null,
                    (dropped.size() == 1 ? "a Hugo shortcode " + first.shown() + " was" : dropped.size() + " Hugo shortcodes " + first.shown() + " were")
                            + " removed from this page, as site.yaml says ('shortcodes: {" + name + ": drop}')",
                    "write what residents need of them in Markdown, or leave it");
        });
        return new Applied(result.text(), result.templated(), result.columns(page.body()));
    }

    /**
     * Reports each Liquid tag or expression of Jekyll left in the text of {@code page}, outside code,
     * at its place: an error (a warning under {@code --migrate}). No policy applies to them.
     */
    private void reportLiquid(Page page, List<int[]> templated, Problems problems) {
        String body = page.body();
        if (!body.contains("{%") && !body.contains("{{")) return; // nearly every page
        Matcher m = LIQUID.matcher(body);
        if (!m.find()) return;
        List<int[]> code = new ArrayList<>(codeRanges(body));
        code.addAll(templated); // reported when their inner Markdown is rendered
        LineIndex lines = new LineIndex(body);
        String file = page.source().display();
        do {
            int start = m.start();
            if (code.stream().anyMatch(r -> r[0] <= start && start < r[1])) continue;
            boolean tag = m.group(1) != null;
            String name = tag ? m.group(1) : m.group(2);
            String message = "the Jekyll (Liquid) " + (tag ? "tag {% " + name + " %}" : "expression {{ " + name + " }}")
                    + " is not Beacon Markdown: residents would see it as text";
            String suggestion = liquidInsteadOf(name);
            int line = page.bodyLine() + lines.line(start);
            int column = lines.column(start);
            left(problems, file, line, column, message, suggestion);
        } while (m.find());
    }

    /** A shortcode or Liquid left in a page: an error, or a warning under {@code --migrate}. */
    private void left(Problems problems, String file, int line, int column, String message, String suggestion) {
        if (migrate) problems.warning(file, line, column, null, message, suggestion);
        else problems.error(file, line, column, null, message, suggestion);
    }

    /** What to write instead of the Liquid tag or expression named {@code name}. */
    static String liquidInsteadOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("include") || lower.equals("include_relative")) return "copy what it includes into the page, in Markdown";
        if (lower.equals("raw") || lower.equals("endraw")) return "remove it: Beacon shows the text between '{% raw %}' and '{% endraw %}' as written";
        if (lower.equals("link") || lower.equals("post_url") || lower.endsWith("url")) {
            return "write a link to the page's .md file, relative to this one: [text](../poslugy/forma.md)";
        }
        return "write it in Markdown";
    }

    /** What to write instead of a shortcode named {@code name}, for the common ones of Hugo's themes. */
    static String insteadOf(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "note", "tip", "info", "hint", "notice", "callout", "admonition", "alert", "important" ->
                    "write a quote instead: '> **Note:** ...'";
            case "warning", "caution", "danger" -> "write a quote instead: '> **Warning:** ...'";
            case "figure", "img", "image" -> "write an image instead: ![what it shows](map.png)";
            case "ref", "relref" -> "write a link to the page's .md file, relative to this one, instead: [text](../poslugy/forma.md)";
            case "youtube" -> "write a plain link instead: [Watch the video](https://www.youtube.com/watch?v=...)";
            case "vimeo" -> "write a plain link instead: [Watch the video](https://vimeo.com/...)";
            default -> "write it in Markdown";
        };
    }

    /** Pure: the policies applied to {@code body}, and what is left; tags in code are not looked at. */
    static Result rewrite(String body, Map<String, ShortcodePolicy> policies, Map<String, String> templates) {
        if (!body.contains("{{<") && !body.contains("{{%")) return new Result(body, List.of(), Map.of(), List.of()); // nearly every page
        List<Shortcode> shortcodes = pair(tags(body));
        List<int[]> removed = new ArrayList<>(); // [start, end) of the text each policy removes
        List<Shortcode> drops = new ArrayList<>();
        List<Shortcode> templatedShortcodes = new ArrayList<>();
        List<Shortcode> withoutTemplate = new ArrayList<>();
        for (Shortcode shortcode : shortcodes) {
            ShortcodePolicy policy = policies.get(shortcode.named().name());
            if (policy == ShortcodePolicy.DROP && shortcode.opening() != null) {
                drops.add(shortcode);
            } else if (policy == ShortcodePolicy.TEMPLATE && templates != null && shortcode.opening() != null) {
                if (templates.containsKey(shortcode.named().name())) templatedShortcodes.add(shortcode);
                else withoutTemplate.add(shortcode);
            } else if (policy != null) { // unwrap; a closing tag without its opening is removed either way
                if (shortcode.opening() != null) removed.add(new int[]{shortcode.opening().start(), shortcode.opening().end()});
                if (shortcode.closing() != null) removed.add(new int[]{shortcode.closing().start(), shortcode.closing().end()});
            }
        }
        // What is inside a dropped shortcode goes with it: it is neither rewritten nor reported. What is
        // inside one written with a template is rewritten and reported when its inner Markdown is rendered.
        List<int[]> enclosing = new ArrayList<>();
        drops.forEach(d -> enclosing.add(new int[]{d.start(), d.end()}));
        templatedShortcodes.forEach(t -> enclosing.add(new int[]{t.start(), t.end()}));
        java.util.function.IntPredicate inside = at -> enclosing.stream().anyMatch(r -> r[0] < at && at < r[1]);
        List<Shortcode> left = shortcodes.stream()
                .filter(s -> policies.get(s.named().name()) == null && !inside.test(s.start())).toList();
        Map<String, List<Shortcode>> droppedByName = new LinkedHashMap<>();
        for (Shortcode drop : drops) {
            if (inside.test(drop.start())) continue;
            droppedByName.computeIfAbsent(drop.named().name(), n -> new ArrayList<>()).add(drop);
            removed.add(new int[]{drop.start(), drop.end()});
        }
        withoutTemplate.removeIf(s -> inside.test(s.start()));
        for (Shortcode missing : withoutTemplate) { // reported, and unwrapped meanwhile
            removed.add(new int[]{missing.opening().start(), missing.opening().end()});
            if (missing.closing() != null) removed.add(new int[]{missing.closing().start(), missing.closing().end()});
        }
        String prefix = tokenPrefix(body);
        List<Templated> templated = new ArrayList<>();
        Map<Integer, String> tokens = new java.util.HashMap<>();
        List<int[]> templatedRanges = new ArrayList<>();
        LineIndex lines = templatedShortcodes.isEmpty() ? null : new LineIndex(body);
        for (Shortcode t : templatedShortcodes) {
            if (inside.test(t.start())) continue;
            String token = prefix + templated.size() + "Z";
            Tag opening = t.opening();
            String inner = t.closing() == null ? "" : body.substring(opening.end(), t.closing().start());
            templated.add(new Templated(token, templates.get(opening.name()), Map.copyOf(arguments(opening.arguments())), inner,
                    lines.line(opening.end())));
            tokens.put(t.start(), token);
            removed.add(new int[]{t.start(), t.end()});
            templatedRanges.add(new int[]{t.start(), t.end()});
        }
        removed.removeIf(r -> inside.test(r[0]));
        if (removed.isEmpty()) return new Result(body, left, droppedByName, templated, withoutTemplate, templatedRanges, List.of());
        removed.sort(java.util.Comparator.comparingInt(r -> r[0]));
        StringBuilder text = new StringBuilder(body.length());
        List<int[]> anchors = new ArrayList<>();
        int at = 0; // how far body is copied
        for (int[] range : removed) {
            text.append(body, at, range[0]).append(tokens.getOrDefault(range[0], "")).append(lineBreaks(body, range[0], range[1]));
            at = range[1];
            anchors.add(new int[]{text.length(), at});
        }
        text.append(body, at, body.length());
        return new Result(text.toString(), left, droppedByName, templated, withoutTemplate, templatedRanges, List.copyOf(anchors));
    }

    /** A prefix of tokens that {@code body} does not hold: letters and digits only, which Markdown leaves as they are. */
    private static String tokenPrefix(String body) {
        int n = 0;
        while (body.contains("BEACONSC" + n + "N")) n++;
        return "BEACONSC" + n + "N";
    }

    /** The line breaks of {@code body} between {@code start} and {@code end}: what removing it leaves. */
    private static String lineBreaks(String body, int start, int end) {
        return "\n".repeat((int) body.substring(start, end).chars().filter(c -> c == '\n').count());
    }

    /** Every tag outside code, in order. */
    private static List<Tag> tags(String body) {
        List<int[]> code = codeRanges(body);
        List<Tag> tags = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        int next = 0; // the first code range that may still hold a tag
        while (m.find()) {
            while (next < code.size() && code.get(next)[1] <= m.start()) next++;
            if (next < code.size() && code.get(next)[0] <= m.start()) continue;
            tags.add(new Tag(m.group(3), m.group(2) != null, m.group(1).equals("%"), m.start(), m.end(), m.group(4)));
        }
        return tags;
    }

    /**
     * Each opening tag with its closing one ({@code {{< /note >}}} closes the nearest open
     * {@code note}); an opening without a closing stands alone, as does a closing without its
     * opening. In the order they start, except that the closing of a pair follows its opening.
     */
    private static List<Shortcode> pair(List<Tag> tags) {
        Deque<Tag> open = new ArrayDeque<>();
        Map<Tag, Tag> closedBy = new java.util.HashMap<>();
        List<Tag> lone = new ArrayList<>();
        for (Tag tag : tags) {
            if (!tag.closing()) {
                open.push(tag);
                continue;
            }
            Tag opening = open.stream().filter(t -> t.name().equals(tag.name())).findFirst().orElse(null);
            if (opening == null) {
                lone.add(tag);
                continue;
            }
            while (open.peek() != opening) open.pop(); // those opened inside it and never closed stand alone
            open.pop();
            closedBy.put(opening, tag);
        }
        List<Shortcode> shortcodes = new ArrayList<>();
        for (Tag tag : tags) {
            if (!tag.closing()) shortcodes.add(new Shortcode(tag, closedBy.get(tag)));
            else if (lone.contains(tag)) shortcodes.add(new Shortcode(null, tag));
        }
        return shortcodes;
    }

    /** The ranges [start, end) of {@code body} that are code, in order. */
    private static List<int[]> codeRanges(String body) {
        List<int[]> ranges = new ArrayList<>();
        CODE_FINDER.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                add(block);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                add(block);
            }

            @Override
            public void visit(Code code) {
                add(code);
            }

            private void add(Node node) {
                for (SourceSpan span : node.getSourceSpans()) {
                    ranges.add(new int[]{span.getInputIndex(), span.getInputIndex() + span.getLength()});
                }
            }
        });
        ranges.sort(java.util.Comparator.comparingInt(r -> r[0]));
        return ranges;
    }

    /** Line (from 0) and column (from 1) of an offset of a text. */
    static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        }

        int line(int offset) {
            int found = java.util.Collections.binarySearch(starts, offset);
            return found >= 0 ? found : -found - 2;
        }

        int column(int offset) {
            return offset - starts.get(line(offset)) + 1;
        }
    }
}
