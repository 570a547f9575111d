package city.beacon.render;

import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteData;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything an article shows besides its text and the theme (templates, interface text,
 * stylesheet): with the rendered text and the theme, all its HTML depends on, so it is also what
 * an article's cache key must cover. Made from a whole site by {@link #of(Site, Page, List)}, the
 * one way every mode makes it; a build that holds no whole site makes it from its parts.
 *
 * <ul>
 * <li>{@code page}: its facts (title, summary, section, kind, details, tags, dates, example,
 * address, file name); its Markdown is not read, the text comes rendered.</li>
 * <li>{@code translation}: the language and address of the same page in another language, when
 * there is one (the language switch and the hreflang links).</li>
 * <li>{@code alerts}: the alerts in force in the page's language, in reading order (the banners:
 * title, summary, address, severity, expiry).</li>
 * <li>{@code settings}: site.yaml (site title, languages, menu, sections, categories, time zone,
 * "leave this page" address).</li>
 * <li>{@code data}: the shared data (emergency numbers and crisis lines on every page, the mirrors on
 * the mirrors page).</li>
 * <li>{@code buildDate}: the day of the build in the site's time zone (the footer).</li>
 * <li>{@code baseUrl}: the site's public address, ending with '/', when known (a service guide's
 * JSON-LD names its absolute address).</li>
 * <li>{@code downloads}: the site addresses of the files for mirrors (listed on the mirrors page).</li>
 * </ul>
 */
public record ArticleContext(Page page, Optional<Translation> translation, List<Page> alerts, SiteConfig settings,
                             SiteData data, LocalDate buildDate, Optional<String> baseUrl, List<String> downloads) {

    /** Where the page is in another language. */
    public record Translation(String lang, String url) {
        public static Translation of(Page page) {
            return new Translation(page.lang(), page.url());
        }
    }

    public ArticleContext {
        alerts = List.copyOf(alerts);
        downloads = List.copyOf(downloads);
    }

    /**
     * The context of {@code page} (with or without its text) as a page of {@code site}, published
     * with {@code downloads} for mirrors.
     */
    public static ArticleContext of(Site site, Page page, List<String> downloads) {
        return of(site, page, site.alerts(page.lang()), downloads);
    }

    /**
     * As {@link #of(Site, Page, List)}, with the alerts in force in the page's language already
     * looked up in {@code site} (a renderer of ten thousand pages looks them up once per language).
     */
    static ArticleContext of(Site site, Page page, List<Page> alerts, List<String> downloads) {
        return new ArticleContext(page, site.translationOf(page).map(Translation::of), alerts, site.config(), site.data(),
                site.buildDate(), site.absolute(""), downloads);
    }

    /** The absolute address of a site address, when the public address is known. */
    Optional<String> absolute(String address) {
        return baseUrl.map(base -> base + address);
    }
}
