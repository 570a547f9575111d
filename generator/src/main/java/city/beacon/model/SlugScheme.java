package city.beacon.model;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How the names of one language become addresses (site.yaml, {@code languages: - slug:}):
 * {@code kmu55}, the official Ukrainian transliteration ({@link Slugs}); an ICU transliterator id
 * such as {@code Any-Latin; Latin-ASCII} or {@code Arabic-Latin/BGN; Latin-ASCII}, whose Latin
 * result is made a slug as KMU-55's is (a-z, 0-9, single hyphens); or {@code keep}, the name's own
 * letters in lower case (Unicode addresses: no spaces or punctuation, hyphens between words).
 *
 * @param id what site.yaml says: {@code kmu55}, {@code keep} or the transliterator's id
 */
public record SlugScheme(String id) {
    public static final String KMU55 = "kmu55";
    public static final String KEEP = "keep";
    /** Any script to Latin, then accents and letters such as ł, ø, ß folded to ASCII: "Łódź" -> "Lodz". */
    public static final String ASCII = "Any-Latin; Latin-ASCII";
    public static final SlugScheme UKRAINIAN = new SlugScheme(KMU55);
    /** What a language gets when site.yaml names no scheme: KMU-55 for Ukrainian, else {@link #ASCII}. */
    public static SlugScheme defaultFor(String languageCode) {
        return new SlugScheme("uk".equals(languageCode) ? KMU55 : ASCII);
    }

    /** The transliterators made, one per id and thread: ICU's are not safe to share while they work. */
    private static final ThreadLocal<java.util.Map<String, Transliterator>> MADE = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Whether {@code id} names a scheme: kmu55, keep, or a transliterator ICU knows. */
    public static boolean known(String id) {
        if (id.equals(KMU55) || id.equals(KEEP)) return true;
        try {
            Transliterator.getInstance(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A safe address segment made of {@code text}: empty when it holds no letter or digit. */
    public String slugify(String text) {
        return switch (id) {
            case KMU55 -> Slugs.slugify(text);
            case KEEP -> kept(text);
            // ASCII is its own Latin and its own ASCII: no transliterator is made for it (nor ICU loaded, for an English portal).
            default -> Slugs.slugify(isAscii(text) ? text : transliterator().transliterate(text));
        };
    }

    /** Whether an editor's {@code slug:} is already an address segment this scheme could make. */
    public boolean isValid(String slug) {
        if (!id.equals(KEEP)) return Slugs.isValidSlug(slug);
        return !slug.isEmpty() && slug.equals(kept(slug));
    }

    /** What a slug may hold, in words, for messages. */
    public String allowed() {
        return id.equals(KEEP) ? "lower-case letters, digits and '-'" : "lower-case Latin letters, digits and '-'";
    }

    /** Whether the slugs are ASCII: every scheme but {@code keep}. */
    public boolean ascii() {
        return !id.equals(KEEP);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return false;
        return true;
    }

    private Transliterator transliterator() {
        return MADE.get().computeIfAbsent(id, Transliterator::getInstance);
    }

    /** Lower case, composed (NFC), letters (with their marks) and digits kept, any run of anything else one hyphen. */
    private static String kept(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Slugs.hyphenated(lower, c -> {
            int type = Character.getType(c);
            return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        }, c -> c < 0x10000 && Slugs.isApostrophe((char) c)); // inside a word, as KMU-55 drops it
    }
}
