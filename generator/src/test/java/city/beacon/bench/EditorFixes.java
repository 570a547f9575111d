package city.beacon.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits an editor makes to an imported site so that it publishes, each a pure function of
 * the text it changes (used by {@link ImportFixes}, which finds where from {@code beacon check}).
 * Columns are 1-based, in the {@code char}s of the line, as Beacon's findings give them.
 */
public final class EditorFixes {
    private EditorFixes() {
    }

    /**
     * The line with the Markdown link that starts at {@code column} ({@code [text](target "title")},
     * {@code [text][ref]}, or an image {@code ![text](src)}) replaced by its text; empty when no
     * such link starts there (a link over several lines, an HTML {@code <a>}).
     */
    public static Optional<String> linkBecomesText(String line, int column) {
        int start = column - 1;
        if (start < 0 || start >= line.length()) return Optional.empty();
        int open = line.charAt(start) == '!' ? start + 1 : start;
        if (open >= line.length() || line.charAt(open) != '[') return Optional.empty();
        int close = closing(line, open, '[', ']');
        if (close < 0 || close + 1 >= line.length()) return Optional.empty();
        char after = line.charAt(close + 1);
        int end = after == '(' ? closingDestination(line, close + 1) : after == '[' ? closing(line, close + 1, '[', ']') : -1;
        if (end < 0) return Optional.empty();
        return Optional.of(line.substring(0, start) + line.substring(open + 1, close) + line.substring(end + 1));
    }

    /**
     * The line with the web address {@code address} at {@code column} no longer a link: a Markdown
     * link becomes its text ({@link #linkBecomesText}), an autolink {@code <address>} or a bare
     * address (which Markdown makes a link) becomes code, {@code `address`}, shown as written.
     * Empty when the address is not there.
     */
    public static Optional<String> addressLosesLink(String line, int column, String address) {
        Optional<String> text = linkBecomesText(line, column);
        if (text.isPresent()) return text;
        int start = column - 1;
        if (start < 0 || start > line.length()) return Optional.empty();
        String code = "`" + address + "`";
        if (line.startsWith("<" + address + ">", start)) {
            return Optional.of(line.substring(0, start) + code + line.substring(start + address.length() + 2));
        }
        if (line.startsWith(address, start)) {
            return Optional.of(line.substring(0, start) + code + line.substring(start + address.length()));
        }
        return Optional.empty();
    }

    /** The line with the link at {@code column} pointing to its page rather than to a heading of it: {@code [a](b.md#gone)} to {@code [a](b.md)}. */
    public static Optional<String> fragmentDropped(String line, int column) {
        int start = column - 1;
        if (start < 0 || start >= line.length() || line.charAt(start) != '[') return Optional.empty();
        int close = closing(line, start, '[', ']');
        if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '(') return Optional.empty();
        int end = closingDestination(line, close + 1);
        if (end < 0) return Optional.empty();
        String destination = line.substring(close + 2, end);
        int hash = destination.indexOf('#');
        if (hash < 0) return Optional.empty();
        int title = destination.indexOf(' ', hash);
        String kept = destination.substring(0, hash) + (title < 0 ? "" : destination.substring(title));
        if (kept.isBlank()) return linkBecomesText(line, column); // [a](#gone): a link to nothing on its own page
        return Optional.of(line.substring(0, close + 2) + kept + line.substring(end));
    }

    /**
     * {@code text} with every link's {@code #fragment} dropped ({@code (b/#gone)} to {@code (b/)}, a
     * reference's {@code [ref]: b.md#gone} to {@code b.md}), and an HTML link to the fragment alone
     * made its text ({@code <a href="#gone">Gone</a>} to {@code Gone}): for a link whose line the
     * finding does not give (a built page's check) or whose target is elsewhere (a reference).
     */
    public static String fragmentDroppedEverywhere(String text, String fragment) {
        String quoted = Pattern.quote(fragment);
        return text.replaceAll("<a\\s+href=\"#" + quoted + "\"[^>]*>(.*?)</a>", "$1")
                .replaceAll("(?m)(?<=[^\\s(\"'])#" + quoted + "(?=[)\\s\"']|$)", "");
    }

    /** {@code text} with each HTML image from {@code address} made a link to it ({@code <img src="A" alt="T">} to {@code <a href="A">T</a>}). */
    public static String htmlImageBecomesLink(String text, String address) {
        Matcher image = Pattern.compile("<img\\s[^>]*src=\"" + Pattern.quote(address) + "\"[^>]*>").matcher(text);
        StringBuilder out = new StringBuilder();
        while (image.find()) {
            Matcher alt = Pattern.compile("alt=\"([^\"]+)\"").matcher(image.group());
            String words = alt.find() ? alt.group(1) : address;
            image.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + address + "\">" + words + "</a>"));
        }
        return image.appendTail(out).toString();
    }

    /**
     * The index of the heading line with the text {@code heading} and no id of its own nearest to
     * {@code line} (0-based), or -1: a finding's line counts in the text Beacon renders, which has
     * fewer lines than the file where site.yaml has it unwrap a shortcode on a line of its own.
     */
    public static int nearestHeading(String[] lines, int line, String heading) {
        int best = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!l.startsWith("#") || l.contains("{#") || !l.replaceFirst("^#+\\s*", "").strip().equals(heading)) continue;
            if (best < 0 || Math.abs(i - line) < Math.abs(best - line)) best = i;
        }
        return best;
    }

    /**
     * The line with the image at {@code column} that would load from another site made a link to it
     * ({@code ![chart](https://x.org/c.png)} to {@code [chart](https://x.org/c.png)}; the address is
     * the text of an image without one).
     */
    public static Optional<String> imageBecomesLink(String line, int column) {
        int start = column - 1;
        if (start < 0 || start + 1 >= line.length() || line.charAt(start) != '!' || line.charAt(start + 1) != '[') return Optional.empty();
        int close = closing(line, start + 1, '[', ']');
        if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '(') return Optional.empty();
        int end = closingDestination(line, close + 1);
        if (end < 0) return Optional.empty();
        String text = line.substring(start + 2, close);
        String destination = line.substring(close + 2, end).strip();
        if (text.isBlank()) text = destination.split(" ")[0];
        return Optional.of(line.substring(0, start) + "[" + text + "](" + destination + ")" + line.substring(end + 1));
    }

    /** The line with the image at {@code column} that has no description given its file's name: {@code ![](img/vtgate-flow.png)} to {@code ![vtgate flow](...)}. */
    public static Optional<String> imageDescribedByItsName(String line, int column) {
        int start = column - 1;
        if (!line.startsWith("![]", start)) return Optional.empty();
        int end = closingDestination(line, start + 3);
        if (end < 0) return Optional.empty();
        String destination = line.substring(start + 4, end).strip().split(" ")[0];
        String name = destination.substring(destination.lastIndexOf('/') + 1).replaceAll("[?#].*", "").replaceAll("\\.[A-Za-z0-9]+$", "");
        String words = name.replaceAll("[-_+.*]+", " ").strip();
        return Optional.of(line.substring(0, start) + "![" + (words.isEmpty() ? "image" : words) + "]" + line.substring(start + 3));
    }

    /** A level-1 heading of the text one level down ({@code # Recap} to {@code ## Recap}): the page's title is its only level-1 heading. */
    public static Optional<String> headingDemoted(String line) {
        return line.startsWith("# ") || line.equals("#") ? Optional.of("#" + line) : Optional.empty();
    }

    /** A heading with an id of its own after it ({@code ### Example:} to {@code ### Example: {#example-115}}), for one whose id another heading has. */
    public static Optional<String> headingWithId(String line, String id) {
        return line.startsWith("#") ? Optional.of(line.stripTrailing() + " {#" + id + "}") : Optional.empty();
    }

    /**
     * site.yaml with the top-level {@code key} set to {@code value} (a one-line YAML value): its line
     * replaced when it has one, else added at the end.
     */
    public static String withSetting(String siteYaml, String key, String value) {
        String line = key + ": " + value;
        Matcher existing = Pattern.compile("(?m)^" + Pattern.quote(key) + ":.*$").matcher(siteYaml);
        if (existing.find()) return siteYaml.substring(0, existing.start()) + line + siteYaml.substring(existing.end());
        return siteYaml + (siteYaml.isEmpty() || siteYaml.endsWith("\n") ? "" : "\n") + line + "\n";
    }

    private static final Pattern SUGGESTED_NAME = Pattern.compile("\\(e\\.g\\. ([^/()\\s]+\\.md)\\)");

    /**
     * Where a page that has the address of a sub-section's folder goes, as a path relative to the
     * content folder: into the folder as its {@code _index.md} when it has none (the folder's list
     * then shows the page's text), else beside it under the name the finding suggests
     * ({@code rename the file (e.g. vtbackup-guide.md), ...}), or {@code <name>-page.md} when the
     * suggestion names none. {@code page} and {@code folder} are relative, '/'-separated.
     */
    public static String movedPage(String page, String folder, boolean folderHasIndex, String suggestion) {
        String dir = folder.endsWith("/") ? folder : folder + "/";
        if (!folderHasIndex) return dir + "_index.md";
        int slash = page.lastIndexOf('/');
        String name = page.substring(slash + 1);
        Matcher suggested = SUGGESTED_NAME.matcher(suggestion == null ? "" : suggestion);
        String newName = suggested.find() ? suggested.group(1) : name.substring(0, name.length() - ".md".length()) + "-page.md";
        return page.substring(0, slash + 1) + newName;
    }

    /**
     * The interface texts of a language Beacon does not ship, for {@code content/theme/i18n/<lang>.yaml}:
     * the English ones ({@code english}, the text of the jar's {@code theme/i18n/en.yaml}) under a
     * note saying they are to be translated. The site then publishes with English buttons and labels.
     */
    public static String interfaceTexts(String lang, String english) {
        return "# The interface texts of '" + lang + "': a copy of Beacon's English texts (templates/i18n/en.yaml),\n"
                + "# made by city.beacon.bench.ImportFixes so that the imported site publishes. Translate each text.\n"
                + english;
    }

    /** The index of the bracket that closes the one at {@code open}, skipping escaped and nested ones; -1 if none. */
    private static int closing(String line, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`' && opening == '[') {
                int end = line.indexOf('`', i + 1); // a code span's brackets are text
                if (end > 0) i = end;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the ')' that ends the destination (and title) opened at {@code open}; -1 if none. */
    private static int closingDestination(String line, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                if (i > 0 && line.charAt(i - 1) == ' ') quote = c; // a title: its parentheses are text
            } else if (c == '<' && i == open + 1) {
                int end = line.indexOf('>', i);
                if (end < 0) return -1;
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
