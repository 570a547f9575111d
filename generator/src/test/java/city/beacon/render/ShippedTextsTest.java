package city.beacon.render;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 2: the jar ships interface texts for Ukrainian, English, Spanish, Polish and Arabic,
 * each with exactly the keys of en.yaml (the reference every portal's texts are checked against),
 * none empty, and each placeholder ({n}, {date}...) of the English text kept.
 */
class ShippedTextsTest {
    private static final Path I18N = TestContent.repo().resolve("templates/i18n");

    private static java.util.Map<String, String> texts(String lang) throws IOException {
        Problems problems = new Problems();
        YamlDocument doc = YamlDocument.parse(Files.readString(I18N.resolve(lang + ".yaml"), StandardCharsets.UTF_8), lang + ".yaml", 1, problems);
        assertTrue(problems.sorted().isEmpty(), problems.sorted().toString());
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        doc.root().fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en", "es", "pl", "ar"})
    void everyShippedLanguageHasExactlyTheEnglishKeysEachWithTheSamePlaceholders(String lang) throws IOException {
        var english = texts("en");
        var own = texts(lang);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(own.keySet());
        Set<String> extra = new TreeSet<>(own.keySet());
        extra.removeAll(english.keySet());
        assertEquals(Set.of(), missing, lang + ".yaml lacks keys of en.yaml");
        assertEquals(Set.of(), extra, lang + ".yaml has keys en.yaml has not");
        List<String> wrong = new ArrayList<>();
        english.forEach((key, text) -> {
            if (own.get(key).isBlank()) wrong.add(key + " is empty");
            for (String placeholder : List.of("{n}", "{total}", "{date}", "{district}", "{list}", "{address}", "{language}")) {
                if (text.contains(placeholder) && !own.get(key).contains(placeholder)) wrong.add(key + " lacks " + placeholder);
            }
        });
        assertEquals(List.of(), wrong, lang + ".yaml");
    }

    /**
     * A count of pages or places stands apart from the words, "(3)" or ": 3", so that no noun has to
     * agree with it: "All 1 pages of this section", "Las 1 páginas", "Карта 1 місць" read wrong, and
     * Ukrainian, Polish and Arabic have three to six plural forms a number can call for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"uk", "en", "es", "pl", "ar"})
    void aCountStandsApartFromTheWordsSoThatNoNounAgreesWithIt(String lang) throws IOException {
        var own = texts(lang);
        List<String> wrong = new ArrayList<>();
        for (String key : List.of("all_in_section", "map_label", "search_found")) {
            String text = own.get(key);
            if (!text.contains("({n})") && !text.contains(": {n}")) wrong.add(key + ": " + text);
        }
        assertEquals(List.of(), wrong, lang + ".yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "en", "es", "pl", "ar"})
    void theBundledThemeOffersEveryShippedLanguage(String lang) {
        assertTrue(Theme.bundled().shippedLanguages().contains(lang), Theme.bundled().shippedLanguages().toString());
    }
}
