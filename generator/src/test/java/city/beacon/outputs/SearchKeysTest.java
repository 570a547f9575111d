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
    void singularEnglishWordsFindTheirPlurals() {
        // the skeleton once turned "ts" into "c": "points" became "poinc", and "point" was no longer its prefix
        assertTrue(finds("point", "Heating points"));
        assertTrue(finds("document", "Lost documents"));
        assertTrue(finds("right", "Your rights as a tenant"));
        assertTrue(finds("blackout", "Sleep and stress during blackouts"));
        assertTrue(finds("kompensacia", "Компенсація за житло"), "c still meets ts");
        assertTrue(finds("chas", "під час тривоги"));
    }

    @Test
    void aWordTypedWithTheOtherKeyboardLayoutReadsAsTheWordMeant() {
        assertEquals("привіт", SearchKeys.otherLayout("ghbdsn"), "і is on the s key");
        assertEquals("привет", SearchKeys.otherLayout("ghbdtn"), "the Russian spelling: е is on the t key");
        assertEquals("паспорт", SearchKeys.otherLayout("gfcgjhn"));
        assertEquals("shelter", SearchKeys.otherLayout("ірудеук"));
        assertEquals("їжа", SearchKeys.otherLayout("];f"), "the keys of ї and ж are [ and ;");
        assertEquals("єґ", SearchKeys.otherLayout("'\\"));
        assertEquals("ghbdsn", SearchKeys.otherLayout("привіт"));
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

    @Test
    void theSkeletonFollowsTheScriptsRegularExpressionsOnEveryShortWordOfTheLettersTheyTouch() {
        // skel() in beacon.js, rule for rule: the Java scan must give what these give
        java.util.function.UnaryOperator<String> script = w -> w.replace('g', 'h').replaceAll("[jy]", "i").replace('w', 'v')
                .replaceAll("(.)\\1+", "$1").replaceAll("shch|sch", "s").replace("zh", "z").replace("kh", "h")
                .replaceAll("ch|c", "ts").replace("sh", "s").replaceAll("(.)\\1+", "$1");
        String letters = "schtzkgjywa";
        List<String> words = new java.util.ArrayList<>(List.of(""));
        for (int length = 1; length <= 5; length++) {
            List<String> longer = new java.util.ArrayList<>();
            for (String w : words) if (w.length() == length - 1) for (char c : letters.toCharArray()) longer.add(w + c);
            words.addAll(longer);
        }
        for (String w : words) assertEquals(script.apply(w), SearchKeys.skeleton(w), w);
        assertEquals("sasia", SearchKeys.skeleton("shchassya"));
    }
}
