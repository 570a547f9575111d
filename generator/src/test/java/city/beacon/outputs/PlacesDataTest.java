package city.beacon.outputs;

import city.beacon.config.SiteConfigLoader;
import city.beacon.content.PlacesReader;
import city.beacon.csv.Csv;
import city.beacon.findings.Problems;
import city.beacon.model.Places;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteData;
import city.beacon.yaml.YamlDocument;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** uk/api/places.geojson and uk/api/places.csv: parsed strictly, every property checked. */
class PlacesDataTest {
    private static final String SITE_YAML = """
            title: {uk: Київ, en: Kyiv}
            languages: [{code: uk, name: Українська}, {code: en, name: English}]
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
            places:
              types: [{id: heating, title: {uk: Пункти обігріву, en: Heating points}}]
              districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}]
              services: [{id: charging, label: {uk: Зарядка, en: Charging}}, {id: water, label: {uk: Вода, en: Water}}]
              bbox: [30.24, 50.21, 30.83, 50.59]
            """;
    private static final String PLACES = """
            id,type,district,lat,lon,phone,services,accessible,verified,example,name_uk,name_en,address_uk,address_en,hours_uk,hours_en
            podil-1,heating,podilskyi,50.4649,30.515,+380 44 000 0001,charging;water,yes,2026-12-01,true,Школа №1,School 1,"вул. Сагайдачного, 1","1 Sahaidachnoho St",цілодобово,
            podil-2,heating,podilskyi,50.47,30.52,,,,,false,"Бібліотека \"\"Світло\"\"",,вул. Спаська 5,5 Spaska St,,
            """;
    private static final String STATUS = """
            id,status,note_uk,note_en,since
            podil-2,moved,"Переїхав на вул. Спаська, 7","Moved to 7 Spaska St",2026-12-02
            """;
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static Site site() {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source("content/data/places.csv", PLACES)),
                new PlacesReader.Source("content/data/places-status.csv", STATUS), config, problems);
        assertEquals(0, problems.errorCount(), problems.sorted().toString());
        return new Site(config, List.of(), new SiteData(List.of(), List.of(), List.of(), List.of(), List.of(), places),
                Instant.parse("2026-12-03T08:00:00Z"), Map.of(), Map.of(), List.of());
    }

    @Test
    void geoJsonIsAFeatureCollectionWithEveryPropertyInTheLanguage() throws Exception {
        Site site = site();
        JsonNode file = STRICT.readTree(PlacesData.geoJson(site, "en", site.places("en")));
        assertEquals("FeatureCollection", file.get("type").asText());
        assertEquals("beacon-places/1", file.get("schema").asText());
        assertEquals("en", file.get("language").asText());
        assertEquals("2026-12-03", file.get("built").asText());
        assertEquals(2, file.get("features").size());
        JsonNode first = file.get("features").get(0);
        assertEquals("Feature", first.get("type").asText());
        assertEquals("podil-1", first.get("id").asText());
        assertEquals("Point", first.get("geometry").get("type").asText());
        assertEquals(30.515, first.get("geometry").get("coordinates").get(0).asDouble(), "longitude first");
        assertEquals(50.4649, first.get("geometry").get("coordinates").get(1).asDouble());
        assertEquals(STRICT.readTree("""
                {"id": "podil-1", "type": "heating", "type_title": "Heating points", "district": "podilskyi",
                 "district_name": "Podilskyi", "name": "School 1", "address": "1 Sahaidachnoho St", "hours": "цілодобово",
                 "note": null, "phone": "+380 44 000 0001", "tel": "tel:+380440000001", "services": ["charging", "water"],
                 "service_labels": ["Charging", "Water"], "accessible": true, "status": "open", "status_note": null,
                 "since": null, "verified": "2026-12-01", "example": true}
                """), first.get("properties"), "hours fall back to the Ukrainian text");
        JsonNode moved = file.get("features").get(1).get("properties");
        assertEquals("Бібліотека \"Світло\"", moved.get("name").asText(), "no English name: the Ukrainian one");
        assertEquals("moved", moved.get("status").asText());
        assertEquals("Moved to 7 Spaska St", moved.get("status_note").asText());
        assertEquals("2026-12-02", moved.get("since").asText());
        assertTrue(moved.get("accessible").isNull(), "not known");
        assertTrue(moved.get("phone").isNull());
    }

    @Test
    void csvHasTheSameRowsAndReadsBackWithTheCsvReader() {
        Site site = site();
        String text = PlacesData.csv(site.places("uk"));
        Csv.Table table = Csv.parse(text);
        assertEquals(List.of(), table.mistakes());
        assertEquals(PlacesData.CSV_COLUMNS, table.rows().get(0).cells().stream().map(Csv.Cell::text).toList());
        assertEquals(List.of("podil-1", "heating", "Пункти обігріву", "podilskyi", "Подільський", "50.4649", "30.515", "Школа №1",
                        "вул. Сагайдачного, 1", "цілодобово", "", "+380 44 000 0001", "tel:+380440000001", "charging;water", "Зарядка;Вода",
                        "yes", "open", "", "", "2026-12-01", "true"),
                table.rows().get(1).cells().stream().map(Csv.Cell::text).toList());
        assertEquals(List.of("podil-2", "moved", "Переїхав на вул. Спаська, 7", "2026-12-02", ""),
                List.of(0, 16, 17, 18, 15).stream().map(i -> table.rows().get(2).cells().get(i).text()).toList());
        assertTrue(text.endsWith("\r\n") && text.contains("\"вул. Сагайдачного, 1\""), "RFC 4180: CRLF, quoted where a comma is");
    }
}
