package city.beacon.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of one language in the addresses of the lists Beacon makes ({@code uk/katehorii/...},
 * {@code es/categorias/...}): the {@code address.*} keys of the language's interface texts, or
 * site.yaml's {@code addresses:} of the language.
 */
public record AddressWords(String categories, String tags, String index, String page, String places, String districts,
                           String print) {
    /** The keys of the interface texts, in the order of the components. */
    public static final String[] KEYS = {"address.categories", "address.tags", "address.a_z", "address.page",
            "address.places", "address.districts", "address.print"};
    /** What a language without its own words gets (and what English has). */
    public static final AddressWords ENGLISH = new AddressWords("categories", "tags", "a-z", "page", "places", "districts", "print");

    /** The words of {@code texts} (by key), each missing one taken from {@code fallback}. */
    public static AddressWords of(Map<String, String> texts, AddressWords fallback) {
        String[] words = fallback.words().values().toArray(String[]::new);
        for (int i = 0; i < KEYS.length; i++) words[i] = texts.getOrDefault(KEYS[i], words[i]);
        return new AddressWords(words[0], words[1], words[2], words[3], words[4], words[5], words[6]);
    }

    /** Each word by its key, in order. */
    public Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        String[] values = {categories, tags, index, page, places, districts, print};
        for (int i = 0; i < KEYS.length; i++) words.put(KEYS[i], values[i]);
        return words;
    }
}
