package city.beacon.config;

import city.beacon.model.SiteConfig;
import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.PageKind;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteConfigLoaderTest {

    private static Optional<SiteConfig> parse(String yaml, Problems problems) {
        return SiteConfigLoader.parse(YamlDocument.parse(yaml, "content/site.yaml", 1, problems), "content/site.yaml", problems);
    }

    @Test
    void readsLanguagesSectionsCategoriesAndMenuInOrder() {
        SiteConfig config = Fixtures.config();
        assertEquals(List.of("uk", "en"), config.languageCodes());
        assertEquals("uk", config.defaultLanguage());
        assertEquals("Test City", config.title().get("en"));
        assertEquals(PageKind.SUPPORT, config.sectionByFolder("uk", "pidtrymka").orElseThrow().kind());
        assertEquals("info", config.sectionByFolder("en", "info").orElseThrow().id());
        assertEquals("Житло", config.category("housing").orElseThrow().title().get("uk"));
        assertEquals(List.of("services", "support", "info"), config.menu());
        assertEquals(ZoneId.of("Europe/Kyiv"), config.timezone());
        assertEquals(new SiteConfig.Budget(14, 8), config.budget());
    }

    @Test
    void listLengthsDefaultTo50PerPageAnd15OnTheHomePage() {
        assertEquals(new SiteConfig.Paging(50, 15), Fixtures.config().paging());
        assertEquals(new SiteConfig.Paging(20, 5),
                parse(Fixtures.SITE_YAML + "paginate: 20\nhome_entries: 5\n", new Problems()).orElseThrow().paging());
    }

    @Test
    void paginateOfZeroIsReportedWithAFix() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), parse(Fixtures.SITE_YAML + "paginate: 0\n", problems));
        assertEquals(List.of("content/site.yaml:15:1: error: field 'paginate': must be at least 1; write a number like 50, "
                + "or remove the line for 50"), Fixtures.lines(problems));
    }

    @Test
    void theBundledSettingsAreValid() throws Exception {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.load(Fixtures.repo().resolve("content"), "content", problems).orElseThrow();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals(4, config.sections().size());
    }

    @Test
    void menuNamingAnUnknownSectionSuggestsTheClosest() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), parse(Fixtures.SITE_YAML.replace("menu: [services,", "menu: [servces,"), problems));
        assertEquals(List.of("content/site.yaml:14:1: error: field 'menu': no section has the id 'servces'; did you mean 'services'?"),
                Fixtures.lines(problems));
    }

    @Test
    void folderNameMustBeAnAddressSegment() {
        Problems problems = new Problems();
        parse(Fixtures.SITE_YAML.replace("folder: {uk: poslugy", "folder: {uk: Послуги"), problems);
        assertEquals(List.of("content/site.yaml:7:35: error: field 'sections[1].folder': the folder name \"Послуги\" must be "
                + "lower-case Latin letters, digits and '-'; use \"posluhy\""), Fixtures.lines(problems));
    }

    @Test
    void titleMissingALanguageIsReported() {
        Problems problems = new Problems();
        parse(Fixtures.SITE_YAML.replace("title: {uk: Тестове місто, en: Test City}", "title: {uk: Тестове місто}"), problems);
        assertEquals(List.of("content/site.yaml:1:1: error: field 'title.en': is required but missing; add a line 'en: ...'"),
                Fixtures.lines(problems));
    }

    @Test
    void unknownTimeZoneIsReported() {
        Problems problems = new Problems();
        parse(Fixtures.SITE_YAML + "timezone: Europe/Kiev2\n", problems);
        assertEquals(List.of("content/site.yaml:15:1: error: field 'timezone': unknown time zone \"Europe/Kiev2\"; "
                + "write a name like Europe/Kyiv"), Fixtures.lines(problems));
    }

    @Test
    void missingSettingsFileIsReported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), SiteConfigLoader.load(dir, "content", problems));
        assertEquals(List.of("content/site.yaml: error: the portal's settings file is missing; "
                + "create content/site.yaml (see docs/content-reference.md)"), Fixtures.lines(problems));
    }

    @Test
    void shortcodesMapsAHugoShortcodeNameToWhatIsDoneWithIt() {
        Problems problems = new Problems();
        SiteConfig config = parse(Fixtures.SITE_YAML + "shortcodes: {note: unwrap, youtube: drop}\n", problems).orElseThrow();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals(java.util.Map.of("note", city.beacon.model.ShortcodePolicy.UNWRAP, "youtube", city.beacon.model.ShortcodePolicy.DROP),
                config.shortcodes());
        assertEquals(java.util.Map.of(), Fixtures.config().shortcodes());
    }

    @Test
    void anUnknownShortcodePolicyIsReportedWithTheClosestOne() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), parse(Fixtures.SITE_YAML + "shortcodes:\n  note: unwarp\n", problems));
        assertEquals(List.of("content/site.yaml:16:3: error: field 'shortcodes.note': expected one of unwrap, drop, template, got \"unwarp\"; "
                + "did you mean 'unwrap'?"), Fixtures.lines(problems));
    }

    @Test
    void aShortcodeNameWrittenAsATagIsReportedWithItsName() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), parse(Fixtures.SITE_YAML + "shortcodes: {\"{{< note >}}\": unwrap}\n", problems));
        assertEquals(List.of("content/site.yaml:15:14: error: field 'shortcodes.{{< note >}}': a shortcode is named by its name alone; "
                + "write 'note: unwrap'"), Fixtures.lines(problems));
    }

    @Test
    void aMisspeltShortcodesKeyIsReportedWithTheClosestOne() {
        Problems problems = new Problems();
        assertEquals(Optional.empty(), parse(Fixtures.SITE_YAML + "shortcode: {note: unwrap}\n", problems));
        assertEquals(List.of("content/site.yaml:15:1: error: unknown field 'shortcode'; did you mean 'shortcodes'?"), Fixtures.lines(problems));
    }
}
