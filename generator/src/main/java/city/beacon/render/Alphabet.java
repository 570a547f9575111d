package city.beacon.render;

import city.beacon.model.NaturalOrder;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RuleBasedCollator;
import com.ibm.icu.util.ULocale;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The order of the A–Z index and its first letters, for readers of one language: the letters of
 * that language's script first, in that language's order (ICU's collation of its locale: Spanish
 * ñ after n, Polish ł after l; Cyrillic in the Ukrainian alphabet А Б В Г Ґ Д Е Є Ж ... Ь Ю Я,
 * which the JDK's own "uk" collator gets wrong: it puts Ґ before Г and Ь after Я), then the other
 * scripts, then digits and anything else. Spaces and punctuation are ignored but to break ties.
 * A letter with an accent is listed under its letter ("Ángel" under A) unless the language counts
 * it a letter of its own (Spanish Ñ, Polish Ł and Ó, Ukrainian Й and Ї). Not thread-safe (a
 * Collator is not): one per list being built.
 */
public final class Alphabet {
    private static final String UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";
    /** A file-name-safe key per Ukrainian letter, unique (transliteration alone gives і, ї and й all "i"). */
    private static final String[] UKRAINIAN_KEYS = {"a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi",
            "j", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "soft-sign", "yu", "ya"};
    private static final String DIGITS = "0–9";

    /** A first letter as shown in the letter bar, and the folder of its pages. */
    public record Letter(String label, String key) {
    }

    private final UnicodeScript own;
    private final Collator collator;
    /** By title: each title's key and letter, worked out once however many lists sort it. */
    private final Map<String, Key> keys = new HashMap<>();
    private final Map<String, Letter> letters = new HashMap<>();

    /** {@code languageName}: the language's own name ("Українська", "English"), whose script comes first; root collation. */
    public Alphabet(String languageName) {
        this(languageName, "und");
    }

    /** {@code locale}: the language's BCP 47 tag, whose collation orders the titles ({@code es}, {@code pl}, {@code ar}). */
    public Alphabet(String languageName, String locale) {
        int first = languageName.codePoints().filter(Character::isLetter).findFirst().orElse('a');
        this.own = UnicodeScript.of(first);
        this.collator = collator(ULocale.forLanguageTag(locale));
        this.primary = collator(ULocale.forLanguageTag(locale));
        primary.setStrength(Collator.PRIMARY);
    }

    /** The collator at primary strength: whether an accented letter is its base letter in this language. */
    private final Collator primary;

    /** A title's place in index order, worked out once so that sorting compares keys, not titles. */
    public record Key(int rank, CollationKey collation) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byScript = Integer.compare(rank, other.rank);
            return byScript != 0 ? byScript : collation.compareTo(other.collation);
        }
    }

    /** Titles in index order: by script (this language's first), then alphabetically, case aside. */
    public Comparator<String> titles() {
        return Comparator.comparing(this::key);
    }

    public Key key(String title) {
        return keys.computeIfAbsent(title, t -> new Key(rank(firstChar(t)), collator.getCollationKey(normalized(t))));
    }

    /** The letter a title is listed under: its first letter or digit, upper-case. */
    public Letter letterOf(String title) {
        return letters.computeIfAbsent(title, this::letterOfTitle);
    }

    private Letter letterOfTitle(String title) {
        int c = firstChar(title);
        if (c < 0 || Character.isDigit(c)) return new Letter(DIGITS, "0-9");
        c = baseLetter(c);
        String label = new String(Character.toChars(Character.toUpperCase(c)));
        UnicodeScript script = UnicodeScript.of(c);
        String key = keyOf(Character.toLowerCase(c), script);
        // Letters of another script get its name, so that Latin b and Cyrillic в ("v") never share a folder.
        return new Letter(label, script == own ? key : script.name().toLowerCase(Locale.ROOT) + "-" + key);
    }

    /** {@code c} without its accent when this language counts the two one letter (Á is A in Spanish, Ñ is not N). */
    private int baseLetter(int c) {
        String letter = new String(Character.toChars(c));
        String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
        if (decomposed.codePointCount(0, decomposed.length()) < 2) return c;
        int base = decomposed.codePointAt(0);
        return primary.compare(letter, new String(Character.toChars(base))) == 0 ? base : c;
    }

    private static String keyOf(int lower, UnicodeScript script) {
        int ukrainian = UKRAINIAN.indexOf(lower);
        if (script == UnicodeScript.CYRILLIC && ukrainian >= 0) return UKRAINIAN_KEYS[ukrainian];
        if (script == UnicodeScript.LATIN && lower < 128) return String.valueOf((char) lower);
        return "u" + Integer.toHexString(lower);
    }

    private int rank(int c) {
        if (c < 0 || Character.isDigit(c)) return 3;
        UnicodeScript script = UnicodeScript.of(c);
        if (script == own) return 0;
        return script == UnicodeScript.CYRILLIC || script == UnicodeScript.LATIN ? 1 : 2;
    }

    /** The first letter or digit, skipping quotes and the like; -1 when there is none. */
    private static int firstChar(String title) {
        return title.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
    }

    /** Leading quotes aside, the three Ukrainian apostrophes alike, and numbers by their value ({@link NaturalOrder}). */
    private static String normalized(String title) {
        int start = 0;
        while (start < title.length() && !Character.isLetterOrDigit(title.charAt(start))) start++;
        return NaturalOrder.sortable(title.substring(start).replace('’', '\'').replace('ʼ', '\''));
    }

    /**
     * The collation of {@code locale} (ICU's, from CLDR) with the Ukrainian alphabet after Latin z;
     * the script order is {@link #rank}'s. Spaces and punctuation count only to break ties.
     */
    private static Collator collator(ULocale locale) {
        StringBuilder rules = new StringBuilder(((RuleBasedCollator) Collator.getInstance(locale)).getRules()).append("& z <<< Z");
        for (char c : UKRAINIAN.toCharArray()) rules.append(" < ").append(c).append(" <<< ").append(Character.toUpperCase(c));
        try {
            RuleBasedCollator collator = new RuleBasedCollator(rules.toString());
            collator.setStrength(Collator.SECONDARY);
            collator.setAlternateHandlingShifted(true);
            return collator;
        } catch (Exception e) {
            throw new IllegalStateException("the collation rules of " + locale + " with the Ukrainian alphabet do not parse", e);
        }
    }
}
