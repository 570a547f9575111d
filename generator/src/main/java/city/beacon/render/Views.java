package city.beacon.render;

import java.util.List;

/**
 * The typed models the jte templates receive. Every address in them is already relative to
 * the page being rendered, so templates hold no URL logic.
 */
public final class Views {
    private Views() {
    }

    public record Link(String href, String text) {
    }

    /** {@code dir}: the language's direction when the page's is the other one, else null (no attribute). */
    public record LanguageLink(String lang, String name, String href, String note, boolean current, String dir) {
    }

    public record Alternate(String lang, String href) {
    }

    public record Contact(String number, String tel, String label, String hours, boolean free, boolean example) {
    }

    public record Place(String name, String address, String hours, Contact phone, boolean example) {
    }

    public record AlertBanner(String severity, String severityLabel, String title, String summary, String href, String until) {
    }

    /**
     * What every page shares: head, skip link, help strip, navigation, footer. {@code fullHelp}:
     * the help strip lists every number (home and support pages); otherwise it shows
     * {@link #firstNumbers()} and puts {@link #otherNumbers()} behind a disclosure.
     * {@code alternates}: the page in each language, none on a site in one language;
     * {@code canonicalHref}: where the page lives when it is a copy (the root of a site in one
     * language, which is its home page), else null.
     */
    public record Layout(String lang, String pageTitle, String siteTitle, String description, String homeHref,
                         String stylesheetHref, String inlineCss, List<Link> breadcrumbs,
                         List<LanguageLink> languages, List<Alternate> alternates, List<Link> menu,
                         List<Contact> emergency, List<Contact> crisisLines, List<AlertBanner> alerts,
                         String builtOn, String indexHref, boolean quickExit, UiText t,
                         String quickExitUrl, String scriptHref, String searchIndexHref, String feedHref,
                         boolean fullHelp, String canonicalHref) {
        /** The page's {@code dir}: "rtl" for a language written right to left, else null (no attribute, left to right). */
        public String dir() {
            return t.rtl() ? "rtl" : null;
        }

        /** The compact strip's numbers always in view: the first emergency number (112) and the first crisis line. */
        public List<Contact> firstNumbers() {
            return java.util.stream.Stream.concat(emergency.stream().limit(1), crisisLines.stream().limit(1)).toList();
        }

        /** The compact strip's other numbers, one tap away. */
        public List<Contact> otherNumbers() {
            return java.util.stream.Stream.concat(emergency.stream().skip(1), crisisLines.stream().skip(1)).toList();
        }
    }

    /** An item of a list: a page of this language, or one only in another language ({@code note}). */
    public record Entry(String href, String title, String summary, String hreflang, String note) {
        /** The language of the title and summary when it is not the page's own (null: the page's own). */
        public String lang() {
            return note == null ? null : hreflang;
        }
    }

    /**
     * A section on the home page: its categories' lists when its pages have categories, else its
     * first entries (titles only); {@code more} (null when every page is in view) to the whole list.
     */
    public record Block(Link heading, List<Link> categories, List<Entry> entries, Link more) {
    }

    /** The home page: the top tasks (site.yaml) first, then the sections. */
    /** The home page; {@code places}: the link to the places' home, null when the site has no places. */
    public record HomeView(Layout layout, String title, String description, List<Link> tasks, Link places, List<Block> sections) {
    }

    /**
     * A list page. {@code letters}: the A–Z letter bar when the index is split by first letter
     * (empty otherwise); {@code pager}: null when the list fits on one page.
     */
    /** {@code text}: the introduction an editor wrote for the list (a sub-section's _index.md), as HTML; "" when none. */
    public record ListView(Layout layout, String title, String intro, List<Entry> entries, List<Link> related,
                           List<LetterLink> letters, Pager pager, String text) {
        public ListView(Layout layout, String title, String intro, List<Entry> entries, List<Link> related,
                        List<LetterLink> letters, Pager pager) {
            this(layout, title, intro, entries, related, letters, pager, "");
        }
    }

    public record LetterLink(String href, String letter, boolean current) {
    }

    /** The way through a long list: previous, next (null at the ends), and some page numbers. */
    public record Pager(String label, Link previous, Link next, List<PageNumber> numbers) {
    }

    /** A page number in the pager; {@code href} null for the gap ("…") between distant numbers. */
    public record PageNumber(String href, String number, boolean current) {
    }

    /**
     * {@code fromData}: the places of content/data/ the page asks for ({@code places: {type: ...}}), a
     * few, and {@code allPlaces}, the link to their whole list (null when the page lists its own, or
     * when there are no such places: then there is no such list either).
     */
    public record ServiceFacts(List<String> documents, List<String> steps, String cost, String processingTime,
                               List<Place> places, String online, List<PlaceItem> fromData, Link allPlaces) {
    }

    public record SupportFacts(String typeLabel, List<Contact> phones, String languages, String audience,
                               String online, List<Place> places) {
    }

    public record AlertFacts(String severity, String severityLabel, String until) {
    }

    /** A page an editor wrote; at most one of the facts is set, by its kind. */
    public record ArticleView(Layout layout, String title, String summary, String bodyHtml, String updated,
                              String reviewed, Link category, List<Link> tags, boolean example,
                              ServiceFacts service, SupportFacts support, AlertFacts alert, String jsonLd,
                              MirrorsView mirrors) {
    }

    public record MirrorEntry(String name, String url, String rsync, String location, boolean example) {
    }

    /** What the mirrors page shows after its text: the mirrors, and the files to check or carry a copy. */
    public record MirrorsView(List<MirrorEntry> mirrors, List<Link> files) {
    }

    /** {@code dir}: the language's direction when the root page's is the other one, else null (no attribute). */
    public record LanguageChoice(String lang, String name, String title, String description, String href, String dir) {
    }

    public record RootView(Layout layout, List<LanguageChoice> choices) {
    }

    /** What the 404 page says in one language: its title, its text, and the link to that language's home page. */
    public record NotFoundText(String lang, String title, String text, Link home) {
    }

    /**
     * The 404 page. {@code languagePattern} ("uk|en"): set when its links are root-relative (no
     * --base-url), for the small script that moves them under the site's folder when the site is
     * not at the root of its server; null when they are absolute.
     */
    public record NotFoundView(Layout layout, List<NotFoundText> texts, String languagePattern) {
    }

    /** A text and its language when that is not the page's own (null: the page's), for a {@code lang} attribute. */
    public record Phrase(String text, String lang) {
        public boolean isEmpty() {
            return text == null || text.isEmpty();
        }
    }

    /**
     * A place as a list, a map or a nearby list shows it. {@code status}: open, closed, full or moved
     * ({@code statusLabel} says it in words); {@code lat}, {@code lon}: its coordinates as written in
     * {@code data-lat}/{@code data-lon} for the distance sort; {@code distance}: "1.2 km" in a nearby
     * list, else null.
     */
    public record PlaceItem(String href, Phrase name, String status, String statusLabel, Phrase address, Phrase hours,
                            String lat, String lon, boolean example, String distance) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    /** A link with a count: a type or a district on the places' home page. */
    public record CountLink(String href, String text, int count) {
    }

    /** The places' home page: the types and the districts, each with how many places it has. */
    public record PlacesHomeView(Layout layout, String title, String intro, List<CountLink> types, List<CountLink> districts,
                                 String map) {
    }

    /**
     * A list of places (a type, a district, a type in a district), one page of it: the map of the
     * page's places ({@code map}: inline SVG, "" when none), the places sorted by name, the pager
     * (null when one page), the other lists ({@code related}), and the page that explains the type
     * ({@code explainer}, null when none).
     */
    public record PlaceListView(Layout layout, String title, String intro, String map, List<PlaceItem> places, Pager pager,
                                List<Link> related, Link explainer, Link up) {
    }

    /**
     * The A4 leaflet of a list of places: its places with addresses, hours and when each was checked,
     * the emergency numbers, the day the list was published, and the list's address ({@code address},
     * absolute when the site's address is known) with its QR code ({@code qr}: inline SVG, "" without --base-url).
     */
    public record LeafletView(Layout layout, String title, List<PlaceItem> places, List<String> checked,
                              String published, String address, String qr, Link back) {
    }

    /** A place's own page. {@code phone}: null when none; {@code accessible}: a sentence, null when unknown. */
    public record PlaceView(Layout layout, PlaceItem place, Link type, Link district, Phrase statusNote, String since,
                            Phrase note, List<String> services, String accessible, Contact phone, String geoHref,
                            String osmHref, String checked, List<PlaceItem> nearby, Link explainer) {
    }
}
