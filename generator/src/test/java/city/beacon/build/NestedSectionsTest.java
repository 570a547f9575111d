package city.beacon.build;

import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 2: a sub-folder of a section is a sub-section (to any depth), with its own list
 * page, breadcrumbs, and an optional {@code _index.md} that names and introduces it. The site is
 * {@link SiteFixture}'s, with the nested files each test writes inline.
 */
class NestedSectionsTest {
    private static final Theme BUNDLED = Theme.bundled();

    @TempDir
    Path temp;
    SiteFixture site;

    static final String HEATING_INDEX_EN = """
            ---
            title: Heating
            summary: Warm places and heating help.
            translation: uk/poslugy/opalennia/_index.md
            ---
            Where to **get warm** this winter.
            """;
    static final String HEATING_INDEX_UK = """
            ---
            title: Опалення
            summary: Пункти обігріву.
            translation: en/services/heating/_index.md
            ---
            Де зігрітися взимку.
            """;
    static final String POINTS_EN = """
            ---
            title: Heating points
            summary: Where to get warm.
            category: documents
            documents: [Nothing]
            cost: Free
            processing_time: at once
            updated: 2026-11-01
            reviewed: 2026-11-01
            translation: uk/poslugy/opalennia/punkty.md
            ---
            Bring [your passport](../passport.md) if you have it.
            """;
    static final String POINTS_UK = """
            ---
            title: Пункти незламності
            summary: Де зігрітися.
            category: documents
            documents: [Нічого]
            cost: Безкоштовно
            processing_time: одразу
            updated: 2026-11-01
            reviewed: 2026-11-01
            translation: en/services/heating/points.md
            ---
            Тепло і зв'язок.
            """;
    static final String SCHOOLS_EN = """
            ---
            title: Heated schools
            summary: Schools open as heating points.
            category: documents
            documents: [Nothing]
            cost: Free
            processing_time: at once
            updated: 2026-11-01
            reviewed: 2026-11-01
            ---
            Open at night.
            """;

    @BeforeEach
    void site() throws IOException {
        site = new SiteFixture(temp.resolve("site"), BUNDLED);
        site.write("en/services/heating/_index.md", HEATING_INDEX_EN)
                .write("uk/poslugy/opalennia/_index.md", HEATING_INDEX_UK)
                .write("en/services/heating/points.md", POINTS_EN)
                .write("uk/poslugy/opalennia/punkty.md", POINTS_UK);
    }

    private SiteBuilder.Result build() throws IOException {
        return new SiteBuilder(site.options(site.out())).build();
    }

    private Document published(String file) throws IOException {
        Path path = site.out().resolve(file);
        assertTrue(Files.exists(path), file + " is published");
        return Jsoup.parse(path.toFile(), "UTF-8");
    }

    private static List<String> crumbs(Document page) {
        return page.select("nav.crumbs li").eachText();
    }

    private static String findings(SiteBuilder.Result result) {
        return String.join("\n", result.problems().sorted().stream().map(Problem::format).toList());
    }

    @Test
    void aLinkToASubSectionsIndexFileLeadsToItsListInAFullBuildAndInAnEditBuild() throws IOException {
        // what beacon import writes for a link to a Hugo section, and what an editor writes to point at a sub-section
        site.edit("en/info/about.md", text -> text + "\nSee [all heating help](../services/heating/_index.md).\n");
        SiteBuilder.Result full = build();
        assertTrue(full.published(), findings(full));
        assertEquals("../../services/heating/", published("en/info/about/index.html").select("a:contains(all heating help)").attr("href"));

        site.edit("en/info/about.md", text -> text.replace("all heating help", "every kind of heating help"));
        SiteBuilder.Result edit = build();
        assertTrue(edit.published(), findings(edit));
        assertEquals(1, edit.rendered(), "the edit plan: " + edit.timings());
        assertEquals("../../services/heating/", published("en/info/about/index.html").select("a:contains(every kind)").attr("href"));

        site.write("en/services/heating/schools/_index.md", "---\ntitle: Schools\n---\nSee also [all heating help](../_index.md).\n")
                .write("en/services/heating/schools/open.md", SCHOOLS_EN);
        SiteBuilder.Result intro = build();
        assertTrue(intro.published(), findings(intro));
        assertEquals("../", published("en/services/heating/schools/index.html").select("a:contains(all heating help)").attr("href"),
                "from a sub-section's introduction");
    }

    @Test
    void anIntroductionFollowsTheSitesShortcodePolicyAndCheckMigrateAsAPageDoes() throws IOException {
        site.edit("site.yaml", text -> text + "shortcodes: {note: unwrap}\n")
                .write("en/services/heating/_index.md", "---\ntitle: Heating\n---\n{{< note >}}Warm rooms are free.{{< /note >}}\n");
        SiteBuilder.Result built = build();
        assertTrue(built.published(), findings(built));
        Document heating = published("en/services/heating/index.html");
        assertEquals("Warm rooms are free.", heating.select("main div.intro").text(), "unwrapped as site.yaml says");

        site.write("en/services/heating/_index.md", "---\ntitle: Heating\n---\nAsk {% include desk.html %} for help.\n");
        SiteBuilder.Result migrated = new SiteBuilder(new SiteBuilder.Options(site.content(), null, false, false, BUNDLED,
                site.environment, null, city.beacon.mirror.MirrorOptions.NONE, true)).build();
        List<Problem> liquid = migrated.problems().sorted().stream().filter(p -> p.message().contains("Liquid")).toList();
        assertEquals(1, liquid.size(), findings(migrated));
        assertFalse(liquid.get(0).isError(), "under check --migrate, as in a page: " + liquid.get(0).format());
    }

    @Test
    void anIntroductionIsOnTheFirstPageOfItsListOnlySoThatItsLinksLeadWhereTheyWereWritten() throws IOException {
        // vitessio/website imported: a sub-section's _index.md lists its pages ("[AddCellInfo](vtctldclient-addcellinfo.md)"),
        // and on page 2 of that list the same link led to .../page/2/vtctldclient-addcellinfo/: 826 broken links
        site.edit("site.yaml", text -> text + "paginate: 2\n")
                .write("en/services/heating/schools/_index.md", "---\ntitle: Schools\n---\nStart with [the night schools](b-night.md).\n");
        for (String name : List.of("a-open", "b-night", "c-weekend")) {
            site.write("en/services/heating/schools/" + name + ".md", SCHOOLS_EN.replace("Heated schools", "Heated schools " + name));
        }
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        Document first = published("en/services/heating/schools/index.html");
        assertEquals("b-night/", first.select("main div.intro a").attr("href"));
        Document second = published("en/services/heating/schools/page/2/index.html");
        assertTrue(second.select("main div.intro").isEmpty(), "the introduction is the first page's: " + second.select("main div.intro"));
        assertEquals(1, second.select("main ul.entries li > a").size());
        assertTrue(second.select("main ul.entries li > a").attr("href").startsWith("../../"), "pages from page 2's own depth");
    }

    @Test
    void pageOfASubFolderIsPublishedUnderTheSubSectionsAddressWithItsBreadcrumbs() throws IOException {
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        Document points = published("en/services/heating/points/index.html");
        assertEquals(List.of("Home", "Services", "Heating"), crumbs(points));
        assertEquals(List.of("../../../", "../../", "../"),
                points.select("nav.crumbs li").stream().map(li -> li.select("a").attr("href")).toList());
        assertEquals(List.of("Головна", "Послуги", "Опалення"),
                crumbs(published("uk/poslugy/opalennia/punkty/index.html")));
    }

    @Test
    void subSectionListShowsItsIntroductionAndPagesAndTheSectionListShowsTheSubSectionFirst() throws IOException {
        site.write("en/services/heating/schools/_index.md", "---\ntitle: Schools\nsummary: Heated at night.\n---\n")
                .write("en/services/heating/schools/open.md", SCHOOLS_EN);
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        Document heating = published("en/services/heating/index.html");
        assertEquals("Heating", heating.select("main h1").text());
        assertEquals("Where to get warm this winter.", heating.select("main div.intro").text());
        assertEquals("get warm", heating.select("main div.intro strong").text());
        assertEquals(List.of("Schools", "Heating points"), heating.select("main ul.entries li > a").eachText());
        assertEquals(List.of("Home", "Services"), crumbs(heating));
        Document schools = published("en/services/heating/schools/index.html");
        assertEquals(List.of("Home", "Services", "Heating"), crumbs(schools));
        assertEquals(List.of("Heated schools"), schools.select("main ul.entries li > a").eachText());
        assertEquals(List.of("Home", "Services", "Heating", "Schools"),
                crumbs(published("en/services/heating/schools/open/index.html")));
        Document services = published("en/services/index.html");
        List<String> entries = services.select("main ul.entries li > a").eachText();
        assertEquals("Heating", entries.get(0), "sub-sections first: " + entries);
        assertTrue(services.select("main ul.entries").text().contains("Warm places and heating help."), "with its summary");
        assertFalse(entries.contains("Heating points"), "a sub-section's pages are on its own list: " + entries);
        assertEquals(List.of("Home"), crumbs(services), "a section list's breadcrumbs as before");
    }

    @Test
    void subFolderWithoutIndexIsTitledFromItsNameWithAWarningSayingWhatToWrite() throws IOException {
        site.write("en/services/heating/winter-schools/open.md", SCHOOLS_EN);
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        assertEquals("Winter schools", published("en/services/heating/winter-schools/index.html").select("main h1").text());
        Problem warning = result.problems().sorted().stream()
                .filter(p -> p.file().endsWith("en/services/heating/winter-schools")).findFirst().orElseThrow(() -> new AssertionError(findings(result)));
        assertFalse(warning.isError());
        assertEquals("this sub-section has no _index.md: its title is made from the folder name (\"Winter schools\")", warning.message());
        assertEquals("add en/services/heating/winter-schools/_index.md with the lines:\n---\ntitle: Winter schools\n---",
                warning.suggestion());
    }

    @Test
    void cyrillicSubFolderNameBecomesATransliteratedAddress() throws IOException {
        site.write("uk/poslugy/житло/_index.md", "---\ntitle: Житло\n---\n")
                .write("uk/poslugy/житло/kompensatsiia.md", POINTS_UK.replace("translation: en/services/heating/points.md\n", ""));
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        assertEquals("Житло", published("uk/poslugy/zhytlo/index.html").select("main h1").text());
        assertEquals(List.of("Головна", "Послуги", "Житло"), crumbs(published("uk/poslugy/zhytlo/kompensatsiia/index.html")));
    }

    @Test
    void pageBesideAFolderOfTheSameNameIsAnErrorNamingBoth() throws IOException {
        site.write("en/services/heating.md", SCHOOLS_EN);
        SiteBuilder.Result result = build();
        assertFalse(result.published());
        Problem error = result.problems().sorted().stream().filter(p -> p.file().endsWith("en/services/heating.md") && p.isError())
                .findFirst().orElseThrow(() -> new AssertionError(findings(result)));
        assertEquals(1, error.line());
        assertEquals("this page would have the address /en/services/heating/ of the sub-section in the folder en/services/heating/",
                error.message());
        assertEquals("rename the file (e.g. heating-guide.md), or move its text into en/services/heating/_index.md",
                error.suggestion());
    }

    @Test
    void indexWithoutTitleOrWithAnUnknownFieldIsReportedWithItsLine() throws IOException {
        site.write("en/services/heating/_index.md", "---\nsummary: Warm places.\ntitel: Heating\n---\n");
        SiteBuilder.Result result = build();
        assertFalse(result.published());
        String text = findings(result);
        assertTrue(text.contains("en/services/heating/_index.md:3:1: error: unknown field 'titel'"), text);
        assertTrue(text.contains("did you mean 'title'?"), text);
        assertTrue(text.contains("en/services/heating/_index.md:1:1: error: missing required field 'title'")
                || text.matches("(?s).*en/services/heating/_index.md:\\d+:\\d+: error: [^\\n]*'title'.*"), text);
    }

    @Test
    void indexTranslationNamingAMissingFileIsAnError() throws IOException {
        site.write("en/services/heating/_index.md", HEATING_INDEX_EN.replace("opalennia/_index.md", "opalenia/_index.md"));
        SiteBuilder.Result result = build();
        assertFalse(result.published());
        Problem error = result.problems().sorted().stream().filter(p -> p.file().endsWith("en/services/heating/_index.md"))
                .findFirst().orElseThrow(() -> new AssertionError(findings(result)));
        assertEquals("translation", error.field());
        assertEquals(4, error.line());
        assertEquals("no file uk/poslugy/opalenia/_index.md in the content folder", error.message());
        assertEquals("did you mean 'uk/poslugy/opalennia/_index.md'?", error.suggestion());
    }

    @Test
    void languageSwitchOfASubSectionLeadsToItsTranslationElseToTheParentList() throws IOException {
        site.write("en/services/heating/schools/open.md", SCHOOLS_EN);
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        Document heating = published("en/services/heating/index.html");
        assertEquals("../../../uk/poslugy/opalennia/", heating.select("link[hreflang=uk]").attr("href"));
        Document schools = published("en/services/heating/schools/index.html");
        assertEquals(List.of("../../../../uk/poslugy/opalennia/"), schools.select("link[hreflang=uk]").eachAttr("href"));
    }

    @Test
    void searchIndexAndFeedHoldTheNestedPages() throws IOException {
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        String index = Files.readString(site.out().resolve("en/search-index.js"), StandardCharsets.UTF_8);
        assertTrue(index.contains("Heating points") && index.contains("services/heating/points/"), index);
        assertTrue(Files.readString(site.out().resolve("en/feed.xml"), StandardCharsets.UTF_8).contains("Heating points"));
    }

    @Test
    void linkFromANestedPageToThePageAFolderUpLeadsToThatPage() throws IOException {
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        Document points = published("en/services/heating/points/index.html");
        assertEquals("../../passport/", points.select("main a:contains(your passport)").attr("href"));
    }

    @Test
    void sitemapListsTheSubSectionsWithTheirTranslations() throws IOException {
        site.baseUrl = "https://city.example.org/";
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        String sitemap = Files.readString(site.out().resolve("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(sitemap.contains("<url><loc>https://city.example.org/en/services/heating/</loc>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://city.example.org/en/services/heating/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"uk\" href=\"https://city.example.org/uk/poslugy/opalennia/\"/></url>"), sitemap);
    }

    @Test
    void emptySubFolderIsIgnoredSilently() throws IOException {
        Files.createDirectories(site.content().resolve("en/services/heating/empty"));
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        assertFalse(findings(result).contains("empty"), findings(result));
        assertFalse(Files.exists(site.out().resolve("en/services/heating/empty")));
    }

    @Test
    void linkInAnIntroductionToAMissingPageIsAnErrorWithItsLine() throws IOException {
        site.write("en/services/heating/_index.md", HEATING_INDEX_EN + "\nSee [the points](pointz.md).\n");
        SiteBuilder.Result result = build();
        assertFalse(result.published());
        String text = findings(result);
        assertTrue(text.contains("en/services/heating/_index.md:8:"), text);
        assertTrue(text.contains("pointz.md"), text);
    }

    @Test
    void linkInAnIntroductionToAPageOfTheSubSectionLeadsThere() throws IOException {
        site.write("en/services/heating/_index.md", HEATING_INDEX_EN + "\nSee [the points](points.md).\n");
        SiteBuilder.Result result = build();
        assertTrue(result.published(), findings(result));
        assertEquals("points/", published("en/services/heating/index.html").select("div.intro a").attr("href"));
    }

    @Test
    void twoFoldersWithOneAddressAreAnError() throws IOException {
        site.write("en/services/Heating/more.md", SCHOOLS_EN);
        SiteBuilder.Result result = build();
        assertFalse(result.published());
        Problem error = result.problems().sorted().stream().filter(p -> p.file().endsWith("en/services/heating/_index.md") && p.isError())
                .findFirst().orElseThrow(() -> new AssertionError(findings(result)));
        assertEquals("this sub-section has the same address /en/services/heating/ as the folder en/services/Heating/", error.message());
    }

    @Test
    void folderNameIsMadeATitleWithSpacesAndACapital() {
        assertEquals("Winter schools", city.beacon.model.SubSection.titleOf("winter-schools"));
        assertEquals("Пункти незламності", city.beacon.model.SubSection.titleOf("пункти-незламності"));
        assertEquals("Krok 2", city.beacon.model.SubSection.titleOf("krok_2"));
    }
}
