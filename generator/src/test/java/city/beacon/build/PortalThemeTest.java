package city.beacon.build;

import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 2: a portal's own theme folder beside site.yaml ({@code content/theme/}) rewords
 * interface texts key by key and replaces assets file by file, read by every build without a new
 * jar; a warm build publishes what a cold one would after it is edited. Texts missing keys are a
 * finding that names each key and where to put it, never a crash.
 */
class PortalThemeTest {
    @TempDir
    Path temp;

    private static List<String> errors(SiteBuilder.Result result) {
        return result.problems().sorted().stream().filter(Problem::isError).map(Problem::format).toList();
    }

    @Test
    void thePortalsTextsRewordOneLabelAndKeepEveryOtherShippedText() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.write("theme/i18n/en.yaml", "# Our own wording\nemergency: If your life is in danger, call\n");
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        String en = Files.readString(site.out().resolve("en/services/passport/index.html"));
        assertTrue(en.contains(">If your life is in danger, call</h2>"), en);
        assertTrue(en.contains(">Skip to content</a>"), "the other English texts are the shipped ones");
        String uk = Files.readString(site.out().resolve("uk/poslugy/passport/index.html"));
        assertTrue(uk.contains(">Екстрені номери</h2>"), "Ukrainian is untouched");
        assertFalse(Files.exists(site.out().resolve("theme")), "the theme folder is not published as pages");
    }

    @Test
    void aKeyThePagesDoNotHaveIsAWarningWithTheClosestKey() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.write("theme/i18n/en.yaml", "emergncy: Call for help\n");
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), "a warning does not stop the build");
        assertEquals(List.of(site.content() + "/theme/i18n/en.yaml: warning: field 'emergncy': 'emergncy' is not a key of the interface "
                        + "texts, so it is not shown; did you mean 'emergency'?"),
                result.problems().sorted().stream().map(Problem::format).filter(f -> f.contains("theme/")).toList());
    }

    @Test
    void anEditOfThePortalsTextsFileChangesTheOutputOfAWarmBuildAsOfACold() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.write("theme/i18n/en.yaml", "emergency: Emergency phone numbers\n");
        assertTrue(new SiteBuilder(site.options(site.out())).build().published());
        site.edit("theme/i18n/en.yaml", text -> text.replace("Emergency phone numbers", "Call for help"));
        SiteBuilder.Result warm = new SiteBuilder(site.options(site.out())).build();
        assertTrue(warm.published(), warm.problems().sorted().toString());
        Path cold = temp.resolve("cold");
        assertTrue(new SiteBuilder(site.options(cold)).build().published());
        for (String page : List.of("en/services/passport/index.html", "en/index.html", "en/info/about/index.html")) {
            String html = Files.readString(site.out().resolve(page));
            assertTrue(html.contains(">Call for help</h2>"), page + " of the warm build: " + html);
            assertEquals(Files.readString(cold.resolve(page)), html, page + ": warm == cold");
        }
    }

    @Test
    void thePortalsStylesheetReplacesTheShippedOneInEveryPage() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.write("theme/assets/beacon.css", "body{color:#123456}\n");
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        assertTrue(Files.readString(site.out().resolve("en/index.html")).contains("<style>body{color:#123456}</style>"));
        assertEquals("body{color:#123456}\n", Files.readString(site.out().resolve("assets/beacon.css")));
    }

    @Test
    void aTextsFileMissingKeysIsAnErrorNamingEveryKeyNotACrash() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled()).themeCopy();
        site.editTheme("i18n/uk.yaml", text -> text.replace("skip_link: Перейти до змісту\n", "").replace("emergency: Екстрені номери\n", ""));
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertFalse(result.published());
        assertEquals(List.of("templates/i18n/uk.yaml: error: the interface texts of 'uk' lack 2 keys: emergency, skip_link;"
                        + " add them to " + site.content() + "/theme/i18n/uk.yaml (templates/i18n/en.yaml has every key, with the English text)"),
                errors(result));
    }

    @Test
    void aLanguageWithNoTextsAnywhereIsAnErrorSayingWhereToPutThem() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.edit("site.yaml", text -> text.replace("title: {uk: Тестове місто, en: Test City}", "title: {uk: Тестове місто, en: Test City, fr: Ville test}")
                .replace("description: {uk: Довідник, en: Guide}", "description: {uk: Довідник, en: Guide, fr: Guide}")
                .replace("  - {code: en, name: English}\n", "  - {code: en, name: English}\n  - {code: fr, name: Français}\n")
                .replace("folder: {uk: poslugy, en: services}", "folder: {uk: poslugy, en: services, fr: services}")
                .replace("title: {uk: Послуги, en: Services}", "title: {uk: Послуги, en: Services, fr: Services}")
                .replace("folder: {uk: dovidka, en: info}", "folder: {uk: dovidka, en: info, fr: info}")
                .replace("title: {uk: Довідка, en: About}", "title: {uk: Довідка, en: About, fr: À propos}")
                .replace("folder: {uk: opovishchennia, en: alerts}", "folder: {uk: opovishchennia, en: alerts, fr: alertes}")
                .replace("title: {uk: Оповіщення, en: Alerts}", "title: {uk: Оповіщення, en: Alerts, fr: Alertes}")
                .replace("title: {uk: Документи, en: Documents}", "title: {uk: Документи, en: Documents, fr: Documents}"));
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertFalse(result.published());
        String shown = site.content() + "/theme/i18n/fr.yaml";
        assertEquals(List.of(shown + ": error: no interface text for the language 'fr' (Beacon ships ar, en, es, pl, uk); "
                        + "copy templates/i18n/en.yaml (in the Beacon repository) to " + shown
                        + " and translate every text (see docs/templates.md, \"A language of your own\")"),
                errors(result).stream().filter(e -> e.contains("fr.yaml")).toList());

        site.write("theme/i18n/fr.yaml", "skip_link: Aller au contenu\n");
        List<String> missing = errors(new SiteBuilder(site.options(site.out())).build()).stream().filter(e -> e.contains("fr.yaml")).toList();
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith(shown + ": error: the interface texts of 'fr' lack "), missing.get(0));
        assertTrue(missing.get(0).contains("emergency, ") && !missing.get(0).contains("skip_link") && !missing.get(0).contains("only_in.uk"),
                "every missing key but the optional ones: " + missing.get(0));
    }
}
