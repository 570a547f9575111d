package city.beacon.outputs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A part of the search index is written word by word ({@link SearchIndex.Entries}), so that
 * whether it is over the budget is known from its first words; it must be the very JSON the
 * whole object would be, escapes included, for words of any script and any character.
 */
class SearchIndexPartsTest {
    @Test
    void aPartWrittenWordByWordIsTheJsonOfItsWords() {
        SortedMap<String, List<String>> keys = new TreeMap<>();
        for (String word : List.of("паспорт", "ґанок", "zebra", "a\"b", "back\\slash", "</script>", "a&b", "line\u2028break", "tab\tx",
                "nul\u0000x", "del\u007fx", "emoji😀", "1990")) {
            keys.put(word, List.of("1,2", ""));
        }
        assertArrayEquals(SearchIndex.script(Map.of("keys", keys)), SearchIndex.bytes(SearchIndex.words(keys, new SearchIndex.Entries())));
        assertArrayEquals(SearchIndex.script(Map.of("keys", new TreeMap<>())), SearchIndex.bytes(SearchIndex.words(new TreeMap<>(),
                new SearchIndex.Entries())), "no words");
    }
}
