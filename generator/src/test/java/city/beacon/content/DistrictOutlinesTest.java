package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Places;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** content/data/districts.geojson, the maps' outline layer: Polygons and MultiPolygons, read strictly, each mistake named by its feature. */
class DistrictOutlinesTest {
    private static final String FILE = "content/data/districts.geojson";

    private static List<String> findings(String geojson) {
        Problems problems = new Problems();
        DistrictOutlines.parse(geojson, FILE, problems);
        return Fixtures.lines(problems);
    }

    @Test
    void polygonsAndMultiPolygonsAreRead() {
        Problems problems = new Problems();
        List<Places.Outline> outlines = DistrictOutlines.parse("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "Podilskyi"},
                   "geometry": {"type": "Polygon", "coordinates": [[[30.4, 50.4], [30.5, 50.4], [30.5, 50.5], [30.4, 50.4]]]}},
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[30.6, 50.4], [30.7, 50.4], [30.7, 50.5], [30.6, 50.4]]],
                                                                       [[[30.3, 50.3], [30.35, 50.3], [30.35, 50.35], [30.3, 50.3]]]]}}]}
                """, FILE, problems);
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals(3, outlines.size());
        assertEquals(List.of(30.4, 50.4, 30.5, 50.4, 30.5, 50.5, 30.4, 50.4), outlines.get(0).rings().get(0));
    }

    @Test
    void aFeatureThatIsNotAnAreaIsNamedByItsIndexAndLeftOut() {
        assertEquals(List.of("content/data/districts.geojson: error: features[1]: its geometry is a Point; an outline is a Polygon "
                        + "or a MultiPolygon; this feature is not drawn; fix it, or remove it"),
                findings("""
                        {"type": "FeatureCollection", "features": [
                          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[30.4, 50.4], [30.5, 50.4], [30.5, 50.5], [30.4, 50.4]]]}},
                          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.4, 50.4]}}]}
                        """));
    }

    @Test
    void aRingThatDoesNotCloseOrALatitudeOffTheEarthIsAFinding() {
        assertEquals(List.of("content/data/districts.geojson: error: features[0]: a ring does not end where it starts; "
                        + "this feature is not drawn; fix it, or remove it"),
                findings("""
                        {"type": "FeatureCollection", "features": [
                          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[30.4, 50.4], [30.5, 50.4], [30.5, 50.5], [30.4, 50.5]]]}}]}
                        """));
        assertEquals(List.of("content/data/districts.geojson: error: features[0]: a position is not on the Earth (longitude -180..180, "
                        + "latitude -90..90): [30.5,150.4]; this feature is not drawn; fix it, or remove it"),
                findings("""
                        {"type": "FeatureCollection", "features": [
                          {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[30.4, 50.4], [30.5, 150.4], [30.5, 50.5], [30.4, 50.4]]]}}]}
                        """));
    }

    @Test
    void aDuplicateKeyOrTrailingTextIsNotValidJsonWithItsLine() {
        List<String> duplicate = findings("{\"type\": \"FeatureCollection\",\n \"type\": \"Feature\", \"features\": []}");
        assertEquals(1, duplicate.size());
        assertEquals(true, duplicate.get(0).startsWith("content/data/districts.geojson:2:"), duplicate.get(0));
        assertEquals(true, duplicate.get(0).contains("Duplicate field 'type'"), duplicate.get(0));
        assertEquals(1, findings("{\"type\": \"FeatureCollection\", \"features\": []} x").size());
        assertEquals(List.of("content/data/districts.geojson:1:1: error: expected a GeoJSON FeatureCollection "
                + "({\"type\": \"FeatureCollection\", \"features\": [...]}); export the districts' boundaries as GeoJSON"), findings("[]"));
    }
}
