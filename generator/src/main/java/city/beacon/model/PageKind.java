package city.beacon.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of page an editor can write; the section a file sits in decides its kind. */
public enum PageKind {
    SERVICE, SUPPORT, PAGE, ALERT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PageKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PageKind::id).toList();
    }
}
