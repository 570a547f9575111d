package city.beacon.model;

import java.util.Map;

/** A text given once per language, as in {@code title: {uk: ..., en: ...}}. */
public record Localized(Map<String, String> byLanguage) {
    public Localized {
        byLanguage = Map.copyOf(byLanguage);
    }

    public String get(String lang) {
        String text = byLanguage.get(lang);
        return text != null ? text : "";
    }
}
