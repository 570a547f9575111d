package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.config.SiteConfigLoader;
import city.beacon.findings.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PlaceQuery;
import city.beacon.model.SiteConfig;
import city.beacon.model.SourceFile;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service page's {@code places: {type: heating, district: podilskyi}}: the places of content/data/ instead of an inline list. */
class PlaceQueryTest {
    private static final String SITE_YAML = Fixtures.SITE_YAML + """
            places:
              types: [{id: heating, title: {uk: Пункти незламності, en: Heating points}}, {id: shelter, title: {uk: Укриття, en: Shelters}}]
              districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}, {id: obolonskyi, name: {uk: Оболонський, en: Obolonskyi}}]
              bbox: [30.24, 50.21, 30.83, 50.59]
            """;

    private static Optional<Page> parse(String places, Problems problems) {
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        String text = Fixtures.SERVICE_EN.replace("reviewed: 2026-11-02\n", "reviewed: 2026-11-02\n" + places);
        SourceFile source = new SourceFile(Path.of("content/en/services/heating.md"), "content/en/services/heating.md", "en/services/heating.md");
        return new PageParser(config).parse(source, "en", config.section("services").orElseThrow(), text, problems);
    }

    @Test
    void typeAndDistrictAreRead() {
        Problems problems = new Problems();
        Page page = parse("places: {type: heating, district: podilskyi}\n", problems).orElseThrow();
        assertEquals(List.of(), Fixtures.lines(problems));
        Details.Service service = (Details.Service) page.details();
        assertEquals(new PlaceQuery("heating", "podilskyi"), service.placeQuery());
        assertEquals(List.of(), service.places());
    }

    @Test
    void typeAloneMeansEveryDistrict() {
        Page page = parse("places:\n  type: shelter\n", new Problems()).orElseThrow();
        assertEquals(new PlaceQuery("shelter", null), ((Details.Service) page.details()).placeQuery());
    }

    @Test
    void inlineListStillWorks() {
        Page page = parse("places:\n  - name: CNAP\n    address: 1 Main St\n", new Problems()).orElseThrow();
        Details.Service service = (Details.Service) page.details();
        assertEquals(null, service.placeQuery());
        assertEquals("CNAP", service.places().get(0).name());
    }

    @Test
    void unknownTypeIsAFindingWithFileLineFieldAndDidYouMean() {
        Problems problems = new Problems();
        parse("places: {type: heatng}\n", problems);
        assertEquals(List.of("content/en/services/heating.md:11:10: error: field 'places.type': unknown place type \"heatng\"; did you mean 'heating'?"),
                Fixtures.lines(problems));
    }

    @Test
    void unknownDistrictIsAFindingWithFileLineFieldAndDidYouMean() {
        Problems problems = new Problems();
        parse("places:\n  type: heating\n  district: podilsky\n", problems);
        assertEquals(List.of("content/en/services/heating.md:13:3: error: field 'places.district': unknown district \"podilsky\"; did you mean 'podilskyi'?"),
                Fixtures.lines(problems));
    }
}
