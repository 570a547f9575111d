package city.beacon.config;

import city.beacon.model.SiteConfig;
import city.beacon.findings.Problems;
import city.beacon.yaml.FieldReader;
import city.beacon.yaml.TextFiles;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.Category;
import city.beacon.model.AddressWords;
import city.beacon.model.Language;
import city.beacon.model.SlugScheme;
import city.beacon.model.Localized;
import city.beacon.model.PageKind;
import city.beacon.model.PlaceSettings;
import city.beacon.model.Section;
import city.beacon.model.ShortcodePolicy;
import city.beacon.model.Slugs;
import city.beacon.model.TopTask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads content/site.yaml into a {@link SiteConfig}, reporting every finding. */
public final class SiteConfigLoader {
    public static final String FILE = "site.yaml";

    private SiteConfigLoader() {
    }

    public static Optional<SiteConfig> load(Path contentDir, String displayDir, Problems problems) {
        Path file = contentDir.resolve(FILE);
        String display = displayDir + "/" + FILE;
        if (!TextFiles.insideContent(file, contentDir, display, problems)) return Optional.empty();
        if (TextFiles.refusedAsSpecial(file, display, problems)) return Optional.empty();
        if (!Files.isRegularFile(file)) {
            problems.error(display, 0, 0, null, "the portal's settings file is missing",
                    "create " + display + " (see docs/content-reference.md)");
            return Optional.empty();
        }
        return TextFiles.read(file, display, problems)
                .map(text -> YamlDocument.parse(text, display, 1, problems))
                .flatMap(doc -> parse(doc, display, new ThemeWords(contentDir.resolve(THEME_TEXTS),
                        displayDir + "/" + THEME_TEXTS), problems));
    }

    /** The portal's own interface texts, under the content folder (render.Theme reads them whole). */
    public static final String THEME_TEXTS = "theme/i18n";

    /** Pure: the settings in {@code doc} (the address words from the shipped texts), or empty when any finding was reported. */
    public static Optional<SiteConfig> parse(YamlDocument doc, String display, Problems problems) {
        return parse(doc, display, new ThemeWords(null, null), problems);
    }

    private static Optional<SiteConfig> parse(YamlDocument doc, String display, ThemeWords themeWords, Problems problems) {
        FieldReader site = FieldReader.of(doc, display, problems);
        if (site == null) return Optional.empty();
        List<Language> languages = site.objects("languages", true, l -> {
            String code = l.text("code", true);
            String name = l.text("name", true);
            if (code != null && !code.matches("[a-z]{2,3}")) {
                l.report("code", "expected a language code like uk or en, got \"" + code + "\"", null);
            }
            return code == null ? new Language(code, name) : language(l, code, name, themeWords.of(code, problems));
        });
        // Every code written, also of a language with a finding, so that one mistake is not reported again by each title.
        List<String> codes = new java.util.ArrayList<>();
        doc.root().path("languages").forEach(l -> {
            String code = l.path("code").asText("");
            if (code.matches("[a-z]{2,3}") && !codes.contains(code)) codes.add(code);
        });
        if (codes.isEmpty()) languages.forEach(l -> codes.add(l.code()));
        Localized title = site.localized("title", true, codes);
        Localized description = site.localized("description", false, codes);
        // Every id declared, also of sections with findings, so that one mistake is not reported again by 'menu'.
        Set<String> sectionIds = new HashSet<>();
        List<Section> sections = site.objects("sections", true, s -> {
            String id = id(s);
            if (id != null) sectionIds.add(id);
            String kind = s.oneOf("kind", true, PageKind.ids());
            Localized folder = s.localized("folder", true, codes);
            Localized sectionTitle = s.localized("title", true, codes);
            for (String lang : codes) {
                String f = folder.get(lang);
                if (!f.isEmpty() && !Slugs.isValidSlug(f)) {
                    s.report("folder", "the folder name \"" + f + "\" must be lower-case Latin letters, digits and '-'",
                            "use \"" + Slugs.slugify(f) + "\"");
                }
            }
            return kind == null ? null : new Section(id, PageKind.byId(kind).orElseThrow(), folder, sectionTitle);
        });
        List<Category> categories = site.objects("categories", false,
                c -> new Category(id(c), c.localized("title", true, codes)));
        List<String> menu = site.textList("menu", false);
        for (String item : menu) {
            if (!sectionIds.contains(item)) {
                site.report("menu", "no section has the id '" + item + "'",
                        city.beacon.findings.DidYouMean.suggest(item, sectionIds));
            }
        }
        Map<PageKind, Integer> review = new EnumMap<>(PageKind.class);
        FieldReader reviewDays = site.group("review", false);
        if (reviewDays != null) {
            for (PageKind kind : PageKind.values()) {
                int days = reviewDays.integer(kind.id(), 0);
                if (days > 0) review.put(kind, days);
            }
            reviewDays.finish();
        }
        ZoneId zone = ZoneId.of("Europe/Kyiv");
        String zoneName = site.text("timezone", false);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                site.report("timezone", "unknown time zone \"" + zoneName + "\"", "write a name like Europe/Kyiv");
            }
        }
        SiteConfig.Budget budget = new SiteConfig.Budget(14, 8);
        FieldReader limits = site.group("budget", false);
        if (limits != null) {
            budget = new SiteConfig.Budget(limits.integer("page_kib", 14), limits.integer("median_kib", 8),
                    limits.integer("search_kib", SiteConfig.Budget.DEFAULT_SEARCH_KIB));
            limits.finish();
        }
        SiteConfig.Paging paging = new SiteConfig.Paging(atLeastOne(site, "paginate", SiteConfig.Paging.DEFAULT.perPage()),
                atLeastOne(site, "home_entries", SiteConfig.Paging.DEFAULT.homeEntries()));
        String quickExit = site.url("quick_exit", false);
        Map<String, List<TopTask>> topTasks = topTasks(site, codes, display);
        Map<String, ShortcodePolicy> shortcodes = shortcodes(site);
        PlaceSettings places = PlaceSettingsReader.read(site, codes, display);
        site.finish();
        if (!site.valid() || languages.isEmpty()) return Optional.empty();
        return Optional.of(new SiteConfig(title, description, languages, sections, categories, menu,
                review, budget, zone, quickExit != null ? quickExit : SiteConfig.DEFAULT_QUICK_EXIT, paging, topTasks, shortcodes, places));
    }

    /**
     * One item of {@code languages:} beyond its code and name: {@code locale}, {@code slug},
     * {@code direction} and {@code list_slugs}, each defaulting as docs/content-reference.md says.
     */
    private static Language language(FieldReader l, String code, String name, AddressWords themeWords) {
        Language defaults = new Language(code, name);
        String locale = l.text("locale", false);
        if (locale != null && !java.util.Locale.forLanguageTag(locale).toLanguageTag().equalsIgnoreCase(locale)) {
            l.report("locale", "expected a language tag like es-MX or uk, got \"" + locale + "\"", "write the code of the language and region, e.g. \"" + code + "\"");
            locale = null;
        }
        String slugId = l.text("slug", false);
        SlugScheme slug = defaults.slug();
        if (slugId != null) {
            if (SlugScheme.known(slugId)) {
                slug = new SlugScheme(slugId);
            } else {
                l.report("slug", "\"" + slugId + "\" is neither kmu55, keep nor a transliterator ICU knows",
                        "write kmu55 (Ukrainian), keep (addresses in the language's own letters), or an ICU transliterator id such as \""
                                + SlugScheme.ASCII + "\" or \"Arabic-Latin/BGN; Latin-ASCII\"");
            }
        }
        String direction = l.oneOf("direction", false, List.of("ltr", "rtl"));
        boolean rtl = direction != null ? direction.equals("rtl") : Language.writtenRightToLeft(name);
        String listSlugs = l.oneOf("list_slugs", false, List.of(Language.IDS, Language.TITLES));
        AddressWords words = themeWords;
        FieldReader given = l.group("addresses", false);
        if (given != null) {
            Map<String, String> texts = new java.util.HashMap<>();
            for (String key : AddressWords.KEYS) {
                String field = key.substring("address.".length());
                String word = given.text(field, false);
                if (word == null) continue;
                if (!slug.isValid(word)) {
                    given.report(field, "the address word \"" + word + "\" must be " + slug.allowed(), "write \"" + slug.slugify(word) + "\"");
                } else {
                    texts.put(key, word);
                }
            }
            given.finish();
            words = AddressWords.of(texts, themeWords);
        }
        return new Language(code, name, locale != null ? locale : code, slug, rtl,
                listSlugs != null ? listSlugs : defaults.listSlugs(), words);
    }

    /** {@code top_tasks: {uk: [{page: uk/poslugy/a.md, label: ...}, ...], en: [...]}}; whether the pages exist is checked with the pages. */
    private static Map<String, List<TopTask>> topTasks(FieldReader site, List<String> codes, String display) {
        FieldReader tasks = site.group("top_tasks", false);
        if (tasks == null) return Map.of();
        Map<String, List<TopTask>> byLanguage = new java.util.LinkedHashMap<>();
        for (String lang : codes) {
            byLanguage.put(lang, tasks.objects(lang, false, task -> {
                String page = task.text("page", true);
                return page == null ? null : new TopTask(page, task.text("label", false), display, task.lineOf("page"), task.columnOf("page"));
            }));
        }
        tasks.finish();
        return Map.copyOf(byLanguage);
    }

    /** What a Hugo shortcode's name may be. */
    private static final java.util.regex.Pattern SHORTCODE_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_./-]*");

    /** {@code shortcodes: {note: unwrap, youtube: drop}}: what is done with the Hugo shortcodes of each name left in a page. */
    private static Map<String, ShortcodePolicy> shortcodes(FieldReader site) {
        FieldReader group = site.group("shortcodes", false);
        if (group == null) return Map.of();
        Map<String, ShortcodePolicy> policies = new java.util.TreeMap<>();
        for (String name : group.names()) {
            String policy = group.oneOf(name, true, ShortcodePolicy.ids());
            if (!SHORTCODE_NAME.matcher(name).matches()) {
                java.util.regex.Matcher inTag = SHORTCODE_NAME.matcher(name.replaceFirst("^[{<%\\s/]+", "")); // "{{< note >}}": note
                String written = inTag.lookingAt() ? inTag.group() : null;
                group.report(name, "a shortcode is named by its name alone", written == null ? "write its name, such as 'note: unwrap'"
                        : "write '" + written + ": " + (policy != null ? policy : "unwrap") + "'");
                continue;
            }
            if (policy != null) policies.put(name, ShortcodePolicy.byId(policy).orElseThrow());
        }
        group.finish();
        return java.util.Collections.unmodifiableMap(policies);
    }

    /** What an id may be: it becomes part of addresses and folder names of the output. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The required field 'id' of {@code item} (a section, a category), reported unless lower-case Latin letters, digits and '-'. */
    static String id(FieldReader item) {
        String id = item.text("id", true);
        if (id != null && (!ID.matcher(id).matches() || id.length() > Slugs.MAX_LENGTH)) {
            String slug = Slugs.slugify(id);
            item.report("id", "the id \"" + id + "\" may hold only lower-case Latin letters, digits and '-' (at most "
                    + Slugs.MAX_LENGTH + "; it is part of addresses)", slug.isEmpty() ? "write an id such as housing" : "write \"" + Slugs.shortened(slug) + "\"");
        }
        return id;
    }

    /** A count of list entries: 0 would make lists that show nothing. */
    private static int atLeastOne(FieldReader site, String name, int fallback) {
        int n = site.integer(name, fallback);
        if (n == 0) site.report(name, "must be at least 1", "write a number like " + fallback + ", or remove the line for " + fallback);
        return n == 0 ? fallback : n;
    }
}
