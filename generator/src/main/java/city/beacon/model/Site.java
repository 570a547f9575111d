package city.beacon.model;


import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the render stage needs, immutable: the published pages (no drafts, only active
 * alerts), their translations, the shared data and the build time that decides what is active;
 * {@code byLanguage} holds the same pages grouped by language, in the same order, and
 * {@code untranslated} those with no translation: the lists and indexes ask for both per section.
 */
public record Site(SiteConfig config, List<Page> pages, SiteData data, Instant buildTime,
                   Map<String, Page> bySource, Map<String, Page> translations, List<SourceFile> staticFiles,
                   String baseUrl, Map<String, List<Page>> byLanguage, List<Page> untranslated) {

    /** A site with no known public address: only relative links are written. */
    public Site(SiteConfig config, List<Page> pages, SiteData data, Instant buildTime,
                Map<String, Page> bySource, Map<String, Page> translations, List<SourceFile> staticFiles) {
        this(config, pages, data, buildTime, bySource, translations, staticFiles, null, byLanguage(pages),
                pages.stream().filter(p -> !translations.containsKey(p.url())).toList());
    }

    /** The same site published at {@code baseUrl} (ending with '/'), used where a format needs absolute addresses. */
    public Site withBaseUrl(String baseUrl) {
        return new Site(config, pages, data, buildTime, bySource, translations, staticFiles, baseUrl, byLanguage, untranslated);
    }

    // Grouped once: the lists, feeds and indexes ask for a language's pages hundreds of times.
    private static Map<String, List<Page>> byLanguage(List<Page> pages) {
        Map<String, List<Page>> groups = new java.util.HashMap<>();
        pages.forEach(p -> groups.computeIfAbsent(p.lang(), lang -> new java.util.ArrayList<>()).add(p));
        Map<String, List<Page>> byLanguage = new java.util.HashMap<>();
        groups.forEach((lang, list) -> byLanguage.put(lang, List.copyOf(list)));
        return Map.copyOf(byLanguage);
    }

    /** The absolute address of a site address, when the public address is known. */
    public java.util.Optional<String> absolute(String address) {
        return java.util.Optional.ofNullable(baseUrl).map(base -> base + address);
    }

    /**
     * The day of the build in the site's time zone: all that pages, lists and indexes show of the
     * build time, so a later commit on the same day leaves them as they were.
     */
    public java.time.LocalDate buildDate() {
        return buildTime.atZone(config.timezone()).toLocalDate();
    }

    public List<Page> pages(String lang) {
        return byLanguage.getOrDefault(lang, List.of());
    }

    public List<Page> pages(String lang, Section section) {
        return pages(lang).stream().filter(p -> p.section().id().equals(section.id())).toList();
    }

    /** The same page in the other language, when there is one. */
    public Optional<Page> translationOf(Page page) {
        return Optional.ofNullable(translations.get(page.url()));
    }

    /** A page of {@code section} that exists only in another language than {@code lang}. */
    public List<Page> onlyInOtherLanguages(String lang, Section section) {
        return untranslated.stream()
                .filter(p -> !p.lang().equals(lang) && p.section().id().equals(section.id()))
                .toList();
    }

    /** Every place of data/places.csv as shown in {@code lang}, its status applied (see {@link Places#in}). */
    public List<LocalPlace> places(String lang) {
        return data.places().in(lang, config.languageCodes(), config.places());
    }

    public List<Page> alerts(String lang) {
        return pages(lang).stream().filter(p -> p.kind() == PageKind.ALERT).toList();
    }
}
