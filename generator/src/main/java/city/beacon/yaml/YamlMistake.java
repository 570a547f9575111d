package city.beacon.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML syntax error told in an editor's words: what is wrong, on which line, and what to
 * write instead. The parser's own words ("expected &lt;block end&gt;, but found ...") are for
 * {@code --debug} only.
 */
record YamlMistake(int line, int column, String message, String suggestion) {
    private static final String GENERIC_HINT = "check the indentation and that text containing ':' or '#' is in quotes";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    /** {@code yaml} is the text parsed, starting on the file's line {@code firstLine}. */
    static YamlMistake explain(StreamReadException e, String yaml, int firstLine) {
        String[] lines = yaml.split("\n", -1);
        JsonLocation at = e.getLocation();
        int line = at == null ? firstLine : firstLine + Math.max(0, at.getLineNr() - 1);
        int column = at == null ? 0 : at.getColumnNr();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            int second = line - firstLine;
            int first = firstWritten(lines, second, duplicate.group(1));
            String where = first >= 0 ? ", on lines " + (firstLine + first) + " and " + line
                    : second >= 0 && second < lines.length && lines[second].split(Pattern.quote(duplicate.group(1)) + "\\s*:", -1).length > 2
                    ? ", both on line " + line : "";
            return new YamlMistake(line, indent(lines, second) + 1, "the field '" + duplicate.group(1) + "' is written twice" + where,
                    "keep one of them");
        }
        if (!(e.getCause() instanceof MarkedYAMLException marked) || marked.getProblem() == null || marked.getProblemMark() == null) {
            return new YamlMistake(line, column, "the YAML cannot be read here", GENERIC_HINT);
        }
        Mark problemMark = marked.getProblemMark();
        int index = problemMark.getLine();
        line = firstLine + index;
        column = problemMark.getColumn() + 1;
        String problem = marked.getProblem();
        Mark contextMark = marked.getContextMark();
        String context = String.valueOf(marked.getContext());

        if (problem.startsWith("mapping values are not allowed")) {
            int above = previousFieldLine(lines, index);
            if (above >= 0 && indent(lines, index) > indent(lines, above)) {
                return new YamlMistake(line, indent(lines, index) + 1,
                        "this line is indented more than the field above it; fields of one page start at the same column",
                        "remove the spaces before '" + key(lines, index) + ":'");
            }
            return new YamlMistake(line, column,
                    "this text contains ': ', which YAML reads as the start of another field",
                    "put the whole text in double quotes, like title: \"Увага: текст\"");
        }
        if (problem.startsWith("expected <block end>, but found '<block mapping start>'")) {
            int above = previousFieldLine(lines, index);
            boolean deeper = above >= 0 && indent(lines, index) > indent(lines, above);
            return new YamlMistake(line, indent(lines, index) + 1,
                    (deeper ? "this line is indented more than the field above it"
                            : "this line is indented less than the field above it, but not as far as any field before it")
                            + "; fields of one group start at the same column",
                    "line '" + key(lines, index) + ":' up with the fields it belongs with");
        }
        if (problem.startsWith("expected <block end>, but found '-'")) {
            return new YamlMistake(line, column, "a list item ('- ') stands where a field was expected",
                    "write the list under its field, indented: 'tags:' and then '  - item' on the next lines");
        }
        if (problem.startsWith("expected <block end>, but found '<scalar>'")) {
            return new YamlMistake(line, column, "more text follows the closing quote of a quoted text",
                    "inside '...' write an apostrophe as '' (two of them), or put the whole text in double quotes");
        }
        if (problem.startsWith("expected <block end>, but found '?'")) {
            return new YamlMistake(line, column, "this line is neither a list item ('- ') like the lines above it nor a field of the page",
                    "start it with '- ', or remove the spaces before it");
        }
        if (problem.contains("unexpected end of stream") && context.contains("quoted scalar") && contextMark != null) {
            char quote = lines[Math.min(contextMark.getLine(), lines.length - 1)].charAt(contextMark.getColumn());
            return new YamlMistake(firstLine + contextMark.getLine(), contextMark.getColumn() + 1,
                    "the quoted text that starts here is never closed", "add the closing " + quote + " at the end of the text");
        }
        if ((problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) && contextMark != null) {
            boolean list = problem.contains("]");
            return new YamlMistake(line, column, (list ? "the list in [ ]" : "the group in { }") + " that starts on line "
                    + (firstLine + contextMark.getLine()) + " is not closed",
                    "add '" + (list ? "]" : "}") + "' after its last item (and put items containing ':' in double quotes)");
        }
        Matcher character = Pattern.compile("found character '(.)' that cannot start any token").matcher(problem);
        if (character.find()) {
            return new YamlMistake(line, column, "a text cannot start with '" + character.group(1) + "' unless it is in quotes",
                    "put the whole text in double quotes");
        }
        return new YamlMistake(line, column, "the YAML cannot be read here", GENERIC_HINT);
    }

    /** The line above {@code second} where field {@code key} of the same group is first written, or -1. */
    private static int firstWritten(String[] lines, int second, String key) {
        int found = -1;
        int column = indent(lines, second);
        for (int i = second - 1; i >= 0; i--) {
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            int at = indent(lines, i);
            if (at == column && key(lines, i).replaceFirst("^-\\s+", "").equals(key)) found = i;
            boolean startsItem = lines[i].stripLeading().startsWith("- ");
            if (at < column || at == column && startsItem) break; // the group starts here
        }
        return found;
    }

    /** The nearest line above {@code index} that is neither blank nor a comment, or -1. */
    private static int previousFieldLine(String[] lines, int index) {
        for (int i = Math.min(index, lines.length) - 1; i >= 0; i--) {
            String text = lines[i].strip();
            if (!text.isEmpty() && !text.startsWith("#")) return i;
        }
        return -1;
    }

    private static int indent(String[] lines, int index) {
        if (index < 0 || index >= lines.length) return 0;
        String text = lines[index];
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) i++;
        return i;
    }

    /** The field name the line starts with, as the editor wrote it. */
    private static String key(String[] lines, int index) {
        if (index < 0 || index >= lines.length) return "";
        String text = lines[index].strip();
        int colon = text.indexOf(':');
        return (colon < 0 ? text : text.substring(0, colon)).strip();
    }
}
