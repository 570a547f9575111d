package city.beacon.render;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Localized;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SiteModel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled templates rendering a small site: what a resident sees on each kind of page. */
class SiteRendererTest {
    private static final Page SERVICE_UK = Fixtures.page("uk/poslugy/pasport.md", Fixtures.SERVICE_UK);
    private static final Page SERVICE_EN = Fixtures.page("en/services/pasport.md", Fixtures.SERVICE_EN);
    private static final Page ONLY_UK = Fixtures.page("uk/dovidka/volonteram.md", "---\ntitle: Волонтерам\nsummary: Як допомогти.\n---\n");

    private static final Page SUPPORT_EN = Fixtures.page("en/support/line.md", """
            ---
            title: Crisis line
            summary: Call when it is hard.
            type: hotline
            phones:
              - {number: "+380 44 000 00 90", label: Crisis line, hours: 24/7, free: true, example: true}
            languages: [uk, en, crh]
            audience: Adults
            reviewed: 2026-10-01
            ---
            """);

    private final SiteRenderer renderer;
    private final Map<String, SiteRenderer.Generated> generated;

    SiteRendererTest() {
        Problems problems = new Problems();
        SiteData data = new SiteData(List.of(new SiteData.ContactLine("112",
                new Localized(Map.of("uk", "Екстрені служби", "en", "Emergency services")), new Localized(Map.of()), true, false)),
                List.of(), List.of());
        Site site = SiteModel.build(Fixtures.config(), List.of(SERVICE_UK, SERVICE_EN, ONLY_UK),
                List.of("uk/poslugy/pasport.md", "en/services/pasport.md", "uk/dovidka/volonteram.md"), data, List.of(),
                Instant.parse("2026-11-25T10:00:00Z"), false, problems);
        Theme theme = Theme.bundled();
        renderer = new SiteRenderer(site, theme.templates(), theme.texts(site.config().languageCodes(), problems),
                theme.inlineStylesheet());
        generated = renderer.generatedPages().stream().collect(Collectors.toMap(SiteRenderer.Generated::url, g -> g));
    }

    private Document generated(String url) {
        return Jsoup.parse(generated.get(url).html());
    }

    private static List<String> texts(Document doc, String css) {
        return doc.select(css).eachText();
    }

    @Test
    void servicePageShowsItsStructuredFields() {
        Document doc = Jsoup.parse(renderer.article(SERVICE_UK, "<p>Текст сторінки.</p>"));
        assertEquals("Відновлення паспорта", doc.selectFirst("h1").text());
        assertEquals(List.of("Заява", "Фото 10x15"), texts(doc, "ul.checklist li"));
        assertEquals(List.of("Прийдіть до ЦНАП."), texts(doc, "ol.steps li"));
        assertEquals(List.of("Вартість", "Строк", "Категорія"), texts(doc, "dl.facts dt"));
        assertEquals(List.of("Безкоштовно", "до 20 днів", "Документи"), texts(doc, "dl.facts dd"));
        Element place = doc.selectFirst("ul.places li");
        assertEquals("tel:+380440000001", place.selectFirst("a[href^=tel:]").attr("href"));
        assertTrue(place.text().contains("вул. Прикладна, 1"), place.text());
        assertEquals("(приклад, не справжній контакт)", place.selectFirst("em.example").text());
        assertEquals("На цій сторінці контакти — приклад, не справжні дані.", doc.selectFirst("p.note").text());
        assertEquals("Текст сторінки.", doc.selectFirst("article > p:not([class])").text());
        assertEquals("../../katehorii/dokumenty/", doc.selectFirst("dl.facts a").attr("href"));
    }

    @Test
    void supportPageShowsItsPhonesAndTheLanguagesByName() {
        Document doc = Jsoup.parse(renderer.article(SUPPORT_EN, ""));
        assertEquals(List.of("Hotline", "Adults", "Українська, English, crh"), texts(doc, "dl.facts dd"));
        assertEquals("+380 44 000 00 90 Crisis line, 24/7, free of charge (example, not a real contact)",
                doc.selectFirst("ul.contacts li").text());
        assertEquals("tel:+380440000090", doc.selectFirst("ul.contacts a").attr("href"));
    }

    @Test
    void everyPageShowsTheEmergencyNumbers() {
        Document doc = Jsoup.parse(renderer.article(SERVICE_EN, ""));
        assertEquals("tel:112", doc.selectFirst("aside.help a").attr("href"));
        assertEquals("112 Emergency services", doc.selectFirst("aside.help li").text());
    }

    @Test
    void languageSwitcherLinksToTheTranslationAndHreflangAlternatesNameBoth() {
        Document doc = Jsoup.parse(renderer.article(SERVICE_UK, ""));
        Element english = doc.selectFirst("nav.langs a[hreflang=en]");
        assertEquals("../../../en/services/pasport/", english.attr("href"));
        assertEquals("English", english.text());
        assertEquals("Українська", doc.selectFirst("nav.langs [aria-current]").text());
        assertEquals(Map.of("uk", "./", "en", "../../../en/services/pasport/"),
                doc.select("link[rel=alternate]").stream().collect(Collectors.toMap(e -> e.attr("hreflang"), e -> e.attr("href"))));
    }

    @Test
    void untranslatedPageSwitchesToTheOtherLanguagesHomeWithANote() {
        Document doc = Jsoup.parse(renderer.article(ONLY_UK, ""));
        Element english = doc.selectFirst("nav.langs a[hreflang=en]");
        assertEquals("../../../en/", english.attr("href"));
        assertEquals("(this page is not in English: English home page)", doc.selectFirst("nav.langs small").text());
        assertEquals(List.of("uk"), doc.select("link[rel=alternate]").eachAttr("hreflang"));
    }

    @Test
    void pageInOneLanguageIsListedInTheOtherMarkedAvailableOnlyThere() {
        Document list = generated("en/info/");
        Element entry = list.selectFirst("ul.entries li");
        assertEquals("../../uk/dovidka/volonteram/", entry.selectFirst("a").attr("href"));
        assertEquals("uk", entry.selectFirst("a").attr("hreflang"));
        assertEquals("(Ukrainian only)", entry.selectFirst("small").text());
        assertEquals("uk", entry.selectFirst("a").attr("lang"), "a screen reader reads the Ukrainian title in Ukrainian");
        Element onHome = generated("en/").select("ul.entries a[hreflang=uk]").first();
        assertNotNull(onHome, "the English home lists the Ukrainian-only page");
        assertEquals("../uk/dovidka/volonteram/", onHome.attr("href"));
    }

    @Test
    void breadcrumbLeadsFromHomeThroughTheSection() {
        Document doc = Jsoup.parse(renderer.article(SERVICE_EN, ""));
        assertEquals(List.of("../../", "../"), doc.select("nav.crumbs a").eachAttr("href"));
        assertEquals(List.of("Home", "Services"), texts(doc, "nav.crumbs a"));
    }

    @Test
    void rootOffersBothLanguagesWithoutRedirectOrScript() {
        Document root = generated("");
        assertEquals(List.of("uk/", "en/"), root.select("ul.choices a").eachAttr("href"));
        assertTrue(root.select("script, meta[http-equiv=refresh]").isEmpty());
    }

    @Test
    void categoryPageListsItsServices() {
        Document doc = generated("uk/katehorii/dokumenty/");
        assertEquals("Документи", doc.selectFirst("h1").text());
        assertEquals(List.of("../../poslugy/pasport/"), doc.select("ul.entries a").eachAttr("href"));
    }
}
