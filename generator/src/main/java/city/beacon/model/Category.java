package city.beacon.model;

/** A topic of services (housing, documents...), listed on its own page. */
public record Category(String id, Localized title) {
}
