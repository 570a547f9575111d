package city.beacon.model;


import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * content/site.yaml, checked and typed. The first language is the default. {@code shortcodes}:
 * what to do with a Hugo shortcode of each name left in a page ({@code shortcodes: {note: unwrap}});
 * {@code places}: the types, districts, services, bounding box and review days of the places
 * ({@link PlaceSettings#NONE} when site.yaml has no {@code places:}).
 */
public record SiteConfig(Localized title, Localized description, List<Language> languages,
                         List<Section> sections, List<Category> categories, List<String> menu,
                         Map<PageKind, Integer> reviewDays, Budget budget, ZoneId timezone, String quickExit,
                         Paging paging,
                         Map<String, List<TopTask>> topTasks, Map<String, ShortcodePolicy> shortcodes,
                         PlaceSettings places) {

    /** Where "Leave this page" goes when site.yaml names no other site: a neutral page that raises no questions. */
    public static final String DEFAULT_QUICK_EXIT = "https://www.google.com/";

    /**
     * Page-weight limits, in KiB of gzip-compressed HTML plus the CSS it needs; {@code searchKib}:
     * the most a file of the search index may weigh compressed (a larger index is split).
     */
    public record Budget(int pageKib, int medianKib, int searchKib) {
        public static final int DEFAULT_SEARCH_KIB = 64;

        public Budget(int pageKib, int medianKib) {
            this(pageKib, medianKib, DEFAULT_SEARCH_KIB);
        }
    }

    /**
     * How long generated lists get: {@code perPage} entries per list page (sections, categories,
     * topics, A–Z letters; beyond it a list continues on .../page/2/), {@code homeEntries} per section on the home page.
     */
    public record Paging(int perPage, int homeEntries) {
        public static final Paging DEFAULT = new Paging(50, 15);
    }

    /** The home page's first links in {@code lang}, in order ({@code top_tasks:}; none when not given). */
    public List<TopTask> topTasks(String lang) {
        return topTasks.getOrDefault(lang, List.of());
    }

    public List<String> languageCodes() {
        return languages.stream().map(Language::code).toList();
    }

    public String defaultLanguage() {
        return languages.get(0).code();
    }

    public Optional<Section> sectionByFolder(String lang, String folder) {
        return sections.stream().filter(s -> s.folder().get(lang).equals(folder)).findFirst();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Each category's title in {@code lang}, by id: what {@link #category} gives, for loops over thousands of pages. */
    public Map<String, String> categoryTitles(String lang) {
        Map<String, String> titles = new java.util.HashMap<>();
        categories.forEach(c -> titles.putIfAbsent(c.id(), c.title().get(lang)));
        return titles;
    }

    public Language language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }
}
