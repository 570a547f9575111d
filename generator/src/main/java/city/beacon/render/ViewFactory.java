package city.beacon.render;

import city.beacon.model.SiteConfig;
import city.beacon.model.Category;
import city.beacon.model.Details;
import city.beacon.model.Language;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Phone;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SubSections;
import city.beacon.model.Urls;
import city.beacon.render.Views.AlertBanner;
import city.beacon.render.Views.Contact;
import city.beacon.render.Views.Entry;
import city.beacon.render.Views.LanguageChoice;
import city.beacon.render.Views.LanguageLink;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.Link;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the typed views of every kind of page, with every address made relative to that page. */
public final class ViewFactory {
    private final SiteConfig config;
    private final SiteData data;
    /** The day of the build in the site's time zone, which every page shows. */
    private final LocalDate buildDate;
    private final Routes routes;
    private final Map<String, UiText> texts;
    /** Per language: the active alerts, which every page shows (looked up once, not once per page). */
    private final Map<String, List<Page>> alerts = new HashMap<>();
    private final String inlineCss;
    private final List<String> downloads;
    /** The site's sub-sections, as breadcrumbs and lists look them up. */
    private final SubSections subSections;

    /**
     * {@code inlineCss}: the stylesheet to put in every page's head; null links {@link Routes#STYLESHEET} instead.
     * {@code downloads}: the site addresses of the files for mirrors, linked from the mirrors page.
     */
    public ViewFactory(Site site, Map<String, UiText> texts, String inlineCss, List<String> downloads) {
        this(site.config(), site.data(), site.buildDate(), new Routes(site.config()), texts, inlineCss, downloads);
        config.languageCodes().forEach(lang -> alerts.put(lang, site.alerts(lang)));
    }

    private ViewFactory(SiteConfig config, SiteData data, LocalDate buildDate, Routes routes, Map<String, UiText> texts,
                        String inlineCss, List<String> downloads) {
        this.config = config;
        this.data = data;
        this.buildDate = buildDate;
        this.routes = routes;
        this.texts = texts;
        this.inlineCss = inlineCss;
        this.downloads = List.copyOf(downloads);
        this.subSections = new SubSections(data.subSections());
    }

    /** The view of the article of {@code context} with its text {@code bodyHtml}, made from the context alone: no site is needed. */
    static Views.ArticleView articleView(ArticleContext context, Map<String, UiText> texts, String inlineCss, String bodyHtml) {
        ViewFactory views = new ViewFactory(context.settings(), context.data(), context.buildDate(), new Routes(context.settings()),
                texts, inlineCss, context.downloads());
        views.alerts.put(context.page().lang(), context.alerts());
        return views.article(context, bodyHtml, JsonLd.of(context));
    }

    public Routes routes() {
        return routes;
    }

    /** The alerts in force in {@code lang}, in reading order: the banners of every page in that language. */
    List<Page> alerts(String lang) {
        return alerts.get(lang);
    }

    public UiText text(String lang) {
        return texts.get(lang);
    }

    /**
     * The shared frame of a page at {@code self} in {@code lang}. {@code translations} gives, per
     * other language, the address of the same page there (absent: that language's home page).
     */
    public Layout layout(String self, String lang, String title, String description, List<Link> crumbs,
                         Map<String, String> translations, boolean quickExit) {
        UiText t = texts.get(lang);
        List<LanguageLink> languages = new ArrayList<>();
        List<Views.Alternate> alternates = new ArrayList<>();
        boolean rtl = t.rtl();
        for (Language language : config.languages()) {
            String code = language.code();
            // A language's name in a page written the other way round is isolated in its own direction.
            String dir = language.rtl() == rtl ? null : language.direction();
            if (code.equals(lang)) {
                languages.add(new LanguageLink(code, language.name(), Urls.relative(self, self), null, true, dir));
                alternates.add(new Views.Alternate(code, Urls.relative(self, self)));
                continue;
            }
            String translated = translations.get(code);
            if (translated != null) alternates.add(new Views.Alternate(code, Urls.relative(self, translated)));
            languages.add(new LanguageLink(code, language.name(),
                    Urls.relative(self, translated != null ? translated : routes.home(code)),
                    translated != null ? null : texts.get(code).get("switch_to_home"), false, dir));
        }
        boolean oneLanguage = config.languages().size() == 1;
        if (oneLanguage) alternates.clear(); // hreflang says which page is in which language: with one, none is needed
        String siteTitle = config.title().get(lang);
        String pageTitle = title.equals(siteTitle) ? siteTitle : title + " · " + siteTitle;
        List<Link> menu = config.menu().stream()
                .flatMap(id -> config.section(id).stream())
                .map(s -> new Link(Urls.relative(self, routes.section(lang, s)), s.title().get(lang)))
                .toList();
        return new Layout(lang, pageTitle, siteTitle, description, Urls.relative(self, routes.home(lang)),
                Urls.relative(self, Routes.STYLESHEET), inlineCss, crumbs, languages, alternates, menu,
                contacts(data.emergency(), lang), contacts(data.crisisLines(), lang),
                alerts(self, lang), t.date(buildDate), Urls.relative(self, routes.index(lang)), quickExit, t,
                config.quickExit(), scriptFree(self) ? null : Urls.relative(self, Routes.SCRIPT), Urls.relative(self, routes.searchIndex(lang)),
                Urls.relative(self, routes.feed(lang)), fullHelp(self, lang),
                self.equals(routes.root()) && oneLanguage ? Urls.relative(self, routes.home(lang)) : null);
    }

    /** Every number on the home page and in the support section (a person in crisis); the compact strip elsewhere. */
    private boolean fullHelp(String self, String lang) {
        if (self.equals(routes.home(lang)) || self.equals(routes.root()) && config.languages().size() == 1) return true;
        return config.sections().stream().anyMatch(s -> s.kind() == PageKind.SUPPORT && self.startsWith(routes.section(lang, s)));
    }

    /**
     * The root (a plain choice of language, unless the site has one language: then it is the home
     * page, with search) needs no script, and the 404 page is served at any depth, where a relative
     * script address would point nowhere.
     */
    private boolean scriptFree(String self) {
        return self.equals(routes.root()) && config.languages().size() > 1 || self.equals(Routes.NOT_FOUND);
    }

    public List<Link> crumbs(String self, String lang, Link... trail) {
        List<Link> crumbs = new ArrayList<>();
        crumbs.add(new Link(Urls.relative(self, routes.home(lang)), texts.get(lang).get("home")));
        crumbs.addAll(List.of(trail));
        return crumbs;
    }

    /**
     * The links from {@code self} to the section and to each sub-section down to the folder
     * {@code folder} (relative to content/, ending with '/'), which is included when it is one.
     */
    public Link[] sectionTrail(String self, String lang, city.beacon.model.Section section, String folder) {
        List<Link> trail = new ArrayList<>();
        trail.add(new Link(Urls.relative(self, routes.section(lang, section)), section.title().get(lang)));
        subSections().trail(folder).forEach(s -> trail.add(new Link(Urls.relative(self, s.url()), s.title())));
        return trail.toArray(Link[]::new);
    }

    /** The site's sub-sections, looked up as breadcrumbs and lists ask for them. */
    public SubSections subSections() {
        return subSections;
    }

    private List<Contact> contacts(List<SiteData.ContactLine> lines, String lang) {
        return lines.stream().map(c -> new Contact(c.number(), c.telHref(), c.label().get(lang),
                c.hours().get(lang), c.free(), c.example())).toList();
    }

    private List<AlertBanner> alerts(String self, String lang) {
        UiText t = texts.get(lang);
        return alerts.get(lang).stream().map(p -> {
            Details.Alert a = (Details.Alert) p.details();
            return new AlertBanner(a.severity(), t.get("severity." + a.severity()), p.title(), p.summary(),
                    Urls.relative(self, p.url()), t.date(LocalDate.ofInstant(a.expires(), zone())));
        }).toList();
    }

    private ZoneId zone() {
        return config.timezone();
    }

    /** A list entry for {@code page} seen from {@code self} in {@code lang}, noting when it is in another language. */
    public Entry entry(String self, String lang, Page page) {
        String note = page.lang().equals(lang) ? null : texts.get(lang).onlyIn(page.lang());
        return new Entry(Urls.relative(self, page.url()), page.title(), page.summary(), page.lang(), note);
    }

    public List<Link> categoryLinks(String self, String lang) {
        return config.categories().stream()
                .map(c -> new Link(Urls.relative(self, routes.category(lang, c)), c.title().get(lang))).toList();
    }

    /** The view of the article of {@code context}, by views made from it; {@code jsonLd}: its schema.org data, or null. */
    private Views.ArticleView article(ArticleContext context, String bodyHtml, String jsonLd) {
        Page page = context.page();
        String self = page.url();
        String lang = page.lang();
        UiText t = texts.get(lang);
        Layout layout = layout(self, lang, page.title(), page.summary(), crumbs(self, lang, sectionTrail(self, lang, page.section(), page.folder())),
                context.translation().map(o -> Map.of(o.lang(), o.url())).orElse(Map.of()), page.kind() == PageKind.SUPPORT);
        Link category = null;
        Views.ServiceFacts service = null;
        Views.SupportFacts support = null;
        Views.AlertFacts alert = null;
        Details details = page.details();
        if (details instanceof Details.Service s) {
            Optional<Category> c = config.category(s.category());
            category = c.map(cat -> new Link(Urls.relative(self, routes.category(lang, cat)), cat.title().get(lang))).orElse(null);
            List<Views.PlaceItem> fromData = s.placeQuery() == null ? List.of() : PlacePages.shortList(routes, self, s.placeQuery(),
                    data.places().in(lang, config.languageCodes(), config.places()), t);
            Link all = fromData.isEmpty() ? null : PlacePages.fullList(routes, self, lang, s.placeQuery(), config.places(), t);
            service = new Views.ServiceFacts(s.documents(), s.steps(), s.cost(), s.processingTime(),
                    places(s.places()), s.online(), fromData, all);
        } else if (details instanceof Details.Support s) {
            support = new Views.SupportFacts(t.get("type." + s.type()), s.phones().stream().map(this::contact).toList(),
                    languageNames(s.languages()), s.audience(), s.online(), places(s.places()));
        } else if (details instanceof Details.Alert a) {
            alert = new Views.AlertFacts(a.severity(), t.get("severity." + a.severity()),
                    t.date(LocalDate.ofInstant(a.expires(), zone())));
        }
        List<Link> tags = page.tags().stream().map(tag -> new Link(Urls.relative(self, routes.tag(lang, tag)), tag)).toList();
        return new Views.ArticleView(layout, page.title(), page.summary(), bodyHtml, t.date(page.updated()),
                t.date(page.reviewed()), category, tags, page.example(), service, support, alert, jsonLd,
                isMirrorsPage(page) ? mirrors(self, lang) : null);
    }

    /** The page that shows the list of mirrors: a page named mirrors.md in a section of plain pages. */
    private static boolean isMirrorsPage(Page page) {
        return page.kind() == PageKind.PAGE && page.source().relative().endsWith("/" + MIRRORS_PAGE);
    }

    public static final String MIRRORS_PAGE = "mirrors.md";

    private Views.MirrorsView mirrors(String self, String lang) {
        List<Views.MirrorEntry> mirrors = data.mirrors().stream().map(m -> new Views.MirrorEntry(m.name(), m.url(),
                m.rsync(), m.location() == null ? null : m.location().get(lang), m.example())).toList();
        List<Link> files = downloads.stream().map(f -> new Link(Urls.relative(self, f), f)).toList();
        return new Views.MirrorsView(mirrors, files);
    }

    /** "uk, en" as residents read it: each portal language by its own name; any other language as written. */
    private String languageNames(List<String> languages) {
        return String.join(", ", languages.stream().map(code -> config.languages().stream()
                .filter(l -> l.code().equals(code)).map(Language::name).findFirst().orElse(code)).toList());
    }

    private Contact contact(Phone p) {
        return new Contact(p.number(), p.telHref(), p.label(), p.hours(), p.free(), p.example());
    }

    private List<Views.Place> places(List<city.beacon.model.Place> places) {
        return places.stream().map(p -> new Views.Place(p.name(), p.address(), p.hours(),
                p.phone() == null ? null : new Contact(p.phone(), city.beacon.model.PhoneNumbers.telHref(p.phone()), "", null, false, p.example()),
                p.example())).toList();
    }

    public List<LanguageChoice> languageChoices(String self, String titleKey, String descriptionKey) {
        boolean rtl = config.language(config.defaultLanguage()).rtl(); // the root page is in the default language
        return config.languages().stream().map(l -> new LanguageChoice(l.code(), l.name(),
                titleKey == null ? config.title().get(l.code()) : texts.get(l.code()).get(titleKey),
                descriptionKey == null ? config.description().get(l.code()) : texts.get(l.code()).get(descriptionKey),
                Urls.relative(self, routes.home(l.code())), l.rtl() == rtl ? null : l.direction())).toList();
    }
}
