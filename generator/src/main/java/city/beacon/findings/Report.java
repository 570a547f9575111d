package city.beacon.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints findings, sorted by file, line and column, in one of three forms: {@link #text} for
 * an editor, {@link #json} for bots, {@link #github} for annotations on a pull request.
 */
public final class Report {
    public enum Format { TEXT, JSON, GITHUB }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    public static void print(Format format, Problems problems, PrintStream out) {
        print(format, problems, out, false);
    }

    /** {@code debug}: text findings carry their debug detail (such as the YAML parser's own words). */
    public static void print(Format format, Problems problems, PrintStream out, boolean debug) {
        print(format, problems, out, debug, Messages.english());
    }

    /** JSON stays English whatever {@code messages} is: tools match its messages, and its shape is a contract. */
    public static void print(Format format, Problems problems, PrintStream out, boolean debug, Messages messages) {
        switch (format) {
            case TEXT -> text(problems, out, debug, DEFAULT_MAX_FINDINGS, messages);
            case JSON -> json(problems, out);
            case GITHUB -> github(problems, out, messages);
        }
    }

    /** How many findings text output shows by default: about a screenful. */
    public static final int DEFAULT_MAX_FINDINGS = 40;

    /** Up to this many examples of each kind when the findings are grouped. */
    static final int EXAMPLES = 3;

    /** {@link #text(Problems, PrintStream, boolean, int)} with the default limit, without debug detail. */
    public static void text(Problems problems, PrintStream out) {
        text(problems, out, false);
    }

    public static void text(Problems problems, PrintStream out, boolean debug) {
        text(problems, out, debug, DEFAULT_MAX_FINDINGS);
    }

    /**
     * Up to {@code maxFindings} findings: one line each, sorted by file, then the count; when
     * there are more, grouped by kind ({@link FindingKinds}), each kind a line with its count
     * followed by its first few findings (in the one-line form, which editors' tools match), then
     * the count, how many were shown and where the rest are. Nothing at all when there are none.
     */
    public static void text(Problems problems, PrintStream out, boolean debug, int maxFindings) {
        text(problems, out, debug, maxFindings, Messages.english());
    }

    /** {@link #text(Problems, PrintStream, boolean, int)} with each finding's words in {@code messages}' language. */
    public static void text(Problems problems, PrintStream out, boolean debug, int maxFindings, Messages messages) {
        List<Problem> sorted = problems.sorted();
        if (sorted.isEmpty()) return;
        if (sorted.size() <= maxFindings) {
            for (Problem problem : sorted) out.println(escape(messages.format(problem, debug)));
            out.println(count(problems));
            return;
        }
        List<FindingKinds.Kind> kinds = FindingKinds.of(sorted);
        int shown = 0;
        int kindsShown = 0;
        for (FindingKinds.Kind kind : kinds) {
            int examples = Math.min(Math.min(EXAMPLES, kind.findings().size()), maxFindings - shown);
            if (examples <= 0 && kindsShown > 0) break;
            examples = Math.max(examples, 1);
            out.println(escape(kind.count() + ": " + kind.pattern()
                    + (examples < kind.findings().size() ? "; the first " + examples + ":" : "")));
            for (Problem problem : kind.findings().subList(0, examples)) out.println(escape(messages.format(problem, debug)));
            shown += examples;
            kindsShown++;
        }
        if (kindsShown < kinds.size()) {
            int rest = kinds.subList(kindsShown, kinds.size()).stream().mapToInt(k -> k.findings().size()).sum();
            out.println("and " + count(kinds.size() - kindsShown, "more kind") + " (" + count(rest, "finding") + ")");
        }
        out.println(count(problems) + " (" + count(kinds.size(), "kind") + "); " + shown + " of " + sorted.size()
                + " shown (--max-findings " + maxFindings + "); beacon check --format json lists every one");
    }

    /** {@code {"findings":[{"severity","file","line","column","field","message","suggestion"}], "errors":N, "warnings":N}}. */
    public static void json(Problems problems, PrintStream out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Problem p : problems.sorted()) {
            ObjectNode f = findings.addObject();
            f.put("severity", p.severity().label());
            f.put("file", p.file());
            f.put("line", p.line());
            f.put("column", p.column());
            f.put("field", p.field());
            f.put("message", p.plainMessage());
            f.put("suggestion", p.suggestion());
        }
        root.put("errors", problems.errorCount());
        root.put("warnings", problems.warningCount());
        out.println(root.toPrettyString());
    }

    /**
     * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=...::message}),
     * which GitHub shows as annotations on the lines of a pull request.
     */
    public static void github(Problems problems, PrintStream out) {
        github(problems, out, Messages.english());
    }

    /** {@link #github(Problems, PrintStream)} with the messages, suggestions and titles in {@code messages}' language. */
    public static void github(Problems problems, PrintStream out, Messages messages) {
        for (Problem p : problems.sorted()) {
            StringBuilder line = new StringBuilder("::").append(p.severity().label()).append(" file=").append(property(p.file()));
            if (p.line() > 0) line.append(",line=").append(p.line());
            if (p.column() > 0) line.append(",col=").append(p.column());
            String title = p.field() == null || p.field().isEmpty() ? "beacon check" : messages.translate("field '" + p.field() + "'");
            line.append(",title=").append(property(title)).append("::");
            String message = messages.translate(p.plainMessage())
                    + (p.suggestion() == null || p.suggestion().isEmpty() ? "" : "; " + messages.translate(p.suggestion()));
            out.println(line.append(data(message)));
        }
        out.println(count(problems));
    }

    public static String count(Problems problems) {
        return count(problems.errorCount(), "error") + ", " + count(problems.warningCount(), "warning");
    }

    /** "1 error", "3 errors": {@code noun} with an s unless there is one. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} safe to print on a terminal as one line: control characters (line breaks and
     * escape sequences among them), the bidirectional controls and the line separators are written
     * as a backslash and n, t, r, or u and the code ({@code \\u001B}), so that no text from the content can
     * clear the screen, recolour it, or print a line that looks like another finding.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c >= 0x200E && c <= 0x200F
                    || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (!unsafe) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Escapes the message of a workflow command (GitHub's toCommandValue rules). */
    static String data(String text) {
        return escape(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** Escapes a property value of a workflow command: also ':' and ','. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
