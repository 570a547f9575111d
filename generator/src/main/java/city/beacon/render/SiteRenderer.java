package city.beacon.render;

import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Precache;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.TopTask;
import city.beacon.model.Urls;
import city.beacon.render.Views.Entry;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.Link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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
    private final Listings listings;
    private final PlacePages places;
    private final ArticleRenderer articles;
    private final List<String> downloads;

    /**
     * A page the generator makes itself: its address, and its view, made when asked for.
     * {@code inputs}: for a page of a list, all its view is made from besides what every page
     * shares (equal inputs, equal views); null for the other pages.
     */
    public record Generated(String url, Object inputs, Supplier<View> view) {
        Generated(String url, Supplier<View> view) {
            this(url, null, view);
        }

        public String html() {
            return view.get().html();
        }

        /**
         * What this page shows besides what every page shares, as text for a key, when it is a page
         * of a list (see {@link Listings#describe}): equal texts, equal pages, while the site-wide
         * inputs are the same. Empty for the other generated pages, which are always made.
         */
        public java.util.Optional<String> describe(java.util.function.Function<Page, String> facts) {
            if (inputs instanceof PlacePages.Key key) return java.util.Optional.of(key.text());
            return Listings.describe(inputs, facts);
        }
    }

    /**
     * A generated page before its template is applied: the template, its typed model, and the
     * site's address when its links must be absolute (the 404 page). The templates see nothing
     * but the model, so equal views render the same HTML.
     */
    public record View(Templates templates, String template, Object model, String absoluteBase) {
        static View of(Templates templates, String template, Object model) {
            return new View(templates, template, model, null);
        }

        public String html() {
            String html = templates.render(template, model);
            return absoluteBase == null ? html : AbsoluteLinks.rewrite(html, absoluteBase);
        }
    }

    public SiteRenderer(Site site, Templates templates, Map<String, UiText> texts, String inlineCss) {
        this(site, templates, texts, inlineCss, List.of(), new Alphabets());
    }

    /**
     * {@code downloads}: the site addresses of the files for mirrors (manifest, signature, bundle...),
     * linked from the mirrors page; {@code alphabets}: what the A–Z indexes are sorted by.
     */
    public SiteRenderer(Site site, Templates templates, Map<String, UiText> texts, String inlineCss, List<String> downloads,
                        Alphabets alphabets) {
        this.site = site;
        this.templates = templates;
        this.views = new ViewFactory(site, texts, inlineCss, downloads);
        this.routes = views.routes();
        this.listings = new Listings(site, templates, views, alphabets);
        this.places = new PlacePages(site, templates, views, alphabets);
        this.articles = new ArticleRenderer(templates, texts, inlineCss);
        this.downloads = List.copyOf(downloads);
    }

    /** What the article of {@code page} (with or without its text), a page of this renderer's site, shows besides its text. */
    public ArticleContext context(Page page) {
        return ArticleContext.of(site, page, views.alerts(page.lang()), downloads);
    }

    /** The renderer of articles, which needs only their contexts. */
    public ArticleRenderer articles() {
        return articles;
    }

    public String article(ArticleContext context, String bodyHtml) {
        return articles.article(context, bodyHtml);
    }

    /** {@link ArticleRenderer#articleParts}. */
    public Article articleParts(ArticleContext context, String bodyHtml) {
        return articles.articleParts(context, bodyHtml);
    }

    /** The article of {@code page}, a page of this renderer's site: {@code article(context(page), bodyHtml)}. */
    public String article(Page page, String bodyHtml) {
        return article(context(page), bodyHtml);
    }

    /** {@code articleParts(context(page), bodyHtml)}. */
    public Article articleParts(Page page, String bodyHtml) {
        return articleParts(context(page), bodyHtml);
    }

    /** An article's layout and text (see {@link ArticleRenderer#articleParts}). */
    public record Article(String layout, String text) {
        /** Where the text goes in the layout: a comment, which no escaped content can contain. */
        public static final String TEXT = "<!--beacon:text-->";

        public String html() {
            int at = layout.indexOf(TEXT);
            if (at < 0) throw new IllegalStateException("the article template does not show the page's text");
            return layout.substring(0, at) + text + layout.substring(at + TEXT.length());
        }
    }

    public List<Generated> generatedPages() {
        List<Generated> pages = new ArrayList<>();
        pages.add(new Generated(routes.root(), this::root));
        pages.add(new Generated(Routes.NOT_FOUND, this::notFound));
        for (String lang : site.config().languageCodes()) {
            pages.add(new Generated(routes.home(lang), () -> home(lang)));
            pages.add(new Generated(routes.offline(lang), () -> offline(lang)));
            listings.addTo(pages, lang);
            places.addTo(pages, lang);
        }
        return pages;
    }

    /** The choice of language; in a site of one language, that language's home page (its links relative to the root). */
    private View root() {
        String self = routes.root();
        String lang = site.config().defaultLanguage();
        if (site.config().languageCodes().size() == 1) return home(lang, self);
        Layout layout = views.layout(self, lang, site.config().title().get(lang), site.config().description().get(lang),
                List.of(), otherHomes(lang), false);
        return View.of(templates, "root.jte", new Views.RootView(layout, views.languageChoices(self, null, null)));
    }

    private View notFound() {
        String self = Routes.NOT_FOUND;
        String lang = site.config().defaultLanguage();
        Layout layout = views.layout(self, lang, views.text(lang).get("not_found_title"), "", List.of(), otherHomes(lang), false);
        List<Views.NotFoundText> texts = site.config().languageCodes().stream().map(l -> new Views.NotFoundText(l,
                views.text(l).get("not_found_title"), views.text(l).get("not_found_text"),
                new Link(Urls.relative(self, routes.home(l)), views.text(l).get("home_page")))).toList();
        // Served at any depth: its links name the site's address (--base-url), else the server's root.
        Optional<String> base = site.absolute("");
        return new View(templates, "notfound.jte", new Views.NotFoundView(layout, texts,
                base.isPresent() ? null : String.join("|", site.config().languageCodes())), base.orElse("/"));
    }

    private View home(String lang) {
        return home(lang, routes.home(lang));
    }

    /** The home page of {@code lang}, served at {@code self}: its own address, or the root of a site in one language. */
    private View home(String lang, String self) {
        UiText t = views.text(lang);
        List<Views.Block> blocks = new ArrayList<>();
        for (String id : site.config().menu()) {
            Section section = site.config().section(id).orElseThrow();
            if (section.kind() == PageKind.ALERT) continue; // active alerts are already the banner on every page
            String href = Urls.relative(self, routes.section(lang, section));
            List<Page> pages = listings.sectionPages(lang, section);
            Set<String> used = new HashSet<>();
            pages.forEach(p -> {
                if (p.details() instanceof Details.Service s) used.add(s.category());
            });
            List<Link> categories = site.config().categories().stream().filter(c -> used.contains(c.id()))
                    .map(c -> new Link(Urls.relative(self, routes.category(lang, c)), c.title().get(lang))).toList();
            int shown = categories.isEmpty() ? Math.min(pages.size(), site.config().paging().homeEntries()) : 0;
            Link more = shown == pages.size() ? null : new Link(href, t.get("all_in_section").replace("{n}", t.number(pages.size())));
            blocks.add(new Views.Block(new Link(href, section.title().get(lang)), categories,
                    pages.subList(0, shown).stream().map(p -> views.entry(self, lang, p)).toList(), more));
        }
        List<Link> tasks = new ArrayList<>();
        for (TopTask task : site.config().topTasks(lang)) {
            Page page = site.bySource().get(task.page());
            if (page == null || !page.lang().equals(lang)) continue; // reported with its line in site.yaml
            tasks.add(new Link(Urls.relative(self, page.url()), task.label() != null ? task.label() : page.title()));
        }
        Layout layout = views.layout(self, lang, site.config().title().get(lang), site.config().description().get(lang),
                List.of(), otherHomes(lang), false);
        // "Where" is what residents ask most in a blackout: the places' home is one link under the top tasks.
        Link places = site.data().places().isEmpty() ? null : new Link(Urls.relative(self, routes.places(lang)),
                t.get("places_title") + ": " + String.join(", ", site.config().places().types().stream().map(type -> type.title().get(lang)).toList()));
        return View.of(templates, "home.jte", new Views.HomeView(layout, site.config().title().get(lang),
                site.config().description().get(lang), tasks, places, blocks));
    }

    /** Shown by the service worker instead of a page it has not kept: what does open offline. */
    private View offline(String lang) {
        String self = routes.offline(lang);
        Map<String, String> titles = new java.util.HashMap<>();
        titles.put(routes.home(lang), site.config().title().get(lang));
        site.config().sections().forEach(s -> titles.put(routes.section(lang, s), s.title().get(lang)));
        List<Entry> entries = Precache.pages(site, lang).stream()
                .map(url -> new Entry(Urls.relative(self, url), titles.get(url), "", lang, null)).toList();
        UiText t = views.text(lang);
        Layout layout = views.layout(self, lang, t.get("offline_title"), "", views.crumbs(self, lang),
                otherLists(lang, routes::offline), false);
        return View.of(templates, "offline.jte", new Views.ListView(layout, t.get("offline_title"), t.get("offline_text"), entries,
                List.of(), List.of(), null));
    }

    private Map<String, String> otherHomes(String lang) {
        return otherLists(lang, routes::home);
    }

    private Map<String, String> otherLists(String lang, Function<String, String> route) {
        Map<String, String> others = new TreeMap<>();
        for (String other : site.config().languageCodes()) {
            if (!other.equals(lang)) others.put(other, route.apply(other));
        }
        return others;
    }
}
