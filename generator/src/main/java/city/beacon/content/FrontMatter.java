package city.beacon.content;

import city.beacon.findings.Problems;

import java.util.Optional;

/**
 * A page file split into its YAML front matter and its Markdown body, with the line each
 * starts on so that findings in either point at the right line of the file.
 */
public record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

    public static Optional<FrontMatter> split(String text, String display, Problems problems) {
        if (text.isBlank()) {
            problems.error(display, 1, 1, null, "the file is empty",
                    "start it with front matter: a line '---', fields such as 'title: ...', and another '---'");
            return Optional.empty();
        }
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
}
