package city.beacon.render;

import city.beacon.model.Category;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.SubSection;
import city.beacon.model.SubSections;
import city.beacon.model.Urls;
import city.beacon.render.SiteRenderer.Generated;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.LetterLink;
import city.beacon.render.Views.Link;
import city.beacon.render.Views.PageNumber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The generated lists of one language (sections, categories, topics, A–Z), each cut into pages of
 * {@code paginate} entries like Hugo and Zola do: {@code uk/poslugy/}, {@code uk/poslugy/storinka/2/}...
 * A list that fits on one page looks as it always did. The A–Z index, when longer than one page,
 * is split by first letter ({@code uk/a-ya/b/}) under a letter bar. The language switcher of page
 * k leads to page k of the same list in the other language when it has one, else to its page 1.
 * The pages of every list are worked out once per site.
 */
final class Listings {
    /** Page numbers shown either side of the current one in the pager; the first and last are always shown. */
    private static final int NEAR = 2;

    /** One list in one language: where it starts, its heading, its pages in order; for a section or sub-section, its folder. */
    private record Listing(String lang, String url, String title, List<Page> pages, Section section, String folder) {
        Listing(String lang, String url, String title, List<Page> pages) {
            this(lang, url, title, pages, null, null);
        }
    }

    /** Entries {@code from} to {@code to} of a list. */
    record Slice(List<Page> list, int from, int to) {
        List<Page> pages() {
            return list.subList(from, to);
        }
    }

    /**
     * All one page of a list is made from, besides what every page shares (the site's settings,
     * data, alerts, build time, texts): what {@link #describe} writes as the text of its key.
     * {@code list}: where the list starts; {@code shown}: its entries on this page; {@code
     * translations}: the same page of the list in each other language; {@code categories}: whether
     * it links the categories.
     */
    record ListPage(String lang, String list, String title, Slice shown, int number, int count, String self,
                    Map<String, String> translations, boolean categories, boolean quickExit, List<Alphabet.Letter> letters,
                    Nesting nesting) {
        ListPage(String lang, String list, String title, Slice shown, int number, int count, String self,
                 Map<String, String> translations, boolean categories, boolean quickExit, List<Alphabet.Letter> letters) {
            this(lang, list, title, shown, number, count, self, translations, categories, quickExit, letters, Nesting.NONE);
        }
    }

    /**
     * What a list of a section or sub-section shows of the sub-sections: the links above it (the
     * breadcrumbs after the home page), the sub-sections in it and its introduction as HTML (both on
     * its first page only, before the pages).
     */
    record Nesting(List<Link> trail, List<Views.Entry> children, String intro) {
        static final Nesting NONE = new Nesting(List.of(), List.of(), "");
    }

    /**
     * A language's A–Z index: its pages and those only in another language, in index order; by
     * first letter when split, and the letters in the order of their first pages.
     */
    private record Index(List<Page> pages, Map<Alphabet.Letter, List<Page>> byLetter, List<Alphabet.Letter> letters) {
        Index(List<Page> pages, Map<Alphabet.Letter, List<Page>> byLetter) {
            this(pages, byLetter, List.copyOf(byLetter.keySet()));
        }
    }

    private final Site site;
    private final Templates templates;
    private final ViewFactory views;
    private final Routes routes;
    private final int perPage;
    private final Alphabets alphabets;
    /** By language, then section id: the section's pages, then those of the section only in another language ({@link #sectionOrder}). */
    private final Map<String, Map<String, List<Page>>> sections = new HashMap<>();
    /** By language, then category id: the service guides, in reading order. */
    private final Map<String, Map<String, List<Page>>> categories = new HashMap<>();
    /** By language, then topic, topics in alphabetical order: the pages, in reading order. */
    private final Map<String, Map<String, List<Page>>> tags = new HashMap<>();
    /**
     * Made when first asked for: sorting by title needs a collator, which takes a fresh process
     * longer to make than a build of one edited article takes to render it.
     */
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();
    private final SubSections subSections;
    private final Introductions introductions;
    /** By language, then the address of a section's or sub-section's list: the pages listed there ({@link #listed}). */
    private final Map<String, Map<String, List<Page>>> lists = new HashMap<>();

    Listings(Site site, Templates templates, ViewFactory views, Alphabets alphabets) {
        this.site = site;
        this.templates = templates;
        this.views = views;
        this.routes = views.routes();
        this.perPage = site.config().paging().perPage();
        this.alphabets = alphabets;
        this.subSections = views.subSections();
        this.introductions = new Introductions(site);
        for (String lang : site.config().languageCodes()) {
            sections.put(lang, sections(lang));
            lists.put(lang, listed(lang));
            categories.put(lang, grouped(site.pages(lang), Listings::categoryOf, new HashMap<>()));
            tags.put(lang, grouped(site.pages(lang), Listings::tagsOf, new TreeMap<>()));
        }
    }

    /** The pages of {@code section} for readers of {@code lang}: its own, then those not translated into it. */
    List<Page> sectionPages(String lang, Section section) {
        return sections.get(lang).get(section.id());
    }

    private Map<String, List<Page>> sections(String lang) {
        Map<String, List<Page>> own = grouped(site.pages(lang), page -> List.of(page.section().id()), new HashMap<>());
        Map<String, List<Page>> bySection = new HashMap<>();
        for (Section section : site.config().sections()) {
            List<Page> pages = new ArrayList<>(own.getOrDefault(section.id(), List.of()));
            site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).forEach(pages::add);
            bySection.put(section.id(), pages);
        }
        return bySection;
    }

    /**
     * The pages of each section's and sub-section's list for readers of {@code lang}, by the list's
     * address: a page is listed in the list of its own folder; a page only in another language in the
     * list of its folder's translation (or of the nearest folder above that has one, or its section's).
     */
    private Map<String, List<Page>> listed(String lang) {
        Map<String, List<Page>> byList = new HashMap<>();
        for (Page page : site.pages(lang)) {
            String list = subSections.at(page.folder()).map(SubSection::url).orElse(routes.section(lang, page.section()));
            byList.computeIfAbsent(list, k -> new ArrayList<>()).add(page);
        }
        for (Section section : site.config().sections()) {
            for (Page page : site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).toList()) {
                byList.computeIfAbsent(subSections.listIn(page.folder(), lang, section, routes), k -> new ArrayList<>()).add(page);
            }
        }
        return byList;
    }

    /** The category a service guide is listed under (none for other pages). */
    private static List<String> categoryOf(Page page) {
        return page.details() instanceof Details.Service service ? List.of(service.category()) : List.of();
    }

    /** The topics a page is listed under; a topic written twice lists it once. */
    private static List<String> tagsOf(Page page) {
        return page.tags().stream().distinct().toList();
    }

    /** {@code pages} (in reading order) by the keys {@code keys} gives each, put {@code into} a map. */
    private static Map<String, List<Page>> grouped(List<Page> pages, Function<Page, List<String>> keys, Map<String, List<Page>> into) {
        for (Page page : pages) {
            for (String key : keys.apply(page)) into.computeIfAbsent(key, k -> new ArrayList<>()).add(page);
        }
        return into;
    }

    private Alphabet alphabet(String lang) {
        return alphabets.of(site.config().language(lang));
    }

    /** The A–Z order: by title as {@code alphabet} sorts it, then in reading order. */
    private static Comparator<Page> indexOrder(Alphabet alphabet) {
        return Comparator.comparing((Page page) -> alphabet.key(page.title())).thenComparing(SiteModel.READING_ORDER);
    }

    /** Every page of the language, and those only in another, by title; by first letter when longer than a page. */
    private Index index(String lang) {
        Alphabet alphabet = alphabet(lang);
        List<Page> all = new ArrayList<>(site.pages(lang));
        for (Section section : site.config().sections()) all.addAll(site.onlyInOtherLanguages(lang, section));
        all.sort(indexOrder(alphabet));
        if (all.size() <= perPage) return new Index(all, Map.of());
        Map<Alphabet.Letter, List<Page>> byLetter = new LinkedHashMap<>();
        all.forEach(p -> byLetter.computeIfAbsent(alphabet.letterOf(p.title()), l -> new ArrayList<>()).add(p));
        return new Index(all, byLetter);
    }

    void addTo(List<Generated> out, String lang) {
        for (Section section : site.config().sections()) {
            Function<String, Listing> in = l -> sectionListing(l, section);
            addPaged(out, in.apply(lang), translated(lang, in), section.kind() == PageKind.SERVICE, section.kind() == PageKind.SUPPORT, List.of());
        }
        for (SubSection s : site.data().subSections()) {
            if (!s.lang().equals(lang)) continue;
            Listing listing = new Listing(lang, s.url(), s.title(), listedAt(lang, s.url()), s.section(), s.folder());
            // The same sub-section in each other language, else the list above it that has a translation.
            Map<String, Listing> others = translated(lang, l -> subSections.translation(s, l)
                    .map(o -> new Listing(l, o.url(), o.title(), listedAt(l, o.url())))
                    .orElseGet(() -> {
                        String url = subSections.listIn(s.parentFolder(), l, s.section(), routes);
                        return new Listing(l, url, "", listedAt(l, url));
                    }));
            addPaged(out, listing, others, false, s.section().kind() == PageKind.SUPPORT, List.of());
        }
        for (Category category : site.config().categories()) {
            Function<String, Listing> in = l -> new Listing(l, routes.category(l, category), category.title().get(l),
                    categories.get(l).getOrDefault(category.id(), List.of()));
            addPaged(out, in.apply(lang), translated(lang, in), false, false, List.of());
        }
        tags.get(lang).forEach((tag, pages) -> {
            Listing listing = new Listing(lang, routes.tag(lang, tag), views.text(lang).get("topic") + ": " + tag, pages);
            // Topics are words of one language: the other language's home page stands for this one.
            addPaged(out, listing, translated(lang, l -> new Listing(l, routes.home(l), "", List.of())), false, false, List.of());
        });
        addIndex(out, lang);
    }

    /** The list of {@code section} in {@code lang}: its own pages (those of its sub-folders are on their sub-sections' lists). */
    private Listing sectionListing(String lang, Section section) {
        String url = routes.section(lang, section);
        return new Listing(lang, url, section.title().get(lang), listedAt(lang, url), section, lang + "/" + section.folder().get(lang) + "/");
    }

    private List<Page> listedAt(String lang, String url) {
        return lists.get(lang).getOrDefault(url, List.of());
    }

    /** What the list page at {@code self} of {@code listing} (page {@code number}) shows of the sub-sections. */
    private Nesting nesting(Listing listing, String self, int number) {
        if (listing.folder() == null) return Nesting.NONE;
        Optional<SubSection> own = subSections.at(listing.folder());
        List<Link> trail = own.isEmpty() ? List.of()
                : List.of(views.sectionTrail(self, listing.lang(), listing.section(), own.get().parentFolder()));
        List<Views.Entry> children = number > 1 ? List.of() : subSections.in(listing.folder()).stream()
                .map(s -> new Views.Entry(Urls.relative(self, s.url()), s.title(), s.summary(), s.lang(), null)).toList();
        // The introduction's relative links are written from the list's first page, as its sub-sections are.
        return new Nesting(trail, children, number > 1 ? "" : own.map(introductions::html).orElse(""));
    }

    private void addIndex(List<Generated> out, String lang) {
        Index index = indexes.computeIfAbsent(lang, this::index);
        String title = views.text(lang).get("all_pages");
        Map<String, Listing> others = translated(lang, l -> new Listing(l, routes.index(l), "", List.of()));
        if (index.byLetter().isEmpty()) {
            addPaged(out, new Listing(lang, routes.index(lang), title, index.pages()), others, false, false, List.of());
            return;
        }
        List<Alphabet.Letter> letters = index.letters();
        String root = routes.index(lang);
        add(out, new ListPage(lang, root, title, new Slice(List.of(), 0, 0), 1, 1, root, translations(others, 1), false, false, letters));
        index.byLetter().forEach((letter, pages) -> addPaged(out,
                new Listing(lang, routes.letter(lang, letter.key()), title + ": " + letter.label(), pages), others,
                false, false, letters));
    }
    /** The other languages' versions of a list, made by {@code in}, by language. */
    private Map<String, Listing> translated(String lang, Function<String, Listing> in) {
        Map<String, Listing> others = new TreeMap<>();
        for (String other : site.config().languageCodes()) {
            if (!other.equals(lang)) others.put(other, in.apply(other));
        }
        return others;
    }

    private void addPaged(List<Generated> out, Listing listing, Map<String, Listing> others, boolean categories,
                          boolean quickExit, List<Alphabet.Letter> letters) {
        int count = pageCount(listing.pages().size());
        for (int number = 1; number <= count; number++) {
            Slice shown = new Slice(listing.pages(), (number - 1) * perPage, Math.min(number * perPage, listing.pages().size()));
            String self = routes.page(listing.lang(), listing.url(), number);
            add(out, new ListPage(listing.lang(), listing.url(), listing.title(), shown, number, count,
                    self, translations(others, number), categories, quickExit, letters, nesting(listing, self, number)));
        }
    }

    /**
     * What a page of a list shows besides what every page shares, as text for a key: the list,
     * its place in it, and each entry as {@code facts} gives it (a page's facts key: what an entry
     * shows of it). Empty for a generated page that is not a page of a list.
     */
    static java.util.Optional<String> describe(Object inputs, Function<Page, String> facts) {
        if (!(inputs instanceof ListPage page)) return java.util.Optional.empty();
        StringBuilder text = new StringBuilder(256).append(page.lang()).append('\n').append(page.list()).append('\n').append(page.title())
                .append('\n').append(page.number()).append('/').append(page.count()).append(' ').append(page.self())
                .append('\n').append(page.translations()).append(' ').append(page.categories()).append(' ').append(page.quickExit());
        page.letters().forEach(letter -> text.append('\n').append(letter.key()).append(' ').append(letter.label()));
        text.append('\n').append(page.nesting()); // the sub-sections' titles, summaries and addresses, the introduction
        text.append("\nentries");
        for (Page entry : page.shown().pages()) text.append('\n').append(entry.source().relative()).append(' ').append(facts.apply(entry));
        return java.util.Optional.of(text.toString());
    }

    private void add(List<Generated> out, ListPage page) {
        out.add(new Generated(page.self(), page, () -> render(page)));
    }

    /** Page {@code number} of each other language's version of a list, or its page 1 when it is shorter. */
    private Map<String, String> translations(Map<String, Listing> others, int number) {
        Map<String, String> translations = new TreeMap<>();
        others.forEach((other, l) -> translations.put(other, routes.page(other, l.url(), number <= pageCount(l.pages().size()) ? number : 1)));
        return translations;
    }

    private int pageCount(int entries) {
        return Math.max(1, (entries + perPage - 1) / perPage);
    }

    private SiteRenderer.View render(ListPage page) {
        String lang = page.lang();
        String self = page.self();
        UiText t = views.text(lang);
        String of = t.get("page_of").replace("{n}", t.number(page.number())).replace("{total}", t.number(page.count()));
        String pageTitle = page.number() == 1 ? page.title() : page.title() + " · " + of;
        Layout layout = views.layout(self, lang, pageTitle, "", views.crumbs(self, lang, page.nesting().trail().toArray(Link[]::new)),
                page.translations(), page.quickExit());
        // The search box without JavaScript (or without its index) comes here: say that this is every page.
        String intro = page.list().startsWith(routes.index(lang)) ? t.get("all_pages_note") : "";
        List<Views.Entry> entries = new ArrayList<>(page.nesting().children());
        page.shown().pages().forEach(p -> entries.add(views.entry(self, lang, p)));
        return SiteRenderer.View.of(templates, "list.jte", new Views.ListView(layout, page.title(), intro, entries,
                page.categories() ? views.categoryLinks(self, lang) : List.of(),
                page.letters().isEmpty() ? List.of() : letterBar(self, lang, page.letters(), page.list()),
                page.count() == 1 ? null : pager(page, of), page.nesting().intro()));
    }

    private Views.Pager pager(ListPage page, String label) {
        return pager(views, routes, page.lang(), page.self(), page.list(), page.number(), page.count(), label);
    }

    /**
     * The page numbers of the list at {@code list} seen from its page {@code number} of {@code count}
     * ({@code self}): the first, the last and those near, with "…" between; previous and next.
     * Every paginated list's (the sections', the A–Z, the places').
     */
    static Views.Pager pager(ViewFactory views, Routes routes, String lang, String self, String list, int number, int count, String label) {
        Function<Integer, String> href = n -> Urls.relative(self, routes.page(lang, list, n));
        UiText t = views.text(lang);
        List<PageNumber> numbers = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - number) <= NEAR) {
                numbers.add(new PageNumber(href.apply(n), String.valueOf(n), n == number));
            } else if (numbers.get(numbers.size() - 1).href() != null) {
                numbers.add(new PageNumber(null, "…", false));
            }
        }
        return new Views.Pager(label, number > 1 ? new Link(href.apply(number - 1), t.get("previous_page")) : null,
                number < count ? new Link(href.apply(number + 1), t.get("next_page")) : null, numbers);
    }

    private List<LetterLink> letterBar(String self, String lang, List<Alphabet.Letter> letters, String current) {
        return letters.stream().map(l -> {
            String url = routes.letter(lang, l.key());
            return new LetterLink(Urls.relative(self, url), l.label(), url.equals(current));
        }).toList();
    }
}
