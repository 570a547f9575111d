package city.beacon.render;

import city.beacon.check.CheckRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page is a page of urgent tasks: after the emergency numbers, the top tasks that
 * site.yaml names ('top_tasks:'), as large links in that order, then each section with its
 * categories (a section without categories: its pages' titles), never every page with its summary.
 */
class HomePageTest {
    @TempDir
    Path dir;

    private Document home(Path content, String lang) throws IOException {
        Path out = dir.resolve("public");
        assertTrue(CheckRun.check(content, out).published());
        return Jsoup.parse(out.resolve(lang + "/index.html").toFile(), "UTF-8");
    }

    @Test
    void theNumbersComeFirstThenTheTopTasksInTheirOrderThenTheSectionsWithTheirCategories() throws IOException {
        Document home = home(CheckRun.sampleContent(dir), "uk");
        Element main = home.selectFirst("main");
        assertTrue(home.selectFirst("aside.help").siblingIndex() < main.siblingIndex(), "the emergency numbers come before the page");

        List<String> tasks = main.select("ul.tasks a").stream().map(a -> a.attr("href") + " " + a.text()).toList();
        assertEquals(List.of(
                "poslugy/povitriana-tryvoha-ta-ukryttia/ Укриття під час повітряної тривоги",
                "poslugy/punkty-nezlamnosti/ Пункти незламності — тепло, світло, зарядка",
                "pidtrymka/bezkoshtovna-psykholohichna-dopomoha/ Безкоштовна допомога психолога",
                "poslugy/vidnovlennia-pasporta/ Втрачені документи — паспорт, ID-картка",
                "poslugy/kompensatsiia-za-poshkodzhene-zhytlo/ Компенсація за пошкоджене житло"), tasks);

        List<String> outline = main.select("h1, ul.tasks, h2").stream()
                .map(e -> e.tagName() + (e.tagName().equals("ul") ? "" : " " + e.text())).toList();
        assertEquals(List.of("h1 Київ. Довідник мешканця", "ul", "h2 Послуги", "h2 Психологічна підтримка", "h2 Про портал"), outline);

        Element services = main.selectFirst("h2:contains(Послуги)").parent();
        assertEquals(List.of("Світло, тепло і вода", "Безпека та укриття", "Житло", "Документи", "Соціальна допомога", "Здоров'я"),
                services.select("ul.chips a").eachText(), "the services section lists its categories, not its pages");
        Element support = main.selectFirst("h2:contains(Психологічна підтримка)").parent();
        assertTrue(support.select("a").eachText().contains("Цілодобова лінія психологічної підтримки"),
                "a section without categories lists its pages' titles");
        assertEquals(0, main.select(".entries span").size(), "no page summaries on the home page");
    }

    @Test
    void aTopTaskNamingAPageThatIsNotThereIsAnErrorAtItsLine() throws IOException {
        Path content = CheckRun.sampleContent(dir);
        Path siteYaml = content.resolve("site.yaml");
        String text = Files.readString(siteYaml, StandardCharsets.UTF_8);
        Files.writeString(siteYaml, text
                .replace("    - page: uk/poslugy/povitriana-tryvoha-ta-ukryttia.md", "    - page: uk/poslugy/povitriana-tryvoha-ta-ukrytia.md")
                .replace("    - page: en/services/heating-points.md", "    - page: uk/poslugy/punkty-nezlamnosti.md"), StandardCharsets.UTF_8);

        List<String> findings = CheckRun.findingsAbout(dir, content, "content/site.yaml");
        assertEquals(List.of(
                "content/site.yaml:47:7: error: field 'top_tasks.uk[1].page': no page uk/poslugy/povitriana-tryvoha-ta-ukrytia.md in the"
                        + " content folder; did you mean 'uk/poslugy/povitriana-tryvoha-ta-ukryttia.md'?",
                "content/site.yaml:60:7: error: field 'top_tasks.en[2].page': uk/poslugy/punkty-nezlamnosti.md is a page in uk;"
                        + " the home page in en lists pages in en; name a page under en/"), findings);
    }

    /** A city whose portal is in Ukrainian only. */
    private Path oneLanguage() {
        Path content = dir.resolve("content");
        CheckRun.write(content, "site.yaml", """
                title: {uk: Тестове місто}
                languages:
                  - {code: uk, name: Українська}
                sections:
                  - {id: services, kind: service, folder: {uk: poslugy}, title: {uk: Послуги}}
                  - {id: info, kind: page, folder: {uk: dovidka}, title: {uk: Довідка}}
                categories:
                  - {id: documents, title: {uk: Документи}}
                menu: [services, info]
                """);
        CheckRun.write(content, "data/emergency.yaml", "- number: \"112\"\n  label: {uk: Екстрені служби}\n");
        CheckRun.write(content, "uk/poslugy/pasport.md", """
                ---
                title: Відновлення паспорта
                summary: Як відновити втрачений паспорт.
                category: documents
                documents: [Заява]
                cost: Безкоштовно
                processing_time: до 20 днів
                updated: 2026-11-01
                reviewed: 2026-11-01
                ---
                Заява.
                """);
        CheckRun.write(content, "uk/dovidka/pro.md", "---\ntitle: Про портал\n---\nДивіться [паспорт](../poslugy/pasport.md).\n");
        return content;
    }

    @Test
    void aSiteInOneLanguageHasThatLanguagesHomePageAtItsRootAndNoLanguageChoice() throws IOException {
        Path content = oneLanguage();
        Document home = home(content, "uk");
        Path out = dir.resolve("public");
        Document root = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals("uk", root.selectFirst("html").attr("lang"));
        assertTrue(root.select("ul.choices").isEmpty(), "no choice of language: " + root.selectFirst("main"));
        assertEquals(home.selectFirst("main").select("h1, h2").eachText(), root.selectFirst("main").select("h1, h2").eachText());
        assertTrue(root.select("a").eachAttr("href").containsAll(List.of("uk/poslugy/", "uk/dovidka/", "uk/dovidka/pro/", "uk/a-ya/")),
                "links relative to the root: " + root.select("a").eachAttr("href"));
        assertTrue(root.selectFirst("aside.help") != null, "the emergency numbers in full, as on the home page");
        assertEquals("assets/beacon.js", root.selectFirst("script[src]").attr("src"), "search works from the root");
        assertTrue(root.select("nav.langs").isEmpty() && home.select("nav.langs").isEmpty(), "no language switch with one language");
        assertEquals("uk/", root.selectFirst("link[rel=canonical]").attr("href"), "the root says the home page is where it lives");
        assertTrue(home.select("link[rel=canonical]").isEmpty(), "the home page itself is the canonical one");
        assertTrue(root.select("link[rel=alternate][hreflang]").isEmpty() && home.select("link[rel=alternate][hreflang]").isEmpty(),
                "no language alternates with one language: " + root.select("link[rel=alternate]"));
        for (org.jsoup.nodes.Element link : root.select("a[href], link[href], script[src], form[action]")) {
            String href = link.hasAttr("src") ? link.attr("src") : link.hasAttr("action") ? link.attr("action") : link.attr("href");
            if (href.matches("(https?|tel|mailto|data):.*|#.*")) continue;
            String path = href.replaceAll("[#?].*", "");
            Path target = out.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
            assertTrue(Files.isRegularFile(target), "the root's link " + href + " leads nowhere");
        }
    }
}
