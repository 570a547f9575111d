package city.beacon.outputs;

import city.beacon.csv.Csv;
import city.beacon.findings.Problems;
import city.beacon.model.LocalPlace;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <lang>/api/places.geojson} and {@code <lang>/api/places.csv}: every place of
 * data/places.csv as open data, its status applied, in the records' order, texts in the language
 * (or as {@link city.beacon.model.LocalPlace} falls back). The properties are docs/api.md's; the
 * version is {@link #SCHEMA}, raised whenever a property changes meaning or goes away. Written only
 * by a site whose site.yaml declares {@code places:}. The GeoJSON is compact (one line): it is the
 * largest file of the site, and meant for programs.
 */
public final class PlacesData implements SiteOutput {
    public static final String SCHEMA = "beacon-places/1";

    /** The CSV's columns, in order: the GeoJSON's properties with the coordinates added and lists ';'-separated. */
    public static final List<String> CSV_COLUMNS = List.of("id", "type", "type_title", "district", "district_name", "lat", "lon",
            "name", "address", "hours", "note", "phone", "tel", "services", "service_labels", "accessible", "status", "status_note",
            "since", "verified", "example");

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        if (site.config().places().types().isEmpty()) return;
        Routes routes = new Routes(site.config());
        for (String lang : site.config().languageCodes()) {
            List<LocalPlace> places = site.places(lang);
            out.write(routes.api(lang, "places", "geojson"), geoJson(site, lang, places));
            out.write(routes.api(lang, "places", "csv"), csv(places));
        }
    }

    static String geoJson(Site site, String lang, List<LocalPlace> places) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "FeatureCollection");
        file.put("schema", SCHEMA);
        file.put("language", lang);
        file.put("site", site.config().title().get(lang));
        file.put("built", site.buildDate().toString());
        List<Object> features = new ArrayList<>(places.size());
        for (LocalPlace p : places) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", p.id());
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("type", "Point");
            point.put("coordinates", List.of(p.lon(), p.lat()));
            feature.put("geometry", point);
            feature.put("properties", properties(p));
            features.add(feature);
        }
        file.put("features", features);
        return Json.write(file) + "\n";
    }

    private static Map<String, Object> properties(LocalPlace p) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", p.id());
        properties.put("type", p.type().id());
        properties.put("type_title", p.type().text());
        properties.put("district", p.district().id());
        properties.put("district_name", p.district().text());
        properties.put("name", p.name().text());
        properties.put("address", p.address().text());
        properties.put("hours", orNull(p.hours()));
        properties.put("note", orNull(p.note()));
        properties.put("phone", p.phone());
        properties.put("tel", p.telHref());
        properties.put("services", p.services().stream().map(LocalPlace.Label::id).toList());
        properties.put("service_labels", p.services().stream().map(LocalPlace.Label::text).toList());
        properties.put("accessible", p.accessible());
        properties.put("status", p.status().id());
        properties.put("status_note", orNull(p.statusNote()));
        properties.put("since", p.since() == null ? null : p.since().toString());
        properties.put("verified", p.verified() == null ? null : p.verified().toString());
        properties.put("example", p.example());
        return properties;
    }

    /** A coordinate as written in decimal, never in exponent form (0.0001, not 1.0E-4). */
    private static String degrees(double value) {
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }

    private static String orNull(LocalPlace.Text text) {
        return text.isEmpty() ? null : text.text();
    }

    static String csv(List<LocalPlace> places) {
        List<List<String>> rows = new ArrayList<>(places.size() + 1);
        rows.add(CSV_COLUMNS);
        for (LocalPlace p : places) {
            rows.add(List.of(p.id(), p.type().id(), p.type().text(), p.district().id(), p.district().text(),
                    degrees(p.lat()), degrees(p.lon()), p.name().text(), p.address().text(), p.hours().text(),
                    p.note().text(), p.phone() == null ? "" : p.phone(), p.phone() == null ? "" : p.telHref(),
                    String.join(";", p.services().stream().map(LocalPlace.Label::id).toList()),
                    String.join(";", p.services().stream().map(LocalPlace.Label::text).toList()),
                    p.accessible() == null ? "" : p.accessible() ? "yes" : "no", p.status().id(), p.statusNote().text(),
                    p.since() == null ? "" : p.since().toString(), p.verified() == null ? "" : p.verified().toString(),
                    Boolean.toString(p.example())));
        }
        return Csv.write(rows);
    }
}
