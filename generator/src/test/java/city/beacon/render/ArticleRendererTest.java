package city.beacon.render;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Localized;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SiteModel;
import city.beacon.render.ArticleContext.Translation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article rendered from its context alone (its page, its translation, the alerts in force,
 * settings, data, build date, address, downloads), with no site, is the page the whole site's
 * renderer makes: a build of a few edited pages need not make a site to render them.
 */
class ArticleRendererTest {
    private static final Page SERVICE_UK = Fixtures.page("uk/poslugy/pasport.md", Fixtures.SERVICE_UK);
    private static final Page SERVICE_EN = Fixtures.page("en/services/pasport.md", Fixtures.SERVICE_EN);
    private static final Page MIRRORS_UK = Fixtures.page("uk/dovidka/mirrors.md", "---\ntitle: Дзеркала\nsummary: Копії порталу.\n---\n");
    private static final Page ALERT_UK = alert("uk/opovishchennia/svitlo.md", "Відключення світла", "2026-11-20", "2026-12-01");
    private static final Page EXPIRED_UK = alert("uk/opovishchennia/voda.md", "Відключення води", "2026-11-01", "2026-11-10");
    /** In force, but in English: not on Ukrainian pages. */
    private static final Page ALERT_EN = alert("en/alerts/power.md", "Power cuts", "2026-11-20", "2026-12-01");

    private static final SiteData DATA = new SiteData(
            List.of(new SiteData.ContactLine("112", new Localized(Map.of("uk", "Екстрені служби", "en", "Emergency services")),
                    new Localized(Map.of()), true, false)),
            List.of(new SiteData.ContactLine("7333", new Localized(Map.of("uk", "Лінія довіри", "en", "Helpline")),
                    new Localized(Map.of("uk", "цілодобово", "en", "24/7")), true, true)),
            List.of(new SiteData.Mirror("Дзеркало університету", "https://mirror.example.org/", null,
                    new Localized(Map.of("uk", "Київ", "en", "Kyiv")), true)));
    /** The 25th of November in Kyiv. */
    private static final Instant BUILD_TIME = Instant.parse("2026-11-25T10:00:00Z");
    private static final String BASE_URL = "https://city.example.org/";
    private static final List<String> DOWNLOADS = List.of("manifest.json", "manifest.json.sig");
    private static final String BODY = "<p>Текст сторінки.</p>";

    private final Theme theme = Theme.bundled();
    private final Map<String, UiText> texts = theme.texts(List.of("uk", "en"), new Problems());
    private final ArticleRenderer articles = new ArticleRenderer(theme.templates(), texts, theme.inlineStylesheet());

    private static Page alert(String relative, String title, String starts, String expires) {
        return Fixtures.page(relative, "---\ntitle: " + title + "\nsummary: Графік.\nseverity: warning\nstarts: " + starts
                + "\nexpires: " + expires + "\n---\nТекст.\n");
    }

    /** The whole site, built as a build builds it. */
    private static Site site() {
        Problems problems = new Problems();
        List<Page> pages = List.of(SERVICE_UK, SERVICE_EN, MIRRORS_UK, ALERT_UK, EXPIRED_UK, ALERT_EN);
        Site site = SiteModel.build(Fixtures.config(), pages, pages.stream().map(p -> p.source().relative()).toList(), DATA,
                List.of(), BUILD_TIME, false, problems).withBaseUrl(BASE_URL);
        assertTrue(!problems.hasErrors(), Fixtures.lines(problems).toString()); // warnings: pages with no translation
        return site;
    }

    /** The renderer of the whole site. */
    private SiteRenderer siteRenderer() {
        return new SiteRenderer(site(), theme.templates(), texts, theme.inlineStylesheet(), DOWNLOADS, new Alphabets());
    }

    @Test
    void aServiceGuideRenderedFromItsContextAloneIsTheSiteRenderersPage() {
        ArticleContext context = new ArticleContext(SERVICE_UK, Optional.of(new Translation("en", "en/services/pasport/")),
                List.of(ALERT_UK), Fixtures.config(), DATA, LocalDate.of(2026, 11, 25), Optional.of(BASE_URL), DOWNLOADS);

        String alone = articles.article(context, BODY);

        assertEquals(siteRenderer().article(SERVICE_UK, BODY), alone);
        Document doc = Jsoup.parse(alone);
        assertEquals(List.of("Відключення світла"), doc.select("section.alerts a").eachText(), "the alert in force in Ukrainian");
        assertEquals("../../../en/services/pasport/", doc.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        assertTrue(doc.selectFirst("script[type=application/ld+json]").data().contains(BASE_URL + "uk/poslugy/pasport/"),
                "the JSON-LD names the page's public address");
        assertTrue(doc.text().contains("7333"), "the crisis line from the data");
    }

    @Test
    void theMirrorsPageRenderedFromItsContextAloneListsTheMirrorsAndDownloads() {
        ArticleContext context = new ArticleContext(MIRRORS_UK, Optional.empty(), List.of(ALERT_UK), Fixtures.config(), DATA,
                LocalDate.of(2026, 11, 25), Optional.of(BASE_URL), DOWNLOADS);

        String alone = articles.article(context, BODY);

        assertEquals(siteRenderer().article(MIRRORS_UK, BODY), alone);
        assertTrue(alone.contains("Дзеркало університету") && alone.contains("manifest.json.sig"), alone);
    }

    @Test
    void theLayoutAndTextOfAnArticleFromItsContextAreTheSiteRenderers() {
        ArticleContext context = new ArticleContext(SERVICE_UK, Optional.of(new Translation("en", "en/services/pasport/")),
                List.of(ALERT_UK), Fixtures.config(), DATA, LocalDate.of(2026, 11, 25), Optional.of(BASE_URL), DOWNLOADS);

        assertEquals(siteRenderer().articleParts(SERVICE_UK, BODY), articles.articleParts(context, BODY));
    }

    @Test
    void aPageOfASiteHasTheContextWrittenOutByHand() {
        ArticleContext byHand = new ArticleContext(SERVICE_UK, Optional.of(new Translation("en", "en/services/pasport/")),
                List.of(ALERT_UK), Fixtures.config(), DATA, LocalDate.of(2026, 11, 25), Optional.of(BASE_URL), DOWNLOADS);

        assertEquals(byHand, ArticleContext.of(site(), SERVICE_UK, DOWNLOADS));
        assertEquals(byHand, siteRenderer().context(SERVICE_UK), "as the renderer of the site, which looks up the alerts once, makes it");
    }
}
