package city.beacon.render;

import city.beacon.model.Category;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.render.SiteRenderer.Generated;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.LetterLink;
import city.beacon.render.Views.Link;
import city.beacon.render.Views.PageNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The generated lists of one language (sections, categories, topics, A–Z), each cut into pages of
 * {@code paginate} entries like Hugo and Zola do: {@code uk/poslugy/}, {@code uk/poslugy/storinka/2/}...
 * A list that fits on one page looks as it always did. The A–Z index, when longer than one page,
 * is split by first letter ({@code uk/a-ya/b/}) under a letter bar. The language switcher of page
 * k leads to page k of the same list in the other language when it has one, else to its page 1.
 */
final class Listings {
    /** Page numbers shown either side of the current one in the pager; the first and last are always shown. */
    private static final int NEAR = 2;

    /** One list in one language: where it starts, its heading, its pages in order. */
    private record Listing(String lang, String url, String title, List<Page> pages) {
    }

    /**
     * All one page of a list is made from, besides what every page shares (the site's settings,
     * data, alerts, build time, texts): equal pages of lists have equal views, so the live preview
     * compares these and makes the views of the lists that changed only. {@code list}: where the
     * list starts; {@code shown}: its entries on this page; {@code translations}: the same page of
     * the list in each other language; {@code categories}: whether it links the categories.
     */
    record ListPage(String lang, String list, String title, List<Page> shown, int number, int count, String self,
                    Map<String, String> translations, boolean categories, boolean quickExit, List<Alphabet.Letter> letters) {
    }

    private final Site site;
    private final Templates templates;
    private final ViewFactory views;
    private final Routes routes;
    private final int perPage;

    private final Alphabets alphabets;

    Listings(Site site, Templates templates, ViewFactory views, Alphabets alphabets) {
        this.site = site;
        this.templates = templates;
        this.views = views;
        this.routes = views.routes();
        this.perPage = site.config().paging().perPage();
        this.alphabets = alphabets;
    }

    void addTo(List<Generated> out, String lang) {
        for (Section section : site.config().sections()) {
            Function<String, Listing> in = l -> new Listing(l, routes.section(l, section), section.title().get(l), views.sectionPages(l, section));
            addPaged(out, in.apply(lang), translated(lang, in), section.kind() == PageKind.SERVICE, section.kind() == PageKind.SUPPORT, List.of());
        }
        Map<String, Map<String, List<Page>>> byCategory = new TreeMap<>();
        for (String l : site.config().languageCodes()) byCategory.put(l, byCategory(l));
        for (Category category : site.config().categories()) {
            Function<String, Listing> in = l -> new Listing(l, routes.category(l, category), category.title().get(l),
                    byCategory.get(l).getOrDefault(category.id(), List.of()));
            addPaged(out, in.apply(lang), translated(lang, in), false, false, List.of());
        }
        byTag(lang).forEach((tag, pages) -> {
            Listing listing = new Listing(lang, routes.tag(lang, tag), views.text(lang).get("topic") + ": " + tag, pages);
            // Topics are words of one language: the other language's home page stands for this one.
            addPaged(out, listing, translated(lang, l -> new Listing(l, routes.home(l), "", List.of())), false, false, List.of());
        });
        addIndex(out, lang);
    }

    /** The service guides of {@code lang} by category, in reading order: one pass, however many categories. */
    private Map<String, List<Page>> byCategory(String lang) {
        Map<String, List<Page>> pages = new java.util.HashMap<>();
        for (Page p : site.pages(lang)) {
            if (p.details() instanceof Details.Service s) pages.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(p);
        }
        return pages;
    }

    /** The pages of {@code lang} by topic, topics in alphabetical order. */
    private Map<String, List<Page>> byTag(String lang) {
        Map<String, List<Page>> pages = new TreeMap<>();
        for (Page p : site.pages(lang)) {
            for (String tag : new TreeSet<>(p.tags())) pages.computeIfAbsent(tag, t -> new ArrayList<>()).add(p);
        }
        return pages;
    }

    /** Every page of the language, and those only in another, by title; split by first letter when long. */
    private void addIndex(List<Generated> out, String lang) {
        Alphabet alphabet = alphabets.of(site.config().language(lang).name());
        List<Page> all = new ArrayList<>(site.pages(lang));
        for (Section section : site.config().sections()) all.addAll(site.onlyInOtherLanguages(lang, section));
        Map<Page, Alphabet.Key> keys = new java.util.IdentityHashMap<>();
        all.forEach(p -> keys.put(p, alphabet.key(p.title())));
        all.sort(java.util.Comparator.comparing((Page p) -> keys.get(p)).thenComparing(SiteModel.READING_ORDER));
        String title = views.text(lang).get("all_pages");
        Map<String, Listing> others = translated(lang, l -> new Listing(l, routes.index(l), "", List.of()));
        if (all.size() <= perPage) {
            addPaged(out, new Listing(lang, routes.index(lang), title, all), others, false, false, List.of());
            return;
        }
        Map<Alphabet.Letter, List<Page>> byLetter = new LinkedHashMap<>();
        all.forEach(p -> byLetter.computeIfAbsent(alphabet.letterOf(p.title()), l -> new ArrayList<>()).add(p));
        List<Alphabet.Letter> letters = List.copyOf(byLetter.keySet());
        String root = routes.index(lang);
        add(out, new ListPage(lang, root, title, List.of(), 1, 1, root, translations(others, 1), false, false, letters));
        byLetter.forEach((letter, pages) -> addPaged(out,
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
            List<Page> shown = listing.pages().subList((number - 1) * perPage, Math.min(number * perPage, listing.pages().size()));
            add(out, new ListPage(listing.lang(), listing.url(), listing.title(), shown, number, count,
                    routes.page(listing.lang(), listing.url(), number), translations(others, number), categories, quickExit, letters));
        }
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
        String of = t.get("page_of").replace("{n}", String.valueOf(page.number())).replace("{total}", String.valueOf(page.count()));
        String pageTitle = page.number() == 1 ? page.title() : page.title() + " · " + of;
        Layout layout = views.layout(self, lang, pageTitle, "", views.crumbs(self, lang), page.translations(), page.quickExit());
        return SiteRenderer.View.of(templates, "list.jte", new Views.ListView(layout, page.title(), "",
                page.shown().stream().map(p -> views.entry(self, lang, p)).toList(),
                page.categories() ? views.categoryLinks(self, lang) : List.of(),
                page.letters().isEmpty() ? List.of() : letterBar(self, lang, page.letters(), page.list()),
                page.count() == 1 ? null : pager(page, of)));
    }

    private Views.Pager pager(ListPage page, String label) {
        int number = page.number();
        int count = page.count();
        Function<Integer, String> href = n -> Urls.relative(page.self(), routes.page(page.lang(), page.list(), n));
        UiText t = views.text(page.lang());
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
