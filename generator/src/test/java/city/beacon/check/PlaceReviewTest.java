package city.beacon.check;

import city.beacon.config.SiteConfigLoader;
import city.beacon.content.PlacesReader;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.Places;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteData;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A place whose 'verified' date is older than site.yaml's places: review_days is a review finding, as a stale page is. */
class PlaceReviewTest {
    private static final String SITE_YAML = """
            title: {uk: Київ, en: Kyiv}
            languages: [{code: uk, name: Українська}, {code: en, name: English}]
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
            places:
              types: [{id: heating, title: {uk: Пункти обігріву, en: Heating points}}]
              districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}]
              bbox: [30.24, 50.21, 30.83, 50.59]
              review_days: 30
            """;
    private static final String CSV = """
            id,type,district,lat,lon,verified,name_uk,name_en,address_uk,address_en
            fresh,heating,podilskyi,50.46,30.51,2026-11-20,А,A,Б,B
            stale,heating,podilskyi,50.46,30.51,2026-10-01,А,A,Б,B
            """;

    @Test
    void aPlaceVerifiedLongerAgoThanReviewDaysIsAWarningAtItsVerifiedCell() {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source("content/data/places.csv", CSV)), null, config, problems);
        assertEquals(List.of(), problems.sorted());
        SiteData data = new SiteData(List.of(), List.of(), List.of(), List.of(), List.of(), places);
        Site site = new Site(config, List.of(), data, Instant.parse("2026-12-03T08:00:00Z"), Map.of(), Map.of(), List.of());

        ReviewPolicy.check(site, problems);

        assertEquals(List.of("content/data/places.csv:3:37: warning: field 'verified': place 'stale' was last verified on 2026-10-01, "
                        + "63 days before this build (2026-12-03); places must be verified at least every 30 days (places: review_days in site.yaml); "
                        + "check that the place is still there as written, then write 2026-12-06 in its 'verified' column"),
                problems.sorted().stream().map(p -> ReviewPolicy.advise(p, LocalDate.of(2026, 12, 6))).map(Problem::format).toList());
        assertEquals(List.of(true), problems.withWarningsAsErrors().sorted().stream().map(Problem::isError).toList(), "--strict: an error");
    }
}
