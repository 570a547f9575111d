package city.beacon.serve;

import city.beacon.model.SiteConfig;
import city.beacon.model.Page;
import city.beacon.model.SiteData;
import city.beacon.render.SiteRenderer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview's list pages (homes, sections, categories, topics, A–Z...), each rendered again
 * only when its view changed. Not thread-safe.
 */
final class PreviewLists {
    /**
     * What every list page shows besides its own entries: the settings, the data, the alert
     * banners, the build date, the theme. While it is the same, a list page whose inputs
     * ({@link SiteRenderer.Generated#inputs()}) are the same shows the same.
     */
    record Context(SiteConfig config, SiteData data, List<Page> alerts, Instant buildTime, int themeVersion) {
    }

    /**
     * One list page: its view (what its template is given) and the theme it was rendered with.
     * Equal views render the same HTML, so a title edit renders again only the lists that show it.
     */
    private record Key(SiteRenderer.View view, int themeVersion) {
    }

    /** By address. */
    private Map<String, Rendered> pages = Map.of();
    /** What the pages were last rendered with; null before the first render. */
    private Context context;

    /** By address. */
    Map<String, Rendered> pages() {
        return pages;
    }

    /**
     * Renders again the pages {@code renderer} makes whose view changed, and drops those it no
     * longer makes (a topic gone, a list shorter by a page); what changed goes into {@code changes}.
     * While the context is the same, only the pages whose inputs changed have their view made and
     * compared; else every page's.
     */
    void render(SiteRenderer renderer, Context context, Changes changes) {
        boolean sameContext = context.equals(this.context);
        Map<String, Rendered> next = new HashMap<>();
        for (SiteRenderer.Generated g : renderer.generatedPages()) {
            Rendered previous = pages.get(g.url());
            boolean same = sameContext && previous != null && g.inputs() != null && g.inputs().equals(previous.inputs());
            Rendered page = same ? previous : page(g, previous, context.themeVersion(), changes);
            next.put(g.url(), page);
            changes.page(g.url(), previous, page);
        }
        pages.forEach((url, previous) -> {
            if (!next.containsKey(url)) changes.page(url, previous, null);
        });
        pages = next;
        this.context = context;
    }

    /** The page {@code g}: {@code previous}'s HTML when its view is the same, else rendered again. */
    private static Rendered page(SiteRenderer.Generated g, Rendered previous, int themeVersion, Changes changes) {
        Key key = new Key(g.view().get(), themeVersion);
        if (previous != null && previous.key().equals(key)) return previous.withKey(key, g.inputs());
        changes.rendered++;
        return Rendered.checked(key, g.inputs(), g.url(), key.view().html());
    }
}
