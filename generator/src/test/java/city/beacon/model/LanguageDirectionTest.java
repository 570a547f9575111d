package city.beacon.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 22 item 4: a language is written right to left by default when its own name is written in a right-to-left script. */
class LanguageDirectionTest {
    @ParameterizedTest(name = "{0}: right to left {1}")
    @CsvSource(textBlock = """
            العربية, true
            فارسی, true
            עברית, true
            اردو, true
            ދިވެހި, true
            Українська, false
            English, false
            Español, false
            Polski, false
            中文, false
            """)
    void theDirectionIsThatOfTheScriptOfTheLanguagesOwnName(String name, boolean rtl) {
        assertEquals(rtl, Language.writtenRightToLeft(name));
    }
}
