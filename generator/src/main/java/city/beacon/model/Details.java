package city.beacon.model;

/** The fields that only one kind of page has. */
public sealed interface Details permits Details.Service, Details.Support, Details.Alert, Details.None {

    /** {@code placeQuery}: the places of content/data/ the page shows ({@code places: {type: ...}}), null when it lists its own. */
    record Service(String category, java.util.List<String> documents, java.util.List<String> steps, String cost,
                   String processingTime, java.util.List<Place> places, String online, PlaceQuery placeQuery) implements Details {
        public Service(String category, java.util.List<String> documents, java.util.List<String> steps, String cost,
                       String processingTime, java.util.List<Place> places, String online) {
            this(category, documents, steps, cost, processingTime, places, online, null);
        }
    }

    record Support(String type, java.util.List<Phone> phones, java.util.List<String> languages, String audience,
                   String online, java.util.List<Place> places) implements Details {
    }

    record Alert(String severity, java.time.Instant starts, java.time.Instant expires) implements Details {
        public boolean activeAt(java.time.Instant time) {
            return !time.isBefore(starts) && time.isBefore(expires);
        }

        /** The first moment after {@code time} at which this alert comes into force or expires; {@code Instant.MAX} when both are past. */
        public java.time.Instant nextChangeAfter(java.time.Instant time) {
            if (time.isBefore(starts)) return starts;
            return time.isBefore(expires) ? expires : java.time.Instant.MAX;
        }
    }

    record None() implements Details {
    }
}
