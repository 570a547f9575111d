package city.beacon.model;

import java.util.List;
import java.util.Optional;

/**
 * The {@code places:} group of site.yaml: what the places of content/data/places.csv may be
 * ({@code types}, each with the content file that explains it), where they may be ({@code districts},
 * inside {@code bbox}), what they offer ({@code services}), and how many days a place's
 * {@code verified} date stays fresh ({@code reviewDays}; 0: no limit). {@link #NONE} when site.yaml has no such group.
 */
public record PlaceSettings(List<Type> types, List<District> districts, List<Service> services, BoundingBox bbox,
                            int reviewDays) {

    public static final PlaceSettings NONE = new PlaceSettings(List.of(), List.of(), List.of(), null, 0);

    public PlaceSettings {
        types = List.copyOf(types);
        districts = List.copyOf(districts);
        services = List.copyOf(services);
    }

    /**
     * A kind of place (heating, shelter...): its title per language, and the page (a file under
     * content/, null when none) that explains it; {@code file}, {@code line} and {@code column} say
     * where {@code page} is written, for findings.
     */
    public record Type(String id, Localized title, String page, String file, int line, int column) {
        public Type(String id, Localized title, String page) {
            this(id, title, page, null, 0, 0);
        }
    }

    /** A district of the city, named per language. */
    public record District(String id, Localized name) {
    }

    /** Something a place offers (charging, water, internet...), labelled per language. */
    public record Service(String id, Localized label) {
    }

    /** The city's bounding box, {@code [min_lon, min_lat, max_lon, max_lat]} as in GeoJSON. */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }

        @Override
        public String toString() {
            return "[" + minLon + ", " + minLat + ", " + maxLon + ", " + maxLat + "]";
        }
    }

    public Optional<Type> type(String id) {
        return types.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<District> district(String id) {
        return districts.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
