package city.beacon.model;


import java.util.Map;

/** Where the generated pages (homes, lists, topics) live; a page's own address is on the {@link Page}. */
public final class Routes {
    /** Folder names of generated lists, per language; languages not listed use English names. */
    private static final Map<String, String[]> FOLDERS = Map.of(
            "uk", new String[]{"katehorii", "temy", "a-ya", "storinka"},
            "en", new String[]{"categories", "tags", "a-z", "page"});

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
        String slug = lang.equals("en") ? category.id() : Slugs.slugify(category.title().get(lang));
        return lang + "/" + folders(lang)[0] + "/" + (slug.isEmpty() ? category.id() : slug) + "/";
    }

    public String tag(String lang, String tag) {
        return lang + "/" + folders(lang)[1] + "/" + Slugs.slugify(tag) + "/";
    }

    public String index(String lang) {
        return lang + "/" + folders(lang)[2] + "/";
    }

    /** The A–Z pages of one first letter, when the index is split by letter: {@code uk/a-ya/b/}. */
    public String letter(String lang, String key) {
        return index(lang) + key + "/";
    }

    /** Page {@code number} (from 1) of the list at {@code list}: the list itself, then {@code uk/poslugy/storinka/2/}. */
    public String page(String lang, String list, int number) {
        return number == 1 ? list : list + folders(lang)[3] + "/" + number + "/";
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

    private static String[] folders(String lang) {
        return FOLDERS.getOrDefault(lang, FOLDERS.get("en"));
    }

    public SiteConfig config() {
        return config;
    }
}
