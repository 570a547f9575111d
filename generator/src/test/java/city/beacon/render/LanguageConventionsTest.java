package city.beacon.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 22 item 2: the A–Z order and its letters, dates, and the note on a page in another
 * language follow each language (ICU's collation of its locale, the JDK's month names and digits).
 */
class LanguageConventionsTest {
    private static List<String> sorted(Alphabet alphabet, String... titles) {
        return java.util.Arrays.stream(titles).sorted(alphabet.titles()).toList();
    }

    @Test
    void spanishSortsEnyeAfterNAndAccentedVowelsWithTheirVowel() {
        Alphabet spanish = new Alphabet("Español", "es");
        assertEquals(List.of("Ángel", "Nube", "Nutria", "Ñandú", "Oso"), sorted(spanish, "Oso", "Ñandú", "Nutria", "Ángel", "Nube"));
        assertEquals("A", spanish.letterOf("Ángel").label(), "Á is listed under A");
        assertEquals("Ñ", spanish.letterOf("Ñandú").label(), "Ñ is a letter of its own");
    }

    @Test
    void polishSortsLWithStrokeAfterLAndOWithAcuteAfterO() {
        Alphabet polish = new Alphabet("Polski", "pl");
        assertEquals(List.of("Lublin", "Lwówek", "Łask", "Łódź", "Mielec", "Opole", "Ósemka", "Zabrze"),
                sorted(polish, "Zabrze", "Łódź", "Ósemka", "Mielec", "Łask", "Opole", "Lublin", "Lwówek"));
        assertEquals("Ł", polish.letterOf("Łódź").label());
    }

    @Test
    void ukrainianKeepsItsAlphabetWhateverTheLocale() {
        assertEquals(List.of("Гірка", "Ґанок", "Дім", "Їжа", "Йога", "Ящик"),
                sorted(new Alphabet("Українська", "uk"), "Ящик", "Йога", "Ґанок", "Дім", "Їжа", "Гірка"));
    }

    @Test
    void datesAreWrittenInEachLanguagesWordsAndDigits() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertEquals("25 листопада 2026", new UiText("uk", Map.of("date_pattern", "d MMMM yyyy")).date(day));
        assertEquals("25 November 2026", new UiText("en", Map.of("date_pattern", "d MMMM yyyy")).date(day));
        assertEquals("25 de noviembre de 2026", new UiText("es", Map.of("date_pattern", "d 'de' MMMM 'de' y"), "es-MX", false).date(day));
        assertEquals("25 listopada 2026", new UiText("pl", Map.of("date_pattern", "d MMMM y")).date(day));
        assertEquals("٢٥ نوفمبر ٢٠٢٦", new UiText("ar", Map.of("date_pattern", "d MMMM y"), "ar", true).date(day), "Arabic-Indic digits");
        assertEquals("25 نوفمبر 2026", new UiText("ar", Map.of(), "ar-u-nu-latn", true).date(day),
                "locale: ar-u-nu-latn asks for Western digits; no date_pattern: d MMMM y");
    }

    @Test
    void numbersAreWrittenInEachLanguagesDigits() {
        assertEquals("1250", new UiText("uk", Map.of()).number(1250), "no grouping: as before");
        assertEquals("١٢٥٠", new UiText("ar", Map.of(), "ar", true).number(1250));
        assertEquals("1250", new UiText("ar", Map.of(), "ar-u-nu-latn", true).number(1250));
        assertEquals("Page ٢ of ٣", "Page {n} of {total}".replace("{n}", new UiText("ar", Map.of(), "ar", true).number(2))
                .replace("{total}", new UiText("ar", Map.of(), "ar", true).digits("3")));
    }

    @Test
    void aPageInALanguageWithoutItsOwnNoteIsNamedByIcuInTheReadersLanguage() {
        UiText english = new UiText("en", Map.of("only_in", "{language} only", "only_in.uk", "Ukrainian only"));
        assertEquals("Ukrainian only", english.onlyIn("uk"));
        assertEquals("French only", english.onlyIn("fr"));
        assertEquals("solo en francés", new UiText("es", Map.of("only_in", "solo en {language}")).onlyIn("fr"));
    }
}
