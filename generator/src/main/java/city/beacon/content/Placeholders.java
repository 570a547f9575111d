package city.beacon.content;

import city.beacon.findings.Problems;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the placeholders {@code beacon new} writes ("TODO ..." in an English page, "ЗАПОВНІТЬ ..."
 * in a Ukrainian one) so that a page cannot be published half-filled: each one is a finding at its
 * line, naming the field it stands in. Both are found in any page, whatever its language. Only
 * where {@code beacon new} writes them: a front-matter value that starts with the mark
 * ({@code title: "TODO: ..."}, {@code category: TODO}, {@code tags: [TODO]}, {@code - "TODO: ..."}),
 * and a paragraph or heading of the text that starts with the mark and a colon
 * ({@code TODO: the text of the page}). The word anywhere else in a sentence, and anything in code
 * (fenced or indented blocks, inline code), is the editor's text.
 */
public final class Placeholders {
    public static final String MARK = "TODO";
    public static final String MARK_UK = "ЗАПОВНІТЬ";
    /** Either mark as a whole word: "TODOS" or "ЗАПОВНІТЬМО" are words of a text, not placeholders. */
    private static final String EITHER = "(?:" + MARK + "|" + MARK_UK + ")(?![\\p{L}\\p{N}_])";
    /** A value that starts with a mark: after the key, a list's dash, an opening quote or bracket. */
    private static final Pattern VALUE = Pattern.compile(
            "^\\s*(?:-\\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\\s*:\\s*)?(?:-\\s+)?[\"'\\[]?\\s*(" + EITHER + ")");
    /** A paragraph of the text that starts with a mark and a colon, as {@code beacon new} writes it. */
    private static final Pattern TEXT = Pattern.compile("^\\s*" + EITHER + "\\s*:");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:-\\s+)?([A-Za-z_]+)\\s*:");
    /** The core CommonMark grammar is all it takes to tell code from text; nothing is rendered. */
    private static final Parser TEXT_PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private Placeholders() {
    }

    /** The placeholder of each language that has its own; every other language's is {@link #MARK}. */
    private static final java.util.Map<String, String> MARKS = java.util.Map.of("uk", MARK_UK);

    /** The placeholder {@code beacon new} writes in a page of {@code lang}. */
    public static String mark(String lang) {
        return MARKS.getOrDefault(lang, MARK);
    }

    /** Reports every placeholder in a page's text; returns how many there were. */
    public static int report(String text, String file, Problems problems) {
        if (!text.contains(MARK) && !text.contains(MARK_UK)) return 0; // nearly every page: no need to look at it line by line
        int found = 0;
        String[] lines = text.split("\n", -1);
        boolean inFrontMatter = lines.length > 0 && lines[0].strip().equals("---");
        int bodyStart = inFrontMatter ? lines.length : 0; // the index of the text's first line
        String name = null; // the field a line belongs to: its own key, or the key above a list item
        for (int i = 1; inFrontMatter && i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equals("---")) {
                bodyStart = i + 1;
                break;
            }
            if (line.stripLeading().startsWith("#")) continue; // comments explain, they are not values
            Matcher field = FIELD.matcher(line);
            if (field.find()) name = field.group(1);
            Matcher placeholder = VALUE.matcher(line);
            if (!placeholder.find()) continue;
            found++;
            problems.error(file, i + 1, placeholder.start(1) + 1, name, "still holds a placeholder: " + line.strip(),
                    "write the real value in place of '" + placeholder.group(1) + "...' (see docs/editor-guide.md)");
        }
        if (bodyStart < lines.length) found += reportText(lines, bodyStart, file, problems);
        return found;
    }

    /** Reports each paragraph or heading of the text (from line index {@code start}) that starts with a mark. */
    private static int reportText(String[] lines, int start, String file, Problems problems) {
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, start, lines.length));
        if (!body.contains(MARK) && !body.contains(MARK_UK)) return 0;
        int[] found = {0};
        TEXT_PARSER.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                check(paragraph);
            }

            @Override
            public void visit(Heading heading) {
                check(heading);
            }

            private void check(Node block) {
                if (!(block.getFirstChild() instanceof Text first) || !TEXT.matcher(first.getLiteral()).find()
                        || block.getSourceSpans().isEmpty()) return;
                var span = block.getSourceSpans().get(0);
                found[0]++;
                problems.error(file, start + span.getLineIndex() + 1, span.getColumnIndex() + 1, null,
                        "still holds a placeholder: " + lines[start + span.getLineIndex()].strip(),
                        "write the text of the page in place of the placeholder");
            }
        });
        return found[0];
    }
}
