package city.beacon.build;

import city.beacon.TestContent;
import city.beacon.cli.Main;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 items 2 to 4 on whole sites: a Spanish-English portal (src/test/resources/sites/spanish-english)
 * and an Arabic-English one (arabic-english) built with the jar's theme: addresses, words, dates and
 * order in Spanish; right to left in Arabic with numbers left to right; the English pages of both as
 * English pages always were.
 */
class LanguagesSiteTest {
    @TempDir
    Path temp;

    private SiteBuilder.Result build(String site, Path out) throws IOException {
        SiteBuilder.Options options = new SiteBuilder.Options(TestContent.site(site), out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1796284800"));
        SiteBuilder.Result result = new SiteBuilder(options).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        return result;
    }

    private static String read(Path out, String page) throws IOException {
        return Files.readString(out.resolve(page), StandardCharsets.UTF_8);
    }

    private static List<String> links(String html, String within) {
        String part = html.substring(html.indexOf(within));
        Matcher m = Pattern.compile("<a href=\"[^\"]*\" hreflang=\"es\">([^<]*)</a>").matcher(part);
        List<String> titles = new java.util.ArrayList<>();
        while (m.find()) titles.add(m.group(1));
        return titles;
    }

    @Test
    void aSpanishPortalHasSpanishAddressesWordsDatesAndOrder() throws IOException {
        Path out = temp.resolve("public");
        build("spanish-english", out);
        // Addresses: file and folder names folded to ASCII, the lists' words from es.yaml, categories by their Spanish titles.
        for (String page : List.of("es/informacion/senales-de-ayuda/", "es/servicios/nandu/", "es/servicios/angel/",
                "es/categorias/tramites-y-documentos/", "es/categorias/senales-de-ayuda/", "es/temas/senales/", "es/a-z/",
                "en/categories/documents/", "en/a-z/")) {
            assertTrue(Files.isRegularFile(out.resolve(page + "index.html")), page);
        }
        String nube = read(out, "es/servicios/nube/index.html");
        assertTrue(nube.contains("<html lang=\"es\">"), "left to right: no dir attribute");
        assertTrue(nube.contains("Actualizado: 25 de noviembre de 2026."), nube);
        assertTrue(nube.contains(">Números de emergencia</h2>"), nube);
        assertTrue(nube.contains("aria-label=\"Volver a la referencia 1\""), "the footnote's link back in Spanish: " + nube);
        assertEquals(List.of("Ángel", "Nube", "Ñandú", "Oso", "Señales de ayuda"), links(read(out, "es/a-z/index.html"), "<ul class=\"entries\">"),
                "Spanish order: Á with A, Ñ after N");
        assertTrue(read(out, "es/a-z/index.html").contains("<a href=\"../../en/info/about/\" hreflang=\"en\" lang=\"en\">About</a> <small>(solo en inglés)</small>"));
    }

    @Test
    void anArabicPortalIsRightToLeftWithItsNumbersLeftToRight() throws IOException {
        Path out = temp.resolve("public");
        build("arabic-english", out);
        String ar = read(out, "ar/khadamat/jawaz-al-safar/index.html");
        assertTrue(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), ar);
        assertTrue(ar.contains("<a href=\"tel:112\"><b dir=\"ltr\">112</b> رقم الطوارئ الموحد</a>"), ar);
        assertTrue(ar.contains("<a href=\"tel:+380441234567\"><b dir=\"ltr\">+380 44 123 45 67</b> خط الدعم النفسي <small>(مثال)</small></a>"), ar);
        assertTrue(ar.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"), "the English link is isolated left to right: " + ar);
        assertTrue(ar.contains("آخر تحديث: ١ نوفمبر ٢٠٢٦."), "an Arabic date: " + ar);
        assertTrue(ar.contains("<a href=\"../../fiat/alwthayq/\">الوثائق</a>"), "a Latin address by default: " + ar);
        String en = read(out, "en/services/replacing-a-passport/index.html");
        assertTrue(en.contains("<html lang=\"en\">"), en);
        assertTrue(en.contains("<a href=\"tel:112\"><b>112</b> Single emergency number</a>"), "nothing to isolate in English: " + en);
        assertTrue(en.contains("hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"), en);
        String root = read(out, "index.html");
        assertTrue(root.contains("<html lang=\"ar\" dir=\"rtl\">") && root.contains("<li lang=\"en\" dir=\"ltr\">"), root);
    }

    @Test
    void slugKeepMakesUnicodeAddressesAndAddressesGivesTheListsWords() throws IOException {
        Path content = TestContent.copyTree(TestContent.site("arabic-english"), temp.resolve("content"));
        Path yaml = content.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {code: ar, name: العربية}",
                "  - {code: ar, name: العربية, slug: keep, addresses: {categories: فئات, a_z: أ-ي}}"));
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, temp.resolve("public"), false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1796284800"))).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        assertTrue(Files.isRegularFile(temp.resolve("public/ar/فئات/الوثائق/index.html")));
        assertTrue(Files.isRegularFile(temp.resolve("public/ar/أ-ي/index.html")));
        assertTrue(read(temp.resolve("public"), "ar/khadamat/jawaz-al-safar/index.html").contains("<a href=\"../../فئات/الوثائق/\">الوثائق</a>"));
    }

    @Test
    void anUnknownTransliteratorIsAnErrorAtItsLineWithWhatToWrite() throws IOException {
        Path content = TestContent.copyTree(TestContent.site("spanish-english"), temp.resolve("content"));
        Path yaml = content.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("{code: es, name: Español, locale: es-MX}",
                "{code: es, name: Español, locale: es-MX, slug: Spanish-Latin}"));
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of())).build();
        List<String> errors = result.problems().sorted().stream().filter(Problem::isError).map(Problem::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(content + "/site.yaml:5:46: error: field 'languages[1].slug': \"Spanish-Latin\" is neither kmu55, keep nor a "
                + "transliterator ICU knows; write kmu55 (Ukrainian), keep (addresses in the language's own letters), or an ICU "
                + "transliterator id such as \"Any-Latin; Latin-ASCII\" or \"Arabic-Latin/BGN; Latin-ASCII\"", errors.get(0));
    }

    @Test
    void buildAndCheckTakeAWholeThemeFolderWithTemplates() throws IOException {
        Path templates = TestContent.copy("templates", temp);
        Path layout = templates.resolve("layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("<footer>", "<footer><p class=\"city\">Hecho en la ciudad</p>"));
        Path out = temp.resolve("public");
        assertEquals(0, Main.run("build", "--content", TestContent.site("spanish-english").toString(), "--out", out.toString(),
                "--templates", templates.toString()));
        assertTrue(read(out, "es/index.html").contains("<footer><p class=\"city\">Hecho en la ciudad</p>"));
        assertEquals(0, Main.run("check", "--content", TestContent.site("spanish-english").toString(), "--templates", templates.toString()));
        assertEquals(2, Main.run("check", "--content", TestContent.site("spanish-english").toString(), "--templates", temp.resolve("none").toString()),
                "no such folder: a usage error");
        assertTrue(read(out, "es/index.html").contains("<html lang=\"es\">"), "Spanish is left to right");
    }
}
