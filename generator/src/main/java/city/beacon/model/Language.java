package city.beacon.model;

import java.util.Locale;

/**
 * A language of the portal (site.yaml, {@code languages:}).
 *
 * @param code      its code ({@code uk}): the folder of its pages and the {@code lang} of its pages
 * @param name      its own name ({@code Українська}), as the language switch shows it
 * @param locale    the BCP 47 tag whose conventions its dates, numbers and alphabetical order follow
 *                  ({@code es-MX}; the code when site.yaml gives none)
 * @param slug      how its names become addresses
 * @param rtl       whether it is written right to left ({@code direction: rtl})
 * @param listSlugs how its category, place-type and district lists are addressed: {@code ids} (their
 *                  ids from site.yaml, English words) or {@code titles} (their titles made slugs)
 * @param words     its words in the addresses of lists ({@code a-z}, {@code categories}...)
 */
public record Language(String code, String name, String locale, SlugScheme slug, boolean rtl, String listSlugs,
                       AddressWords words) {
    public static final String IDS = "ids";
    public static final String TITLES = "titles";

    /** A language with every default of its code: what site.yaml gives when it says only code and name. */
    public Language(String code, String name) {
        this(code, name, code, SlugScheme.defaultFor(code), false, defaultListSlugs(code), AddressWords.ENGLISH);
    }

    /**
     * Whether a language whose own name is {@code name} is written right to left: the direction of
     * the script its name is written in (العربية, فارسی, עברית, اردو: right to left), the default
     * of {@code direction:}.
     */
    public static boolean writtenRightToLeft(String name) {
        int first = name == null ? -1 : name.codePoints().filter(Character::isLetter).findFirst().orElse(-1);
        if (first < 0) return false;
        byte direction = Character.getDirectionality(first);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** Addresses of lists by id in English (whose ids are English words), by title in every other language. */
    public static String defaultListSlugs(String code) {
        return "en".equals(code) ? IDS : TITLES;
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }

    /** The {@code dir} of its pages. */
    public String direction() {
        return rtl ? "rtl" : "ltr";
    }
}
