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
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void replacingOnePagesFactsGivesTheSiteBuiltWithThemAndKeepsTheFindings() {
        Page uk = info("uk/dovidka/pro-nas.md", "tags: [a]\n");
        Page en = info("en/info/about.md", "translation: uk/dovidka/pro-nas.md\n");
        Page namesakeUk = info("uk/dovidka/same.md", "");
        Page namesakeEn = info("en/info/same.md", "weight: 2\n");
        Page only = info("uk/dovidka/only.md", ""); // no translation: warned, listed in both languages
        List<Page> pages = List.of(uk, en, namesakeUk, namesakeEn, only);
        Site site = build(false, pages.toArray(Page[]::new));
        List<String> findings = Fixtures.lines(problems);
        for (Page after : List.of(
                info("en/info/about.md", "translation: uk/dovidka/pro-nas.md\ntags: [b]\nweight: 3\n"), // named the other's translation
                info("uk/dovidka/pro-nas.md", "summary: Named by the English page\n"),
                info("uk/dovidka/same.md", "weight: 7\n"), // its namesake's translation
                info("uk/dovidka/only.md", "tags: [c]\nweight: 1\n"))) {
            Page before = site.bySource().get(after.source().relative());
            Replacement replacement = SiteModel.replace(site, before, after, false).orElseThrow(() -> new AssertionError(after));
            List<Page> edited = pages.stream().map(p -> p.source().equals(after.source()) ? after : p).toList();
            problems = new Problems();
            Site built = build(false, edited.toArray(Page[]::new));

            assertEquals(built, replacement.site(), after.source().relative());
            assertEquals(findings, Fixtures.lines(problems), "the same findings");
            assertEquals(site, replacement.from());
            assertSame(before, replacement.before());
        }
    }

    @Test
    void replacingOnePagesFactsIsRefusedWhenTheEditReachesOtherPages() {
        Page uk = info("uk/dovidka/pro-nas.md", "");
        Page en = info("en/info/about.md", "translation: uk/dovidka/pro-nas.md\n");
        Page second = info("en/info/second.md", "translation: uk/dovidka/pro-nas.md\n"); // a second claim on that translation
        Page namesakeUk = info("uk/dovidka/same.md", "");
        Page namesakeEn = info("en/info/same.md", "");
        Page naming = info("en/info/naming.md", "translation: uk/dovidka/same.md\n"); // and its namesake claims it too
        Page draft = info("en/info/draft.md", "draft: true\n");
        Page current = alert("en/alerts/current.md", "2026-11-20", "2027-03-31");
        Site site = build(false, uk, en, second, namesakeUk, namesakeEn, naming, current);
        Map<String, Page> refused = Map.of(
                "its address", info("uk/dovidka/pro-nas.md", "slug: inshe\n"),
                "its translation line", info("en/info/about.md", ""),
                "a translation claimed by two pages, whose order decides which has it", info("en/info/second.md",
                        "translation: uk/dovidka/pro-nas.md\nweight: -0\ntags: [a]\n"),
                "a page claimed by a namesake and by a line", info("uk/dovidka/same.md", "tags: [a]\n"),
                "an alert going out of force", alert("en/alerts/current.md", "2027-11-20", "2028-03-31"));
        refused.forEach((what, after) -> assertEquals(Optional.empty(),
                SiteModel.replace(site, site.bySource().get(after.source().relative()), after, false), what));
        assertEquals(Optional.empty(), SiteModel.replace(build(false, uk, draft), draft, info("en/info/draft.md", ""), false),
                "a draft published");
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
