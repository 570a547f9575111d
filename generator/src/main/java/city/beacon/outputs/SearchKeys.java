package city.beacon.outputs;

import city.beacon.model.Slugs;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The folding that makes search forgiving: lower case, apostrophes (' ’ ʼ) dropped, Cyrillic
 * transliterated (KMU-55), then reduced to a loose Latin "skeleton" in which the usual ways of
 * spelling a Ukrainian word in Latin meet (y/i/j, h/g, zh/z, kh/h, ts/ch/c, doubled letters), so
 * {@code pasport}, {@code passport} and {@code паспорт} are the same word. No rule shortens a
 * word's end into a letter a prefix does not have: c and ch become ts (not ts to c, which made
 * {@code points} {@code poinc}, so that {@code point} found nothing). The script in
 * templates/assets/beacon.js applies the same steps to what a resident types, with the
 * letter table {@link #letters()} that the index carries.
 */
public final class SearchKeys {
    private static final String CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ";
    // Compiled once: String.replaceAll compiles its pattern on every call.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /**
     * The skeletons of each word as written, folded once per process rather than once per page:
     * pages share most of their words, and folding them again was a tenth of a cold build's work at
     * 10 000 pages (the quick compiler does not take the bounds checks out of these scans). Folding
     * is a pure function, so what is remembered never changes a result; forgotten at a bound, so a
     * preview left running for weeks does not grow with every word it ever indexed.
     */
    private static final Map<String, List<String>> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FOLDED_BOUND = 400_000;

    private SearchKeys() {
    }

    /**
     * The distinct skeletons of the words of {@code text}, in order. Each distinct word as written
     * is folded once: a page's text repeats its words (folding every occurrence was most of the
     * time of indexing pages' text). A word here is a run of letters, digits, apostrophes and
     * combining marks, which is where transliteration starts a new word too.
     */
    public static Set<String> words(String text) {
        char[] nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray();
        Set<String> words = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        int start = -1;
        for (int i = 0; i <= nfc.length; i++) {
            boolean inWord = i < nfc.length && inWrittenWord(nfc[i]);
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0) {
                String written = new String(nfc, start, i - start);
                if (seen.add(written)) words.addAll(folded(written));
                start = -1;
            }
        }
        return words;
    }

    private static boolean inWrittenWord(char c) {
        return c < IN_WORD_BELOW.length ? IN_WORD_BELOW[c] : isWrittenWordChar(c);
    }

    private static boolean isWrittenWordChar(char c) {
        return Character.isLetterOrDigit(c) || Slugs.isApostrophe(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** {@link #isWrittenWordChar} looked up for Latin and Cyrillic letters: a table read instead of Unicode's tables on each letter. */
    private static final boolean[] IN_WORD_BELOW = new boolean[0x0530];

    static {
        for (char c = 0; c < IN_WORD_BELOW.length; c++) IN_WORD_BELOW[c] = isWrittenWordChar(c);
    }

    /** The skeletons of one written word, remembered ({@link #FOLDED}). */
    private static List<String> folded(String written) {
        List<String> known = FOLDED.get(written);
        if (known != null) return known;
        Set<String> skeletons = new LinkedHashSet<>();
        fold(written, skeletons);
        List<String> made = List.copyOf(skeletons);
        if (FOLDED.size() >= FOLDED_BOUND) FOLDED.clear();
        FOLDED.put(written, made);
        return made;
    }

    /** Adds the skeletons of one written word (one or more: "pre-war" is a word here, two in Latin) to {@code into}. */
    private static void fold(String written, Set<String> into) {
        String latin = Slugs.transliterate(written);
        if (!isAscii(latin)) latin = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD)).replaceAll("");
        int start = -1;
        for (int i = 0; i <= latin.length(); i++) {
            boolean inWord = i < latin.length() && isWordChar(latin.charAt(i));
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0) {
                into.add(skeleton(latin.substring(start, i)));
                start = -1;
            }
        }
    }

    /**
     * Loose Latin: the same rules, in the same order, as skel() in beacon.js. Written as plain
     * scans, not regular expressions: every word of every page title and summary comes here.
     */
    static String skeleton(String word) {
        String w = collapse(word.replace('g', 'h').replace('j', 'i').replace('y', 'i').replace('w', 'v'));
        w = replaceFirstOf(w, "s", "shch", "sch").replace("zh", "z").replace("kh", "h");
        w = replaceFirstOf(w, "ts", "ch", "c").replace("sh", "s");
        return collapse(w);
    }

    /** Each run of one letter as that letter once, as {@code /(.)\1+/g -> '$1'} does. */
    private static String collapse(String w) {
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) out.append(w.charAt(i));
        }
        return out.length() == w.length() ? w : out.toString();
    }

    /** Scans left to right and replaces, at each place, the first of {@code alternatives} found there, as a regex {@code a|b} does. */
    private static String replaceFirstOf(String w, String replacement, String... alternatives) {
        StringBuilder out = new StringBuilder(w.length());
        int i = 0;
        scan:
        while (i < w.length()) {
            for (String alternative : alternatives) {
                if (w.startsWith(alternative, i)) {
                    out.append(replacement);
                    i += alternative.length();
                    continue scan;
                }
            }
            out.append(w.charAt(i++));
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * The Ukrainian keyboard (ЙЦУКЕН, with і ї є ґ and the apostrophe) by the Latin key each letter
     * is on: {@code ghbdtn} is {@code привіт} typed with the wrong layout on, {@code ызщке}
     * {@code sport}. The script tries each word of a query as typed and as typed in the other layout.
     */
    public static Map<String, String> layout() {
        Map<String, String> table = new TreeMap<>();
        for (int i = 0; i < LATIN_KEYS.length(); i++) table.put(String.valueOf(LATIN_KEYS.charAt(i)), String.valueOf(UKRAINIAN_KEYS.charAt(i)));
        return table;
    }

    private static final String LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.\\`";
    private static final String UKRAINIAN_KEYS = "йцукенгшщзхїфівапролджєячсмитьбюґʼ";

    /** {@code text} as typed with the other keyboard layout on: each key of one layout read as the other's (as the script does). */
    public static String otherLayout(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int latin = LATIN_KEYS.indexOf(c);
            int ukrainian = UKRAINIAN_KEYS.indexOf(c);
            out.append(latin >= 0 ? UKRAINIAN_KEYS.charAt(latin) : ukrainian >= 0 ? LATIN_KEYS.charAt(ukrainian) : c);
        }
        return out.toString();
    }

    /** Each Cyrillic letter as the script maps it (its form inside a word; the skeleton evens out the rest). */
    public static Map<String, String> letters() {
        Map<String, String> table = new TreeMap<>();
        for (char c : CYRILLIC.toCharArray()) table.put(String.valueOf(c), Slugs.transliterate("ь" + c));
        return table;
    }
}
