package city.beacon.render;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.config.SiteConfigLoader;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long lists cut into pages of {@code paginate} entries, and the A–Z index split by first letter. */
class PaginationTest {

    /** A site with {@code paginate: 3} and {@code home_entries: 2}, and the given pages. */
    private static Map<String, String> render(List<Page> pages) {
        Problems problems = new Problems();
        String yaml = Fixtures.SITE_YAML + "paginate: 3\nhome_entries: 2\n";
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(yaml, "content/site.yaml", 1, problems), "content/site.yaml", problems)
                .orElseThrow();
        Site site = SiteModel.build(config, pages, pages.stream().map(p -> p.source().relative()).toList(),
                new SiteData(List.of(), List.of(), List.of()), List.of(), Instant.parse("2026-11-25T10:00:00Z"), false, problems);
        Theme theme = Theme.bundled();
        SiteRenderer renderer = new SiteRenderer(site, theme.templates(), theme.texts(config.languageCodes(), problems), null);
        assertEquals(List.of(), problems.sorted().stream().filter(city.beacon.findings.Problem::isError).toList());
        return renderer.generatedPages().stream().collect(Collectors.toMap(SiteRenderer.Generated::url, g -> g.html()));
    }

    /** {@code count} English-only info pages titled "Page 1", "Page 2"... in that order (by weight). */
    private static List<Page> infoPages(String lang, String folder, int count) {
        List<Page> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pages.add(Fixtures.page(lang + "/" + folder + "/p" + i + ".md",
                    "---\ntitle: Page " + i + "\nsummary: Text " + i + ".\nweight: " + i + "\n---\n"));
        }
        return pages;
    }

    private static List<String> pagerHrefs(Document doc) {
        return doc.select("nav.pager a").eachAttr("href");
    }

    /** A list that fits on one page: no pager ("page 1 of 1") and no page 2. */
    private static void assertOnePageOnly(Map<String, String> site, String list) {
        assertTrue(Jsoup.parse(site.get(list)).select("nav.pager").isEmpty(), "no pager on " + list);
        assertFalse(site.containsKey(list + "page/2/"));
    }

    @Test
    void emptyListShowsNothingHereAndNoPager() {
        Map<String, String> site = render(infoPages("en", "info", 1));
        assertEquals("Nothing here yet.", Jsoup.parse(site.get("en/services/")).selectFirst("main p").text());
        assertOnePageOnly(site, "en/services/");
    }

    @Test
    void listOfExactlyOnePageOfEntriesHasNoPager() {
        Map<String, String> site = render(infoPages("en", "info", 3));
        assertEquals(List.of("Page 1", "Page 2", "Page 3"), Jsoup.parse(site.get("en/info/")).select("ul.entries a").eachText());
        assertOnePageOnly(site, "en/info/");
    }

    @Test
    void oneEntryMoreThanAPageContinuesOnPageTwoWithPreviousAndNext() {
        Map<String, String> site = render(infoPages("en", "info", 4));
        Document first = Jsoup.parse(site.get("en/info/"));
        assertEquals(List.of("Page 1", "Page 2", "Page 3"), first.select("ul.entries a").eachText());
        assertEquals("Page 1 of 2", first.selectFirst("nav.pager p").text());
        assertEquals("page/2/", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertNull(first.selectFirst("nav.pager a[rel=prev]"));

        Document second = Jsoup.parse(site.get("en/info/page/2/"));
        assertEquals(List.of("Page 4"), second.select("ul.entries a").eachText());
        assertEquals("../../p4/", second.selectFirst("ul.entries a").attr("href"), "entries link relative to the page they are on");
        assertEquals("../../", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals("About · Page 2 of 2 · Test City", second.title());
        assertEquals("2", second.selectFirst("nav.pager a[aria-current=page]").text());
    }

    @Test
    void everyPagerLinkLeadsToAGeneratedPage() {
        Map<String, String> site = render(infoPages("en", "info", 25));
        for (int n = 1; n <= 9; n++) {
            String self = n == 1 ? "en/info/" : "en/info/page/" + n + "/";
            Document doc = Jsoup.parse(site.get(self));
            for (String href : pagerHrefs(doc)) {
                String target = Urls.resolve(Urls.file(self), href) + "/";
                assertTrue(site.containsKey(target), self + " links to " + href + " = " + target + ", which is not a page");
            }
        }
        assertFalse(site.containsKey("en/info/page/10/"));
        Document fifth = Jsoup.parse(site.get("en/info/page/5/"));
        assertEquals(List.of("← Previous", "1", "…", "3", "4", "5", "6", "7", "…", "9", "Next →"), fifth.select("nav.pager li").eachText());
        assertEquals("5", fifth.selectFirst("nav.pager a[aria-current=page]").text());
    }

    /** {@code count} services in the category "documents", named {@code prefix}1.md... */
    private static List<Page> services(String lang, String folder, String prefix, int count) {
        List<Page> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pages.add(Fixtures.page(lang + "/" + folder + "/" + prefix + i + ".md", "---\ntitle: Service " + i
                    + "\nsummary: Text.\ncategory: documents\ndocuments: [ID]\ncost: Free\nprocessing_time: 1 day\nupdated: 2026-11-01\nreviewed: 2026-11-01\n---\n"));
        }
        return pages;
    }

    @Test
    void languageSwitcherOfPageKLeadsToPageKOfTheOtherLanguageOrItsFirstPage() {
        // A category lists the services of its own language only: 7 in Ukrainian (3 pages), 4 in English (2 pages).
        List<Page> pages = new ArrayList<>(services("uk", "poslugy", "u", 7));
        pages.addAll(services("en", "services", "e", 4));
        Map<String, String> site = render(pages);
        Document ukSecond = Jsoup.parse(site.get("uk/katehorii/dokumenty/storinka/2/"));
        assertEquals("../../../../../en/categories/documents/page/2/", ukSecond.selectFirst("nav.langs a[hreflang=en]").attr("href"));
        assertEquals("../../../../../en/categories/documents/page/2/",
                ukSecond.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        Document ukThird = Jsoup.parse(site.get("uk/katehorii/dokumenty/storinka/3/"));
        assertEquals("../../../../../en/categories/documents/", ukThird.selectFirst("nav.langs a[hreflang=en]").attr("href"),
                "English has no page 3: its first page");
        Document enSecond = Jsoup.parse(site.get("en/categories/documents/page/2/"));
        assertEquals("../../../../../uk/katehorii/dokumenty/storinka/2/",
                enSecond.selectFirst("link[rel=alternate][hreflang=uk]").attr("href"));
    }

    @Test
    void homeShowsTheFirstEntriesOfASectionAndLinksToAllOfThem() {
        Map<String, String> site = render(infoPages("en", "info", 5));
        Document home = Jsoup.parse(site.get("en/"));
        Element info = home.select("main section").stream().filter(s -> s.selectFirst("h2").text().equals("About")).findFirst().orElseThrow();
        assertEquals(List.of("Page 1", "Page 2"), info.select("ul.entries a").eachText());
        Element all = info.selectFirst("ul.entries + p a");
        assertEquals("All pages of this section (5)", all.text());
        assertEquals("info/", all.attr("href"));
    }

    @Test
    void shortIndexIsOnePageWithoutLetterBar() {
        Map<String, String> site = render(infoPages("en", "info", 3));
        Document index = Jsoup.parse(site.get("en/a-z/"));
        assertEquals(3, index.select("ul.entries li").size());
        assertTrue(index.select("ul.letters").isEmpty());
    }

    @Test
    void longIndexIsSplitByFirstLetterInUkrainianAlphabetOrderThenLatin() {
        List<Page> pages = new ArrayList<>();
        String[] titles = {"Ясла", "Ґанок", "Гуртожиток", "Єдине вікно", "Евакуація", "Інтернет", "Ігри", "Иржа", "Їжа", "Йога",
                "Wi-Fi точки", "«Пункти незламності»", "24/7 лінія", "Абетка"};
        for (int i = 0; i < titles.length; i++) {
            pages.add(Fixtures.page("uk/dovidka/p" + i + ".md", "---\ntitle: " + titles[i] + "\nsummary: Текст.\n---\n"));
        }
        Map<String, String> site = render(pages);
        Document root = Jsoup.parse(site.get("uk/a-ya/"));
        assertEquals(List.of("А", "Г", "Ґ", "Е", "Є", "И", "І", "Ї", "Й", "П", "Я", "W", "0–9"), root.select("ul.letters a").eachText());
        assertTrue(root.select("ul.entries").isEmpty(), "the split index's first page is the letter bar");
        assertEquals(List.of("a/", "h/", "g/", "e/", "ye/", "y/", "i/", "yi/", "j/", "p/", "ya/", "latin-w/", "0-9/"),
                root.select("ul.letters a").eachAttr("href"));
        for (String href : root.select("ul.letters a").eachAttr("href")) {
            assertTrue(site.containsKey("uk/a-ya/" + href), href);
        }
        Document i = Jsoup.parse(site.get("uk/a-ya/i/"));
        assertEquals(List.of("Ігри", "Інтернет"), i.select("ul.entries a").eachText());
        assertEquals("І", i.selectFirst("ul.letters a[aria-current=page]").text());
        assertEquals("../../../en/a-z/", i.selectFirst("nav.langs a[hreflang=en]").attr("href"));
        assertEquals(List.of("Wi-Fi точки"), Jsoup.parse(site.get("uk/a-ya/latin-w/")).select("ul.entries a").eachText());
    }

    @Test
    void englishIndexPutsLatinLettersBeforeCyrillic() {
        Alphabet alphabet = new Alphabet("English");
        List<String> titles = new ArrayList<>(List.of("Ясла", "water", "Apple", "Ґанок", "3 steps", "Zoo"));
        titles.sort(alphabet.titles());
        assertEquals(List.of("Apple", "water", "Zoo", "Ґанок", "Ясла", "3 steps"), titles);
        assertEquals(new Alphabet.Letter("Ґ", "cyrillic-g"), alphabet.letterOf("ґанок"));
        assertEquals(new Alphabet.Letter("W", "w"), alphabet.letterOf("water"));
    }

    @Test
    void ukrainianApostrophesSortAlike() {
        Alphabet alphabet = new Alphabet("Українська");
        assertEquals(0, alphabet.titles().compare("Пам’ятка", "Пам'ятка"));
        assertEquals(0, alphabet.titles().compare("Памʼятка", "пам'ятка"));
    }

    @Test
    void numberedTitlesSortByTheirNumbersInTheIndex() {
        Alphabet alphabet = new Alphabet("Українська");
        List<String> titles = new ArrayList<>(List.of("Крок 10", "Крок 2", "Крок 100", "Крок 1", "Крок 11", "Крок 02а", "2 кроки", "10 кроків"));
        titles.sort(alphabet.titles());
        assertEquals(List.of("Крок 1", "Крок 2", "Крок 02а", "Крок 10", "Крок 11", "Крок 100", "2 кроки", "10 кроків"), titles);
    }
}
