package city.beacon.model;

/**
 * A service page's {@code places: {type: heating, district: podilskyi}}: instead of listing places
 * inline, the page shows a few places of {@code type} from content/data/places.csv (in {@code district}
 * when given, else null) and links to their full list.
 */
public record PlaceQuery(String type, String district) {
}
