package city.beacon.render;

import java.util.HashMap;
import java.util.Map;

/**
 * The alphabets the A–Z indexes are sorted by, one per language, made once: a collator is costly
 * to make, and an {@link Alphabet} remembers the key and letter of every title it has seen. A
 * build uses one for its render. Not thread-safe.
 */
public final class Alphabets {
    private final Map<String, Alphabet> byLanguageName = new HashMap<>();

    /** {@code languageName}: the language's own name, as {@link Alphabet#Alphabet(String)} takes it. */
    Alphabet of(String languageName) {
        return byLanguageName.computeIfAbsent(languageName, Alphabet::new);
    }
}
