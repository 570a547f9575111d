package city.beacon.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The interface text of one language (templates/i18n/<lang>.yaml): labels, headings, notes. */
public record UiText(String lang, Map<String, String> texts) {
    /** One formatter per language: every page shows dates, and making a formatter parses its pattern. */
    private static final Map<String, DateTimeFormatter> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    public UiText {
        texts = Map.copyOf(texts);
    }

    public String get(String key) {
        String text = texts.get(key);
        if (text == null) throw new IllegalStateException("templates/i18n/" + lang + ".yaml has no text for '" + key + "'");
        return text;
    }

    /** A date as residents write it: "25 листопада 2026", "25 November 2026". */
    public String date(LocalDate date) {
        return date == null ? "" : DATES.computeIfAbsent(lang, l -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(l))).format(date);
    }
}
