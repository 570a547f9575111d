package city.beacon.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the service worker stores on its first visit, so that it opens with no connection: each
 * language's home page (it carries the emergency numbers and crisis lines), the support section's
 * list, and the offline page itself. Not the pages in the section: a portal can have thousands,
 * too many to download on a first visit over a slow connection and to list in {@code sw.js}
 * within the script budget; the worker keeps each page a resident opens.
 */
public final class Precache {
    private Precache() {
    }

    /** The pages of one language kept for offline use, in the order the offline page lists them. */
    public static List<String> pages(Site site, String lang) {
        Routes routes = new Routes(site.config());
        List<String> pages = new ArrayList<>();
        pages.add(routes.home(lang));
        for (Section section : site.config().sections()) {
            if (section.kind() != PageKind.SUPPORT) continue;
            pages.add(routes.section(lang, section));
        }
        return pages;
    }

    /** Every address stored at install, site-root-relative. */
    public static List<String> addresses(Site site) {
        Routes routes = new Routes(site.config());
        List<String> all = new ArrayList<>(List.of(routes.root(), Routes.SCRIPT));
        for (String lang : site.config().languageCodes()) {
            all.addAll(pages(site, lang));
            all.add(routes.offline(lang));
        }
        return all;
    }
}
