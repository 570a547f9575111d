package city.beacon.model;

import java.util.List;

/** The shared data under content/data/: shown on every page or on its own page. */
public record SiteData(List<ContactLine> emergency, List<ContactLine> crisisLines, List<Mirror> mirrors, List<Redirect> redirects) {

    public SiteData(List<ContactLine> emergency, List<ContactLine> crisisLines, List<Mirror> mirrors) {
        this(emergency, crisisLines, mirrors, List.of());
    }

    /** An old address of a page ({@code data/redirects.yaml}, written by {@code beacon import}): {@code to} is the page's file under content/. */
    public record Redirect(String from, String to) {
    }

    /** A number shown on every page: an emergency service or a crisis line. */
    public record ContactLine(String number, Localized label, Localized hours, boolean free, boolean example) {
        public String telHref() {
            return PhoneNumbers.telHref(number);
        }
    }

    /** A copy of the portal kept by a volunteer or an institution. */
    public record Mirror(String name, String url, String rsync, Localized location, boolean example) {
    }
}
