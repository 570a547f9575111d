package city.beacon.outputs;

import city.beacon.model.Slugs;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The folding that makes search forgiving: lower case, apostrophes (' ’ ʼ) dropped, Cyrillic
 * transliterated (KMU-55), then reduced to a loose Latin "skeleton" in which the usual ways of
 * spelling a Ukrainian word in Latin meet (y/i/j, h/g, zh/z, kh/h, ts/ch/c, doubled letters), so
 * {@code pasport}, {@code passport} and {@code паспорт} are the same word. The script in
 * templates/assets/beacon.js applies the same steps to what a resident types, with the
 * letter table {@link #letters()} that the index carries.
 */
public final class SearchKeys {
    private static final String CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ";
    // Compiled once: String.replaceAll compiles its pattern on every call, and every word of every page comes here.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");
    private static final Pattern SHCH = Pattern.compile("shch|sch");
    private static final Pattern TS_CH = Pattern.compile("ts|ch");

    private SearchKeys() {
    }

    /** The distinct skeletons of the words of {@code text}, in order. */
    public static Set<String> words(String text) {
        String latin = Normalizer.normalize(Slugs.transliterate(Normalizer.normalize(text, Normalizer.Form.NFC)),
                Normalizer.Form.NFKD);
        latin = MARKS.matcher(latin).replaceAll("");
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(NOT_WORD.split(latin)).filter(w -> !w.isEmpty()).map(SearchKeys::skeleton).forEach(words::add);
        return words;
    }

    /** Loose Latin: the same rules, in the same order, as skel() in beacon.js. */
    static String skeleton(String word) {
        String w = word.replace('g', 'h').replace('j', 'i').replace('y', 'i').replace('w', 'v');
        w = DOUBLED.matcher(w).replaceAll("$1");
        w = SHCH.matcher(w).replaceAll("s").replace("zh", "z").replace("kh", "h");
        w = TS_CH.matcher(w).replaceAll("c").replace("sh", "s");
        return DOUBLED.matcher(w).replaceAll("$1");
    }

    /** Each Cyrillic letter as the script maps it (its form inside a word; the skeleton evens out the rest). */
    public static Map<String, String> letters() {
        Map<String, String> table = new TreeMap<>();
        for (char c : CYRILLIC.toCharArray()) table.put(String.valueOf(c), Slugs.transliterate("ь" + c));
        return table;
    }
}
