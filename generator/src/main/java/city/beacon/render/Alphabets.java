package city.beacon.render;

import java.util.HashMap;
import java.util.Map;

/**
 * The alphabets the A–Z indexes are sorted by, one per language, made once: a collator is costly
 * to make, and an {@link Alphabet} remembers the key and letter of every title it has seen. A
 * build uses one for its render. Not thread-safe.
 */
public final class Alphabets {
    private final Map<String, Alphabet> byLanguage = new HashMap<>();

    /** The alphabet of {@code language}: its own name's script first, its locale's order. */
    Alphabet of(city.beacon.model.Language language) {
        return byLanguage.computeIfAbsent(language.code(), code -> new Alphabet(language.name(), language.locale()));
    }
}
