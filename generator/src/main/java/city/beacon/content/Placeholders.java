package city.beacon.content;

import city.beacon.findings.Problems;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the placeholders {@code beacon new} writes ("TODO ..." in an English page, "ЗАПОВНІТЬ ..."
 * in a Ukrainian one) so that a page cannot be published half-filled: each one is a finding at its
 * line, naming the field it stands in. Both are found in any page, whatever its language.
 */
public final class Placeholders {
    public static final String MARK = "TODO";
    public static final String MARK_UK = "ЗАПОВНІТЬ";
    /** Either mark as a whole word: "TODOS" or "ЗАПОВНІТЬМО" are words of a text, not placeholders. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?:" + MARK + "|" + MARK_UK + ")(?![\\p{L}\\p{N}_])");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:-\\s+)?([A-Za-z_]+)\\s*:");

    private Placeholders() {
    }

    /** The placeholder {@code beacon new} writes in a page of {@code lang}. */
    public static String mark(String lang) {
        return "uk".equals(lang) ? MARK_UK : MARK;
    }

    /** Reports every placeholder in a page's text; returns how many there were. */
    public static int report(String text, String file, Problems problems) {
        if (!text.contains(MARK) && !text.contains(MARK_UK)) return 0; // nearly every page: no need to look at it line by line
        int found = 0;
        String[] lines = text.split("\n", -1);
        boolean inFrontMatter = lines.length > 0 && lines[0].strip().equals("---");
        String name = null; // the field a line belongs to: its own key, or the key above a list item
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && inFrontMatter && line.strip().equals("---")) {
                inFrontMatter = false;
                name = null;
                continue;
            }
            if (line.stripLeading().startsWith("#") && inFrontMatter) continue; // comments explain, they are not values
            Matcher field = FIELD.matcher(line);
            if (inFrontMatter && field.find()) name = field.group(1);
            Matcher placeholder = PLACEHOLDER.matcher(line);
            if (!placeholder.find()) continue;
            found++;
            problems.error(file, i + 1, placeholder.start() + 1, name,
                    "still holds a placeholder: " + line.strip(),
                    name == null ? "write the text of the page in place of the placeholder"
                            : "write the real value in place of '" + placeholder.group() + "...' (see docs/editor-guide.md)");
        }
        return found;
    }
}
