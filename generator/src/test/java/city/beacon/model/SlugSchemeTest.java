package city.beacon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 22 item 3: how each language's names become addresses, as site.yaml's {@code slug:} chooses. */
class SlugSchemeTest {
    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            kmu55                            | Гуманітарна допомога  | humanitarna-dopomoha
            kmu55                            | Згорани               | zghorany
            Any-Latin; Latin-ASCII           | Señales de Ayuda      | senales-de-ayuda
            Any-Latin; Latin-ASCII           | Łódź                  | lodz
            Any-Latin; Latin-ASCII           | Zażółć gęślą jaźń     | zazolc-gesla-jazn
            Any-Latin; Latin-ASCII           | Straße & Œuvre        | strasse-oeuvre
            Any-Latin; Latin-ASCII           | Guía, paso a paso!    | guia-paso-a-paso
            Arabic-Latin/BGN; Latin-ASCII    | خطوط الدعم            | khtwt-ldm
            keep                             | خطوط الدعم            | خطوط-الدعم
            keep                             | Señales de Ayuda      | señales-de-ayuda
            keep                             | Łódź: «Centrum»       | łódź-centrum
            """)
    void aNameBecomesTheAddressTheSchemeMakes(String scheme, String name, String slug) {
        assertEquals(slug, new SlugScheme(scheme).slugify(name));
    }

    @Test
    void ukrainianDefaultsToKmu55AndEveryOtherLanguageToAsciiFolding() {
        assertEquals(SlugScheme.KMU55, SlugScheme.defaultFor("uk").id());
        assertEquals(SlugScheme.ASCII, SlugScheme.defaultFor("es").id());
        assertEquals(SlugScheme.ASCII, SlugScheme.defaultFor("pl").id());
        assertEquals("humanitarna-dopomoha", SlugScheme.defaultFor("uk").slugify("Гуманітарна допомога"), "the KMU-55 slugs stay");
    }

    @Test
    void kmu55IcuIdsAndKeepAreKnownAndAMisspelledIdIsNot() {
        assertTrue(SlugScheme.known("kmu55"));
        assertTrue(SlugScheme.known("keep"));
        assertTrue(SlugScheme.known("Any-Latin; Latin-ASCII"));
        assertTrue(SlugScheme.known("Arabic-Latin/BGN; Latin-ASCII"));
        assertFalse(SlugScheme.known("Arabik-Latin"));
    }

    @Test
    void keepAcceptsAnEditorsUnicodeSlugOnlyWhenItIsAlreadyOneItWouldMake() {
        SlugScheme keep = new SlugScheme(SlugScheme.KEEP);
        assertTrue(keep.isValid("خطوط-الدعم"));
        assertFalse(keep.isValid("خطوط الدعم"), "a space");
        assertFalse(keep.isValid("Señales"), "upper case");
        assertFalse(keep.isValid("a/b"), "a folder");
        assertFalse(new SlugScheme(SlugScheme.ASCII).isValid("señales"), "ASCII schemes take ASCII slugs");
    }
}
