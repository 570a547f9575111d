package city.beacon.model;

import java.util.List;

/**
 * The shared data under content/data/, shown on every page or on its own page; and the
 * sub-sections ({@code _index.md} and the sub-folders of sections), whose titles every page
 * below them shows in its breadcrumbs: like the data files, an input of the whole site; and the
 * old addresses of pages ({@code data/redirects.yaml}, written by {@code beacon import}); the places
 * ({@code data/places.csv}, {@code data/places/*.yaml}, {@code data/places-status.csv}), shown per
 * language by {@link Site#places(String)}.
 */
public record SiteData(List<ContactLine> emergency, List<ContactLine> crisisLines, List<Mirror> mirrors,
                       List<SubSection> subSections, List<Redirect> redirects, Places places) {

    /** The data files alone, with no sub-sections, no old addresses and no places. */
    public SiteData(List<ContactLine> emergency, List<ContactLine> crisisLines, List<Mirror> mirrors) {
        this(emergency, crisisLines, mirrors, List.of(), List.of());
    }

    /** The data with no places. */
    public SiteData(List<ContactLine> emergency, List<ContactLine> crisisLines, List<Mirror> mirrors,
                    List<SubSection> subSections, List<Redirect> redirects) {
        this(emergency, crisisLines, mirrors, subSections, redirects, Places.NONE);
    }

    /** The same data with {@code subSections}. */
    /** The same data with other places (none: what an article that shows no places depends on). */
    public SiteData withPlaces(Places other) {
        return new SiteData(emergency, crisisLines, mirrors, subSections, redirects, other);
    }

    public SiteData withSubSections(List<SubSection> subSections) {
        return new SiteData(emergency, crisisLines, mirrors, List.copyOf(subSections), redirects, places);
    }

    /** The {@code _index.md} of each sub-section that has one (relative to content/), with its list's address: a link to it leads there. */
    public java.util.Map<String, String> subSectionIndexes() {
        java.util.Map<String, String> indexes = new java.util.HashMap<>();
        for (SubSection s : subSections) if (s.described()) indexes.put(s.source().relative(), s.url());
        return indexes;
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
