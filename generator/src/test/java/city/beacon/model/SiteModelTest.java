package city.beacon.model;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final SiteData NO_DATA = new SiteData(List.of(), List.of(), List.of());

    private Problems problems = new Problems();

    private Site build(boolean includeDrafts, Page... pages) {
        List<String> files = java.util.Arrays.stream(pages).map(p -> p.source().relative()).toList();
        return SiteModel.build(Fixtures.config(), List.of(pages), files, NO_DATA, List.of(), NOW, includeDrafts, problems);
    }

    private static Page info(String relative, String extra) {
        return Fixtures.page(relative, "---\ntitle: " + relative + "\n" + extra + "---\n");
    }

    private static Page alert(String relative, String starts, String expires) {
        return Fixtures.page(relative, "---\ntitle: A\nsummary: B\nseverity: info\nstarts: " + starts + "\nexpires: " + expires + "\n---\n");
    }

    private void assertContains(String finding) {
        List<String> lines = Fixtures.lines(problems);
        org.junit.jupiter.api.Assertions.assertTrue(lines.contains(finding), lines.toString());
    }

    @Test
    void placeTypeNamingAPageThatDoesNotExistIsAFindingInSiteYamlWithTheClosest() {
        String yaml = Fixtures.SITE_YAML + """
                places:
                  types:
                    - {id: heating, title: {uk: Пункти, en: Points}, page: uk/dovidka/about.md}
                    - id: shelter
                      title: {uk: Укриття, en: Shelters}
                      page: uk/dovidka/abuot.md
                  districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}]
                  bbox: [30.24, 50.21, 30.83, 50.59]
                """;
        SiteConfig config = city.beacon.config.SiteConfigLoader.parse(city.beacon.yaml.YamlDocument.parse(yaml, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        Page about = info("uk/dovidka/about.md", "");
        SiteModel.build(config, List.of(about), List.of(about.source().relative()), NO_DATA, List.of(), NOW, false, problems);
        assertEquals(List.of("content/site.yaml:20:7: error: field 'places.types[2].page': no page uk/dovidka/abuot.md in the content folder; "
                + "did you mean 'uk/dovidka/about.md'?"),
                Fixtures.lines(problems).stream().filter(l -> l.contains(": error: ")).toList());
    }

    @Test
    void twoTypesOfPlaceWhoseTitlesMakeOneAddressAreAnErrorOnTheSecond() {
        String yaml = Fixtures.SITE_YAML + """
                places:
                  types:
                    - {id: heating, title: {uk: Пункти обігріву, en: Heating}}
                    - {id: warming, title: {uk: Пункти обігріву!, en: Warming}}
                    - {id: districts-too, title: {uk: Райони, en: District points}}
                  districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}]
                  bbox: [30.24, 50.21, 30.83, 50.59]
                """;
        SiteConfig config = city.beacon.config.SiteConfigLoader.parse(city.beacon.yaml.YamlDocument.parse(yaml, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        SiteModel.build(config, List.of(), List.of(), NO_DATA, List.of(), NOW, false, problems);
        assertEquals(List.of(
                "content/site.yaml:18:7: error: field 'places.types[2].title': in uk, the list of this type would be at "
                        + "uk/mistsia/punkty-obihrivu/, the address of the type 'heating'; give the type another title in uk (the address is made from it)",
                "content/site.yaml:19:7: error: field 'places.types[3].title': in uk, the list of this type would be at "
                        + "uk/mistsia/raiony/, the address of the districts' lists; give the type another title in uk (the address is made from it)"),
                Fixtures.lines(problems).stream().filter(l -> l.contains(": error: ")).toList());
    }

    @Test
    void pagesWithTheSameFileNameInTheSameSectionAreTranslations() {
        Page uk = info("uk/dovidka/about.md", "");
        Page en = info("en/info/about.md", "");
        Site site = build(false, uk, en);
        assertEquals(Optional.of(en), site.translationOf(uk));
        assertEquals(Optional.of(uk), site.translationOf(en));
        assertEquals(List.of(), Fixtures.lines(problems));
    }

    @Test
    void translationKeyPairsFilesWithDifferentNamesBothWays() {
        Page uk = info("uk/dovidka/pro-nas.md", "");
        Page en = info("en/info/about.md", "translation: uk/dovidka/pro-nas.md\n");
        Site site = build(false, uk, en);
        assertEquals(Optional.of(uk), site.translationOf(en));
        assertEquals(Optional.of(en), site.translationOf(uk));
    }

    @Test
    void translationNamingAMissingFileSuggestsTheClosest() {
        Page uk = info("uk/dovidka/pro-nas.md", "");
        Page en = info("en/info/about.md", "translation: uk/dovidka/pro-nass.md\n");
        build(false, uk, en);
        assertContains("content/en/info/about.md: error: field 'translation': no file uk/dovidka/pro-nass.md in the content folder; "
                + "did you mean 'uk/dovidka/pro-nas.md'?");
    }

    @Test
    void aPageInOneLanguageIsListedForTheOtherAndWarned() {
        Page uk = info("uk/dovidka/volonteram.md", "");
        Site site = build(false, uk);
        assertEquals(List.of(uk), site.onlyInOtherLanguages("en", uk.section()));
        assertEquals(List.of(), site.onlyInOtherLanguages("uk", uk.section()));
        assertEquals(List.of("content/uk/dovidka/volonteram.md: warning: no translation into en; residents reading en see it marked "
                + "as available in one language only; add the translated file, or a line 'translation: <path>' naming it"),
                Fixtures.lines(problems));
    }

    @Test
    void noTranslationWarningWhileAPageOfTheOtherLanguageInThatSectionCannotBeRead() {
        Page uk = info("uk/dovidka/pro-nas.md", "");
        // en/info/about.md could not be read: it may hold 'translation: uk/dovidka/pro-nas.md'
        SiteModel.build(Fixtures.config(), List.of(uk), List.of("uk/dovidka/pro-nas.md", "en/info/about.md"), NO_DATA,
                List.of(), NOW, false, problems);
        assertEquals(List.of(), Fixtures.lines(problems));
    }

    @Test
    void twoPagesWithTheSameAddressAreReported() {
        Page a = info("uk/dovidka/a.md", "slug: b\n");
        Page b = info("uk/dovidka/b.md", "");
        build(false, a, b);
        assertContains("content/uk/dovidka/b.md:1:1: error: field 'slug': this page has the same address /uk/dovidka/b/ as "
                + "content/uk/dovidka/a.md; give one of them a different file name or 'slug'");
    }

    @Test
    void draftsArePublishedOnlyWhenAskedFor() {
        Page draft = info("uk/dovidka/draft.md", "draft: true\n");
        Page page = info("uk/dovidka/page.md", "");
        assertEquals(List.of(page), build(false, draft, page).pages());
        assertEquals(2, build(true, draft, page).pages().size());
    }

    @Test
    void onlyAlertsActiveAtTheBuildTimeArePublished() {
        Page past = alert("uk/opovishchennia/past.md", "2026-01-10", "2026-01-20");
        Page current = alert("uk/opovishchennia/current.md", "2026-11-20", "2027-03-31");
        Page future = alert("uk/opovishchennia/future.md", "2027-06-01", "2027-06-02");
        Site site = build(false, past, current, future);
        assertEquals(List.of(current), site.alerts("uk"));
        assertEquals(List.of(current), site.pages());
    }

    @Test
    void listsAreInReadingOrderByWeightThenTitle() {
        Page b = info("uk/dovidka/b.md", "");
        Page c = info("uk/dovidka/c.md", "weight: -0\n");
        Page a = info("uk/dovidka/a.md", "weight: 5\n");
        assertEquals(List.of(b, c, a), build(false, a, b, c).pages());
    }

    @Test
    void buildTimeComesFromSourceDateEpoch() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                BuildClock.resolve(Map.of("SOURCE_DATE_EPOCH", "1767225600"), List.of(), ZoneId.of("Europe/Kyiv")));
    }

    @Test
    void withoutSourceDateEpochTheBuildTimeIsTheNewestDateOfTheContent() {
        Page older = info("uk/dovidka/a.md", "updated: 2026-03-01\n");
        Page newer = info("uk/dovidka/b.md", "reviewed: 2026-10-05\n");
        assertEquals(Instant.parse("2026-10-04T21:00:00Z"), BuildClock.resolve(Map.of(), List.of(older, newer), ZoneId.of("Europe/Kyiv")));
    }

    @Test
    void sourceDateEpochThatIsNotANumberIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuildClock.resolve(Map.of("SOURCE_DATE_EPOCH", "yesterday"), List.of(), ZoneId.of("UTC")));
        assertEquals("SOURCE_DATE_EPOCH must be a number of seconds, got \"yesterday\"", e.getMessage());
    }

    @Test
    void numberedTitlesAreListedInTheOrderOfTheirNumbersAndAWeightComesFirst() {
        List<Page> pages = new java.util.ArrayList<>();
        for (String title : List.of("Крок 10", "Крок 2", "Крок 100", "Крок 1", "крок 3")) {
            pages.add(Fixtures.page("uk/dovidka/" + title.replace(' ', '-') + ".md", "---\ntitle: " + title + "\n---\n"));
        }
        pages.add(Fixtures.page("uk/dovidka/vstup.md", "---\ntitle: Вступ\nweight: 1\n---\n"));
        pages.sort(SiteModel.READING_ORDER);
        assertEquals(List.of("Крок 1", "Крок 2", "крок 3", "Крок 10", "Крок 100", "Вступ"), pages.stream().map(Page::title).toList(),
                "weight 0 (none written) comes before weight 1");
    }
}
