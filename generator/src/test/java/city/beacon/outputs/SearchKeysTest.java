package city.beacon.outputs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchKeysTest {

    private static boolean finds(String query, String title) {
        Set<String> keys = SearchKeys.words(title);
        return SearchKeys.words(query).stream().allMatch(q -> keys.stream().anyMatch(k -> k.startsWith(q)));
    }

    @Test
    void transliteratedQueriesFindCyrillicWords() {
        assertTrue(finds("pasport", "Відновлення паспорта"));
        assertTrue(finds("dovidka", "Довідка ВПО"));
        assertTrue(finds("dovydka", "Довідка ВПО"), "и and і both read as i");
        assertTrue(finds("zhytlo", "Компенсація за житло"));
        assertTrue(finds("kompensacia", "Компенсація за житло"), "ts and c, doubled letters");
    }

    @Test
    void caseAndApostrophesDoNotMatter() {
        assertTrue(finds("ПАСПОРТ", "відновлення паспорта"));
        assertTrue(finds("здоров'я", "Здоров’я"));
        assertTrue(finds("здоровʼя", "Здоров'я"));
        assertTrue(finds("Passport", "replacing a lost passport"));
    }

    @Test
    void aPrefixFindsTheWordButAnotherWordDoesNot() {
        assertTrue(finds("пасп", "Відновлення паспорта"));
        assertTrue(!finds("hotline", "Відновлення паспорта"));
    }

    @Test
    void theLetterTableGivesTheSameSkeletonAsTheFullTransliteration() {
        // the script folds a query letter by letter with this table; positional forms (є ї й ю я) must still meet
        for (String word : List.of("Євген", "їжа", "йод", "юрист", "ярмарок", "згода", "щастя", "під'їзд")) {
            StringBuilder byTable = new StringBuilder();
            for (char c : word.toLowerCase(java.util.Locale.forLanguageTag("uk")).replace("'", "").toCharArray()) {
                byTable.append(SearchKeys.letters().getOrDefault(String.valueOf(c), String.valueOf(c)));
            }
            assertEquals(SearchKeys.words(word), Set.of(SearchKeys.skeleton(byTable.toString())), word);
        }
    }
}
