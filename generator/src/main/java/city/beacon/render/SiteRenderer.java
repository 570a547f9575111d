package city.beacon.render;

import city.beacon.model.Category;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Precache;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.render.Views.Entry;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.Link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The render stage: every page of the site as HTML in memory, one at a time, so the caller can
 * write each page and let it go. Pages editors wrote come with their rendered Markdown; the
 * generated pages (homes, lists, topics, A–Z, root, 404) are listed by {@link #generatedPages()}.
 */
public final class SiteRenderer {
    private final Site site;
    private final Templates templates;
    private final ViewFactory views;
    private final Routes routes;

    /** A page the generator makes itself: its address and how to render it. */
    public record Generated(String url, Supplier<String> html) {
    }

    public SiteRenderer(Site site, Templates templates, Map<String, UiText> texts, String inlineCss) {
        this(site, templates, texts, inlineCss, List.of());
    }

    /** {@code downloads}: the site addresses of the files for mirrors (manifest, signature, bundle...), linked from the mirrors page. */
    public SiteRenderer(Site site, Templates templates, Map<String, UiText> texts, String inlineCss, List<String> downloads) {
        this.site = site;
        this.templates = templates;
        this.views = new ViewFactory(site, texts, inlineCss, downloads);
        this.routes = views.routes();
    }

    public String article(Page page, String bodyHtml) {
        return templates.render("article.jte", views.article(page, bodyHtml, JsonLd.of(site, page)));
    }

    public List<Generated> generatedPages() {
        List<Generated> pages = new ArrayList<>();
        pages.add(new Generated(routes.root(), this::root));
        pages.add(new Generated(Routes.NOT_FOUND, this::notFound));
        for (String lang : site.config().languageCodes()) {
            pages.add(new Generated(routes.home(lang), () -> home(lang)));
            pages.add(new Generated(routes.index(lang), () -> index(lang)));
            pages.add(new Generated(routes.offline(lang), () -> offline(lang)));
            for (Section section : site.config().sections()) {
                pages.add(new Generated(routes.section(lang, section), () -> section(lang, section)));
            }
            for (Category category : site.config().categories()) {
                pages.add(new Generated(routes.category(lang, category), () -> category(lang, category)));
            }
            for (String tag : tags(lang)) {
                pages.add(new Generated(routes.tag(lang, tag), () -> tag(lang, tag)));
            }
        }
        return pages;
    }

    private TreeSet<String> tags(String lang) {
        TreeSet<String> tags = new TreeSet<>();
        site.pages(lang).forEach(p -> tags.addAll(p.tags()));
        return tags;
    }

    private String root() {
        String self = routes.root();
        String lang = site.config().defaultLanguage();
        Layout layout = views.layout(self, lang, site.config().title().get(lang), site.config().description().get(lang),
                List.of(), otherHomes(lang), false);
        return templates.render("root.jte", new Views.RootView(layout, views.languageChoices(self, null, null)));
    }

    private String notFound() {
        String self = Routes.NOT_FOUND;
        String lang = site.config().defaultLanguage();
        Layout layout = views.layout(self, lang, views.text(lang).get("not_found_title"), "", List.of(), otherHomes(lang), false);
        String html = templates.render("notfound.jte",
                new Views.NotFoundView(layout, views.languageChoices(self, "not_found_title", "not_found_text")));
        return site.absolute("").map(base -> AbsoluteLinks.rewrite(html, base)).orElse(html);
    }

    private String home(String lang) {
        String self = routes.home(lang);
        UiText t = views.text(lang);
        List<Views.Block> blocks = new ArrayList<>();
        for (String id : site.config().menu()) {
            Section section = site.config().section(id).orElseThrow();
            if (section.kind() == PageKind.ALERT) continue; // active alerts are already the banner on every page
            blocks.add(new Views.Block(new Link(Urls.relative(self, routes.section(lang, section)), section.title().get(lang)),
                    views.sectionEntries(self, lang, section)));
        }
        Layout layout = views.layout(self, lang, site.config().title().get(lang), site.config().description().get(lang),
                List.of(), otherHomes(lang), false);
        return templates.render("home.jte", new Views.HomeView(layout, site.config().title().get(lang),
                site.config().description().get(lang), blocks, categoryLinks(self, lang)));
    }

    private String section(String lang, Section section) {
        String self = routes.section(lang, section);
        List<Link> related = section.kind() == PageKind.SERVICE ? categoryLinks(self, lang) : List.of();
        return list(self, lang, section.title().get(lang), "", views.sectionEntries(self, lang, section), related,
                otherLists(lang, l -> routes.section(l, section)), section.kind() == PageKind.SUPPORT);
    }

    private String category(String lang, Category category) {
        String self = routes.category(lang, category);
        List<Entry> entries = site.pages(lang).stream()
                .filter(p -> p.details() instanceof city.beacon.model.Details.Service s && category.id().equals(s.category()))
                .map(p -> views.entry(self, lang, p)).toList();
        return list(self, lang, category.title().get(lang), "", entries, List.of(),
                otherLists(lang, l -> routes.category(l, category)), false);
    }

    private String tag(String lang, String tag) {
        String self = routes.tag(lang, tag);
        List<Entry> entries = site.pages(lang).stream().filter(p -> p.tags().contains(tag))
                .map(p -> views.entry(self, lang, p)).toList();
        return list(self, lang, views.text(lang).get("topic") + ": " + tag, "", entries, List.of(), otherHomes(lang), false);
    }

    private String index(String lang) {
        String self = routes.index(lang);
        List<Page> all = new ArrayList<>(site.pages(lang));
        for (Section section : site.config().sections()) all.addAll(site.onlyInOtherLanguages(lang, section));
        all.sort(Comparator.comparing(Page::title, String.CASE_INSENSITIVE_ORDER).thenComparing(SiteModel.READING_ORDER));
        List<Entry> entries = all.stream().map(p -> views.entry(self, lang, p)).toList();
        return list(self, lang, views.text(lang).get("all_pages"), "", entries, List.of(),
                otherLists(lang, routes::index), false);
    }

    /** Shown by the service worker instead of a page it has not kept: what does open offline. */
    private String offline(String lang) {
        String self = routes.offline(lang);
        Map<String, String> titles = new java.util.HashMap<>();
        titles.put(routes.home(lang), site.config().title().get(lang));
        site.config().sections().forEach(s -> titles.put(routes.section(lang, s), s.title().get(lang)));
        site.pages(lang).forEach(p -> titles.put(p.url(), p.title()));
        List<Entry> entries = Precache.pages(site, lang).stream()
                .map(url -> new Entry(Urls.relative(self, url), titles.get(url), "", lang, null)).toList();
        UiText t = views.text(lang);
        Layout layout = views.layout(self, lang, t.get("offline_title"), "", views.crumbs(self, lang),
                otherLists(lang, routes::offline), false);
        return templates.render("offline.jte", new Views.ListView(layout, t.get("offline_title"), t.get("offline_text"), entries, List.of()));
    }

    private String list(String self, String lang, String title, String intro, List<Entry> entries, List<Link> related,
                        Map<String, String> translations, boolean quickExit) {
        Layout layout = views.layout(self, lang, title, intro, views.crumbs(self, lang), translations, quickExit);
        return templates.render("list.jte", new Views.ListView(layout, title, intro, entries, related));
    }

    private List<Link> categoryLinks(String self, String lang) {
        return site.config().categories().stream()
                .map(c -> new Link(Urls.relative(self, routes.category(lang, c)), c.title().get(lang))).toList();
    }

    private Map<String, String> otherHomes(String lang) {
        return otherLists(lang, routes::home);
    }

    private Map<String, String> otherLists(String lang, java.util.function.Function<String, String> route) {
        Map<String, String> others = new TreeMap<>();
        for (String other : site.config().languageCodes()) {
            if (!other.equals(lang)) others.put(other, route.apply(other));
        }
        return others;
    }
}
