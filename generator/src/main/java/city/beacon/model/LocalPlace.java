package city.beacon.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A place as a page in one language shows it ({@link Places#in}): the type's title, the district's
 * name and the services' labels in that language, its status applied (a place with no status row is
 * {@code open}), and each text with the language it is in: the page's language, or, when the place has
 * no text in it, the site's first language that has one (a page marks such a text with its {@code lang}).
 * A text nobody wrote is {@link Text#NONE}.
 */
public record LocalPlace(String id, Label type, Label district, double lat, double lon, Text name, Text address,
                         Text hours, Text note, String phone, List<Label> services, Boolean accessible,
                         PlaceStatus.Kind status, Text statusNote, LocalDate since, LocalDate verified, boolean example) {

    public LocalPlace {
        services = List.copyOf(services);
    }

    /** An id with its text in the page's language: a type, a district, a service. */
    public record Label(String id, String text) {
    }

    /** A text and the language it is written in. */
    public record Text(String text, String lang) {
        public static final Text NONE = new Text("", null);

        public boolean isEmpty() {
            return text.isEmpty();
        }
    }

    /** The {@code tel:} link of the phone, null when there is none. */
    public String telHref() {
        return phone == null ? null : PhoneNumbers.telHref(phone);
    }
}
