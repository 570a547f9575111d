package city.beacon.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One place of content/data/places.csv (or of a YAML file under content/data/places/), checked:
 * a heating point, a shelter, a water or charging point. Texts are per language as written (a
 * language left empty is absent; {@link LocalPlace} says what is shown instead). {@code accessible}
 * is null when not known; {@code verified}, the day someone last checked the place, null when never;
 * {@code at}: where the row is, for findings made later (its {@code verified} cell).
 */
public record PlaceRecord(String id, String type, String district, double lat, double lon, String phone,
                          List<String> services, Boolean accessible, LocalDate verified, boolean example,
                          Localized name, Localized address, Localized hours, Localized note, At at) {

    public PlaceRecord {
        services = List.copyOf(services);
    }

    /** A cell of a data file: the file as shown in findings, its line and column. */
    public record At(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + (column > 0 ? ":" + column : "");
        }
    }
}
