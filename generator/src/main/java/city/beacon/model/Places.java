package city.beacon.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The places of content/data/ as read and checked: the records in the order of their files
 * (places.csv, then the YAML files under places/ by name), and the rows of places-status.csv.
 * {@link #in} gives them as a page in one language shows them.
 */
public record Places(List<PlaceRecord> records, List<PlaceStatus> statuses, List<Outline> outlines) {
    public static final Places NONE = new Places(List.of(), List.of());

    public Places {
        records = List.copyOf(records);
        statuses = List.copyOf(statuses);
        outlines = List.copyOf(outlines);
    }

    public Places(List<PlaceRecord> records, List<PlaceStatus> statuses) {
        this(records, statuses, List.of());
    }

    /**
     * A polygon of content/data/districts.geojson, the maps' optional outline layer: its rings (the
     * outer one, then any holes), each a flat list of longitude, latitude, longitude, latitude...
     */
    public record Outline(List<List<Double>> rings) {
        public Outline {
            rings = rings.stream().map(List::copyOf).toList();
        }
    }

    /** The same places, drawn over {@code outlines}. */
    public Places withOutlines(List<Outline> outlines) {
        return new Places(records, statuses, outlines);
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /**
     * Every place as shown in {@code lang}, in the records' order, its status applied: names,
     * addresses, hours and notes in {@code lang}, else in the first of the site's languages that
     * has them (see {@link LocalPlace}); titles, names and labels from {@code settings}.
     */
    public List<LocalPlace> in(String lang, List<String> languages, PlaceSettings settings) {
        Map<String, PlaceStatus> byId = new HashMap<>();
        statuses.forEach(s -> byId.put(s.id(), s));
        Map<String, String> types = new HashMap<>();
        settings.types().forEach(t -> types.put(t.id(), t.title().get(lang)));
        Map<String, String> districts = new HashMap<>();
        settings.districts().forEach(d -> districts.put(d.id(), d.name().get(lang)));
        Map<String, String> services = new HashMap<>();
        settings.services().forEach(s -> services.put(s.id(), s.label().get(lang)));
        List<LocalPlace> shown = new ArrayList<>(records.size());
        for (PlaceRecord r : records) {
            PlaceStatus status = byId.get(r.id());
            shown.add(new LocalPlace(r.id(), new LocalPlace.Label(r.type(), types.getOrDefault(r.type(), r.type())),
                    new LocalPlace.Label(r.district(), districts.getOrDefault(r.district(), r.district())), r.lat(), r.lon(),
                    text(r.name(), lang, languages), text(r.address(), lang, languages), text(r.hours(), lang, languages),
                    text(r.note(), lang, languages), r.phone(),
                    r.services().stream().map(s -> new LocalPlace.Label(s, services.getOrDefault(s, s))).toList(),
                    r.accessible(), status == null ? PlaceStatus.Kind.OPEN : status.status(),
                    status == null ? LocalPlace.Text.NONE : text(status.note(), lang, languages),
                    status == null ? null : status.since(), r.verified(), r.example()));
        }
        return List.copyOf(shown);
    }

    /** {@code texts} in {@code lang}, else in the first of {@code languages} that has it. */
    static LocalPlace.Text text(Localized texts, String lang, List<String> languages) {
        String own = texts.get(lang);
        if (!own.isEmpty()) return new LocalPlace.Text(own, lang);
        for (String other : languages) {
            String text = texts.get(other);
            if (!text.isEmpty()) return new LocalPlace.Text(text, other);
        }
        return LocalPlace.Text.NONE;
    }
}
