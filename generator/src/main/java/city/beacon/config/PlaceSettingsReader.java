package city.beacon.config;

import city.beacon.model.Localized;
import city.beacon.model.PlaceSettings;
import city.beacon.yaml.FieldReader;

import java.util.List;

/**
 * The {@code places:} group of site.yaml:
 * <pre>
 * places:
 *   types:
 *     - {id: heating, title: {uk: Пункти обігріву, en: Heating points}, page: uk/poslugy/punkty-nezlamnosti.md}
 *   districts:
 *     - {id: podilskyi, name: {uk: Подільський, en: Podilskyi}}
 *   services:
 *     - {id: charging, label: {uk: Зарядка телефонів, en: Phone charging}}
 *   bbox: [30.2394, 50.2133, 30.8259, 50.5906]   # min_lon, min_lat, max_lon, max_lat
 *   review_days: 30
 * </pre>
 */
final class PlaceSettingsReader {
    private PlaceSettingsReader() {
    }

    static PlaceSettings read(FieldReader site, List<String> codes, String display) {
        FieldReader places = site.group("places", false);
        if (places == null) return PlaceSettings.NONE;
        List<PlaceSettings.Type> types = places.objects("types", true, t -> new PlaceSettings.Type(
                SiteConfigLoader.id(t), t.localized("title", true, codes), t.text("page", false), display, t.lineOf("page"),
                t.columnOf("page")));
        List<PlaceSettings.District> districts = places.objects("districts", true, d -> new PlaceSettings.District(
                SiteConfigLoader.id(d), d.localized("name", true, codes)));
        List<PlaceSettings.Service> services = places.objects("services", false, s -> new PlaceSettings.Service(
                SiteConfigLoader.id(s), s.localized("label", true, codes)));
        PlaceSettings.BoundingBox bbox = bbox(places);
        int reviewDays = places.integer("review_days", 0);
        places.finish();
        return new PlaceSettings(types, districts, services, bbox, reviewDays);
    }

    /** {@code bbox: [min_lon, min_lat, max_lon, max_lat]}, the order of GeoJSON. */
    private static PlaceSettings.BoundingBox bbox(FieldReader places) {
        List<String> numbers = places.textList("bbox", true);
        if (numbers.isEmpty()) return null;
        String expected = "write the city's bounding box as [min_lon, min_lat, max_lon, max_lat], such as [30.24, 50.21, 30.83, 50.59]";
        if (numbers.size() != 4) {
            places.report("bbox", "expected 4 numbers, got " + numbers.size(), expected);
            return null;
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(numbers.get(i));
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!Double.isFinite(v[i])) {
                places.report("bbox", "expected a number, got \"" + numbers.get(i) + "\"", expected);
                return null;
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            places.report("bbox", "the box " + java.util.Arrays.toString(v) + " is empty or not on the Earth (longitudes -180..180, latitudes -90..90, min before max)",
                    expected);
            return null;
        }
        return new PlaceSettings.BoundingBox(v[0], v[1], v[2], v[3]);
    }
}
