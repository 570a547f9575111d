package city.beacon.content;

import city.beacon.findings.Problems;
import city.beacon.model.Places;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * content/data/districts.geojson, the outlines the places' maps are drawn over: a FeatureCollection
 * whose features are Polygons or MultiPolygons (RFC 7946), read strictly. Each mistake is a finding
 * that names the file and the feature ({@code features[2]}); a bad feature is left out, the others drawn.
 * Pure: takes the text.
 */
public final class DistrictOutlines {
    public static final String FILE = "districts.geojson";
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DistrictOutlines() {
    }

    public static List<Places.Outline> parse(String text, String shown, Problems problems) {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.error(shown, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "not valid JSON: " + e.getOriginalMessage(), "check the file with a GeoJSON validator, or export it again");
            return List.of();
        }
        if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asText(null)) || !root.path("features").isArray()) {
            problems.error(shown, 1, 1, null, "expected a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]})",
                    "export the districts' boundaries as GeoJSON");
            return List.of();
        }
        List<Places.Outline> outlines = new ArrayList<>();
        JsonNode features = root.get("features");
        for (int i = 0; i < features.size(); i++) {
            String where = "features[" + i + "]";
            JsonNode geometry = features.get(i).path("geometry");
            String type = geometry.path("type").asText("");
            JsonNode coordinates = geometry.path("coordinates");
            List<Places.Outline> found = new ArrayList<>();
            String mistake;
            if (type.equals("Polygon")) {
                mistake = polygon(coordinates, found);
            } else if (type.equals("MultiPolygon")) {
                mistake = coordinates.isArray() && !coordinates.isEmpty() ? null : "its coordinates are not a list of polygons";
                for (int p = 0; mistake == null && p < coordinates.size(); p++) mistake = polygon(coordinates.get(p), found);
            } else {
                mistake = "its geometry is " + (type.isEmpty() ? "missing" : "a " + type) + "; an outline is a Polygon or a MultiPolygon";
            }
            if (mistake != null) {
                problems.error(shown, 0, 0, null, where + ": " + mistake, "this feature is not drawn; fix it, or remove it");
            } else {
                outlines.addAll(found);
            }
        }
        return List.copyOf(outlines);
    }

    /** Reads one polygon's rings into {@code into}; the mistake, or null. */
    private static String polygon(JsonNode rings, List<Places.Outline> into) {
        if (!rings.isArray() || rings.isEmpty()) return "a polygon's coordinates are not a list of rings";
        List<List<Double>> read = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) return "a ring has fewer than 4 positions";
            List<Double> flat = new ArrayList<>(ring.size() * 2);
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                    return "a position is not [longitude, latitude]: " + position;
                }
                double lon = position.get(0).asDouble();
                double lat = position.get(1).asDouble();
                if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    return "a position is not on the Earth (longitude -180..180, latitude -90..90): " + position;
                }
                flat.add(lon);
                flat.add(lat);
            }
            if (!flat.get(0).equals(flat.get(flat.size() - 2)) || !flat.get(1).equals(flat.get(flat.size() - 1))) {
                return "a ring does not end where it starts";
            }
            read.add(flat);
        }
        into.add(new Places.Outline(read));
        return null;
    }
}
