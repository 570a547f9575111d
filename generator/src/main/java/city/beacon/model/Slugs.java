package city.beacon.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Addresses made from names. Cyrillic is transliterated by the official Ukrainian system
 * (Cabinet of Ministers resolution No. 55 of 27 January 2010), so that an address reads
 * {@code kompensatsiia-za-zhytlo}, not a wall of percent-escapes.
 */
public final class Slugs {
    private Slugs() {
    }

    /** Letters whose Latin form differs at the start of a word (Є, Ї, Й, Ю, Я). */
    private static final Map<Character, String[]> POSITIONAL = Map.of(
            'є', new String[]{"ye", "ie"},
            'ї', new String[]{"yi", "i"},
            'й', new String[]{"y", "i"},
            'ю', new String[]{"yu", "iu"},
            'я', new String[]{"ya", "ia"});

    private static final Map<Character, String> PLAIN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""),
            // Not Ukrainian letters, but they turn up in names; the usual Latin forms.
            Map.entry('ы', "y"), Map.entry('э', "e"), Map.entry('ё', "io"), Map.entry('ъ', ""));

    /** The apostrophes transliteration drops (inside a word: it does not start a new one). */
    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == 'ʻ';
    }

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    /** The two tables above as arrays over the Cyrillic block (U+0400-U+04FF): every letter of every title and slug is looked up. */
    private static final String[] PLAIN_BY_CHAR = new String[256];
    private static final String[][] POSITIONAL_BY_CHAR = new String[256][];

    static {
        PLAIN.forEach((c, latin) -> PLAIN_BY_CHAR[c - 0x400] = latin);
        POSITIONAL.forEach((c, latin) -> POSITIONAL_BY_CHAR[c - 0x400] = latin);
    }

    /** Transliterates Ukrainian text to Latin (lower case), keeping everything else as it is. */
    public static String transliterate(String text) {
        String lower = text.toLowerCase(UKRAINIAN);
        StringBuilder out = new StringBuilder(lower.length() * 2);
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isApostrophe(c)) {
                continue; // the apostrophe is not transliterated, and does not start a new word
            }
            boolean cyrillic = c >= 0x400 && c < 0x500;
            String[] positional = cyrillic ? POSITIONAL_BY_CHAR[c - 0x400] : null;
            if (positional != null) {
                out.append(wordStart ? positional[0] : positional[1]);
            } else if (c == 'г' && i > 0 && lower.charAt(i - 1) == 'з') {
                out.append("gh"); // "зг" is "zgh", so that it is not read as "жг"
            } else {
                String plain = cyrillic ? PLAIN_BY_CHAR[c - 0x400] : null;
                if (plain != null) out.append(plain);
                else out.append(c);
            }
            wordStart = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    /** A safe address segment: transliterated, lower case, letters a-z, digits and single hyphens. */
    public static String slugify(String text) {
        String latin = Normalizer.normalize(transliterate(text), Normalizer.Form.NFKD);
        // é -> e after NFKD: the mark is dropped
        return hyphenated(latin, c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), c -> Character.getType(c) == Character.NON_SPACING_MARK);
    }

    /**
     * {@code text}'s characters that {@code kept} keeps, those {@code dropped} drops left out, and any
     * run of other characters one hyphen; no hyphen at either end. What every slug scheme ends with.
     */
    static String hyphenated(String text, IntPredicate kept, IntPredicate dropped) {
        StringBuilder out = new StringBuilder(text.length());
        boolean hyphen = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (kept.test(c)) {
                out.appendCodePoint(c);
                hyphen = false;
            } else if (dropped.test(c)) {
                continue;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') end--;
        return out.substring(0, end);
    }

    /**
     * The longest address segment accepted (a page's slug, a tag's): it is a folder name of the output,
     * which file systems limit to 255 bytes, and a resident may have to read or type it.
     */
    public static final int MAX_LENGTH = 100;

    /** {@code slug} cut after its last whole word within 60 characters: what to suggest for an address too long. */
    public static String shortened(String slug) {
        if (slug.length() <= 60) return slug;
        int cut = slug.lastIndexOf('-', 60);
        return slug.substring(0, cut > 0 ? cut : 60);
    }

    /** Whether an editor's {@code slug:} is already a safe address segment. */
    public static boolean isValidSlug(String slug) {
        return !slug.isEmpty() && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
