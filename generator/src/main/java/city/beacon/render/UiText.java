package city.beacon.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The interface text of one language (the shipped templates/i18n/<lang>.yaml, with the portal's
 * theme/i18n/<lang>.yaml over it): labels, headings, notes.
 *
 * @param locale the language's BCP 47 tag (site.yaml's {@code locale}, else its code): how dates are written
 * @param rtl    whether the language is written right to left: its pages isolate numbers left to right ({@link #ltr})
 */
public record UiText(String lang, Map<String, String> texts, String locale, boolean rtl) {
    /** The pattern of a date when the texts give none ({@code date_pattern}). */
    public static final String DATE_PATTERN = "d MMMM y";
    /** One formatter per locale and pattern: every page shows dates, and making a formatter parses its pattern. */
    private static final Map<String, DateTimeFormatter> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    public UiText {
        texts = Map.copyOf(texts);
    }

    public UiText(String lang, Map<String, String> texts) {
        this(lang, texts, lang, false);
    }

    /**
     * The {@code dir} of a run that reads left to right whatever the language (a phone number, a
     * code): "ltr" in a language written right to left, so that "+380 44 123 45 67" is not shown
     * reversed; null (no attribute, nothing to isolate) in a language written left to right.
     */
    public String ltr() {
        return rtl ? "ltr" : null;
    }

    public String get(String key) {
        String text = texts.get(key);
        if (text == null) throw new IllegalStateException("templates/i18n/" + lang + ".yaml has no text for '" + key + "'");
        return text;
    }

    /**
     * The note on a page listed in this language that is only in {@code pageLang}: the texts'
     * {@code only_in.<pageLang>} ("Ukrainian only"), else {@code only_in} with the language's name
     * in this language, as ICU names it ("French only").
     */
    public String onlyIn(String pageLang) {
        String own = texts.get("only_in." + pageLang);
        if (own != null) return own;
        String name = com.ibm.icu.util.ULocale.forLanguageTag(pageLang).getDisplayLanguage(com.ibm.icu.util.ULocale.forLanguageTag(locale));
        return get("only_in").replace("{language}", name);
    }

    /** A whole number in the language's digits, without grouping: "12", "١٢" (Arabic), as dates write them. */
    public String number(long n) {
        return digits(Long.toString(n));
    }

    /** {@code text} with its digits 0-9 in the language's digits (a pager's "2", "…"). */
    public String digits(String text) {
        char zero = DecimalStyle.of(Locale.forLanguageTag(locale)).getZeroDigit();
        if (zero == '0') return text;
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) out.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        return out.toString();
    }

    /**
     * A date as residents write it: "25 листопада 2026", "25 November 2026", "25 de noviembre de 2026",
     * in the pattern {@code date_pattern} of the texts (a {@link DateTimeFormatter} pattern), with
     * the locale's month names and digits.
     */
    public String date(LocalDate date) {
        if (date == null) return "";
        String pattern = texts.getOrDefault("date_pattern", DATE_PATTERN);
        return DATES.computeIfAbsent(locale + "\n" + pattern, k -> {
            Locale l = Locale.forLanguageTag(locale);
            return DateTimeFormatter.ofPattern(pattern, l).withDecimalStyle(DecimalStyle.of(l));
        }).format(date);
    }
}
