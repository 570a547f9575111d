package city.beacon.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A row of content/data/places-status.csv: place {@code id} is open, closed, full or moved
 * {@code since} a day (null when not said), with a note per language (where it moved, until when).
 * A place with no row is open.
 */
public record PlaceStatus(String id, Kind status, Localized note, LocalDate since) {

    public enum Kind {
        OPEN, CLOSED, FULL, MOVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Kind::id).toList();
        }

        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
        }
    }
}
