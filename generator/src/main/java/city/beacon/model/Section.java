package city.beacon.model;

/** A folder of pages of one kind, named per language (poslugy / services). */
public record Section(String id, PageKind kind, Localized folder, Localized title) {
}
