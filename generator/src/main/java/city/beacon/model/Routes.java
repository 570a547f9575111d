package city.beacon.model;



/** Where the generated pages (homes, lists, topics) live; a page's own address is on the {@link Page}. */
public final class Routes {

    public static final String STYLESHEET = "assets/beacon.css";
    public static final String NOT_FOUND = "404.html";
    public static final String SCRIPT = "assets/beacon.js";
    /** At the root, so that its scope is the whole site wherever the site is served from. */
    public static final String SERVICE_WORKER = "sw.js";

    private final SiteConfig config;

    public Routes(SiteConfig config) {
        this.config = config;
    }

    public String root() {
        return "";
    }

    public String home(String lang) {
        return lang + "/";
    }

    public String section(String lang, Section section) {
        return lang + "/" + section.folder().get(lang) + "/";
    }

    public String category(String lang, Category category) {
        String slug = byId(lang) ? category.id() : scheme(lang).slugify(category.title().get(lang));
        return lang + "/" + words(lang).categories() + "/" + (slug.isEmpty() ? category.id() : slug) + "/";
    }

    public String tag(String lang, String tag) {
        return lang + "/" + words(lang).tags() + "/" + scheme(lang).slugify(tag) + "/";
    }

    public String index(String lang) {
        return lang + "/" + words(lang).index() + "/";
    }

    /** The A–Z pages of one first letter, when the index is split by letter: {@code uk/a-ya/b/}. */
    public String letter(String lang, String key) {
        return index(lang) + key + "/";
    }

    /** Page {@code number} (from 1) of the list at {@code list}: the list itself, then {@code uk/poslugy/storinka/2/}. */
    public String page(String lang, String list, int number) {
        return number == 1 ? list : list + words(lang).page() + "/" + number + "/";
    }

    /** The places' home page of {@code lang} (types, districts, counts): {@code uk/mistsia/}, {@code en/places/}. */
    public String places(String lang) {
        return lang + "/" + words(lang).places() + "/";
    }

    /**
     * The list of the places of one type: {@code uk/mistsia/punkty-nezlamnosti/} (the type's title as
     * a KMU-55 slug), {@code en/places/heating/} (its id in English, as categories).
     */
    public String placeType(String lang, String type) {
        return places(lang) + typeSlug(lang, type) + "/";
    }

    /** The list of the places of one district: {@code uk/mistsia/raiony/holosiivskyi/}, {@code en/places/districts/holosiivskyi/}. */
    public String placeDistrict(String lang, String district) {
        String slug = byId(lang) ? district : config.places().district(district)
                .map(d -> scheme(lang).slugify(d.name().get(lang))).orElse("");
        return places(lang) + words(lang).districts() + "/" + (slug.isEmpty() ? district : slug) + "/";
    }

    /** The places of one type in one district: {@code uk/mistsia/raiony/holosiivskyi/punkty-nezlamnosti/}. */
    public String placeDistrictType(String lang, String district, String type) {
        return placeDistrict(lang, district) + typeSlug(lang, type) + "/";
    }

    /**
     * The A4 leaflet of the places of one type in one district, for a wall or a door:
     * {@code uk/mistsia/raiony/holosiivskyi/punkty-nezlamnosti/druk/}, {@code en/places/districts/holosiivskyi/heating/print/}.
     */
    public String placeLeaflet(String lang, String district, String type) {
        return placeDistrictType(lang, district, type) + words(lang).print() + "/";
    }

    /** A place's own page, under its type's list, by its id (stable when its name or address changes): {@code uk/mistsia/punkty-nezlamnosti/heating-podilskyi-1/}. */
    public String place(String lang, String type, String id) {
        return placeType(lang, type) + id + "/";
    }

    private String typeSlug(String lang, String type) {
        String slug = byId(lang) ? type : config.places().type(type).map(t -> scheme(lang).slugify(t.title().get(lang))).orElse("");
        return slug.isEmpty() ? type : slug;
    }

    public String searchIndex(String lang) {
        return lang + "/search-index.js";
    }

    public String feed(String lang) {
        return lang + "/feed.xml";
    }

    /** The page the service worker shows for a page that is not cached, when there is no connection. */
    public String offline(String lang) {
        return lang + "/offline.html";
    }

    /** An open-data export: {@code uk/api/services.json}. */
    public String api(String lang, String name) {
        return lang + "/api/" + name + ".json";
    }

    /** An open-data export in another format: {@code uk/api/places.geojson}. */
    public String api(String lang, String name, String extension) {
        return lang + "/api/" + name + "." + extension;
    }

    public String staticFile(SourceFile file) {
        return file.relative();
    }

    /** The language's words for the lists' folders (site.yaml's, else its texts'). */
    private AddressWords words(String lang) {
        return config.language(lang).words();
    }

    private SlugScheme scheme(String lang) {
        return config.language(lang).slug();
    }

    /** Whether the language's category, place-type and district lists are addressed by id ({@code list_slugs: ids}). */
    private boolean byId(String lang) {
        return config.language(lang).listSlugs().equals(Language.IDS);
    }

    public SiteConfig config() {
        return config;
    }
}
