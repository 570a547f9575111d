package city.beacon.content;

import city.beacon.findings.Problems;
import city.beacon.yaml.FieldReader;
import city.beacon.yaml.YamlDocument;

import java.util.Optional;

/**
 * A page file split into its YAML front matter and its Markdown body, with the line each
 * starts on so that findings in either point at the right line of the file.
 */
public record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

    /** A file's front matter, split from its text, and its fields read (a page's or a sub-section's _index.md). */
    public record Read(FrontMatter split, FieldReader fields) {
    }

    /** {@code text} split and its YAML read into fields; empty, with findings, when either fails. */
    public static Optional<Read> read(String text, String display, Problems problems) {
        Optional<FrontMatter> split = split(text, display, problems);
        if (split.isEmpty()) return Optional.empty();
        YamlDocument doc = YamlDocument.parse(split.get().yaml(), display, split.get().yamlLine(), problems);
        if (doc == null) return Optional.empty();
        FieldReader f = FieldReader.of(doc, display, problems);
        return f == null ? Optional.empty() : Optional.of(new Read(split.get(), f));
    }

    public static Optional<FrontMatter> split(String text, String display, Problems problems) {
        if (text.isBlank()) {
            problems.error(display, 1, 1, null, "the file is empty",
                    "start it with front matter: a line '---', fields such as 'title: ...', and another '---'");
            return Optional.empty();
        }
        if (!text.startsWith("---\n") && openedLate(text, display, problems)) return Optional.empty();
        if (!text.startsWith("---\n")) {
            problems.error(display, 1, 1, null, "the file does not start with front matter",
                    "put a line '---' first, then the fields (title: ...), then another '---' before the text");
            return Optional.empty();
        }
        int start = 4;
        int lineNo = 2;
        int pos = start;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatter(text.substring(start, pos), 2, body, lineNo + 1));
            }
            if (end < 0) break;
            pos = end + 1;
            lineNo++;
        }
        problems.error(display, 1, 1, null, "the front matter is not closed",
                "add a line '---' after the last field, before the text of the page");
        return Optional.empty();
    }

    /**
     * Reports a front matter whose opening '---' comes after blank lines, spaces or an invisible
     * byte order mark (which editors cannot see, so "put a line '---' first" would puzzle them).
     */
    private static boolean openedLate(String text, String display, Problems problems) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == ' ' || text.charAt(i) == '\t'
                || text.charAt(i) == '\r' || text.charAt(i) == '\uFEFF')) i++;
        if (!text.startsWith("---", i) || !(i + 3 == text.length() || text.charAt(i + 3) == '\n')) return false;
        String before = text.substring(0, i);
        long blankLines = before.chars().filter(c -> c == '\n').count();
        int lineStart = before.lastIndexOf('\n') + 1;
        java.util.List<String> what = new java.util.ArrayList<>();
        if (blankLines > 0) what.add(blankLines + " blank line" + (blankLines == 1 ? "" : "s"));
        if (before.substring(lineStart).replace("\uFEFF", "").length() > 0) what.add("spaces");
        if (before.indexOf('\uFEFF') >= 0) what.add("an invisible byte order mark (U+FEFF)");
        boolean one = what.size() == 1 && (blankLines == 1 || blankLines == 0);
        problems.error(display, (int) blankLines + 1, i - lineStart + 1, null,
                "the front matter's opening '---' must be the first line of the file, but " + String.join(" and ", what)
                        + (one ? " comes" : " come") + " before it", "remove what comes before '---'");
        return true;
    }
}
