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

    private final Site site;
    private final Templates templates;
    private final ViewFactory views;
    private final Routes routes;
    private final int perPage;

    Listings(Site site, Templates templates, ViewFactory views) {
        this.site = site;
        this.templates = templates;
        this.views = views;
        this.routes = views.routes();
        this.perPage = site.config().paging().perPage();
    }

    void addTo(List<Generated> out, String lang) {
        for (Section section : site.config().sections()) {
            Function<String, Listing> in = l -> new Listing(l, routes.section(l, section), section.title().get(l), views.sectionPages(l, section));
            addPaged(out, in.apply(lang), translated(lang, in), self -> section.kind() == PageKind.SERVICE ? views.categoryLinks(self, lang) : List.of(),
                    section.kind() == PageKind.SUPPORT, List.of());
        }
        Map<String, Map<String, List<Page>>> byCategory = new TreeMap<>();
        for (String l : site.config().languageCodes()) byCategory.put(l, byCategory(l));
        for (Category category : site.config().categories()) {
            Function<String, Listing> in = l -> new Listing(l, routes.category(l, category), category.title().get(l),
                    byCategory.get(l).getOrDefault(category.id(), List.of()));
            addPaged(out, in.apply(lang), translated(lang, in), self -> List.of(), false, List.of());
        }
        byTag(lang).forEach((tag, pages) -> {
            Listing listing = new Listing(lang, routes.tag(lang, tag), views.text(lang).get("topic") + ": " + tag, pages);
            // Topics are words of one language: the other language's home page stands for this one.
            addPaged(out, listing, translated(lang, l -> new Listing(l, routes.home(l), "", List.of())), self -> List.of(), false, List.of());
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
        Alphabet alphabet = new Alphabet(site.config().language(lang).name());
        List<Page> all = new ArrayList<>(site.pages(lang));
        for (Section section : site.config().sections()) all.addAll(site.onlyInOtherLanguages(lang, section));
        Map<Page, Alphabet.Key> keys = new java.util.IdentityHashMap<>();
        all.forEach(p -> keys.put(p, alphabet.key(p.title())));
        all.sort(java.util.Comparator.comparing((Page p) -> keys.get(p)).thenComparing(SiteModel.READING_ORDER));
        String title = views.text(lang).get("all_pages");
        Map<String, Listing> others = translated(lang, l -> new Listing(l, routes.index(l), "", List.of()));
        if (all.size() <= perPage) {
            addPaged(out, new Listing(lang, routes.index(lang), title, all), others, self -> List.of(), false, List.of());
            return;
        }
        Map<Alphabet.Letter, List<Page>> byLetter = new LinkedHashMap<>();
        all.forEach(p -> byLetter.computeIfAbsent(alphabet.letterOf(p.title()), l -> new ArrayList<>()).add(p));
        List<Alphabet.Letter> letters = List.copyOf(byLetter.keySet());
        String root = routes.index(lang);
        out.add(new Generated(root, () -> render(new Listing(lang, root, title, List.of()), 1, 1, root, translations(others, 1), List.of(), false,
                letterBar(root, lang, letters, null))));
        byLetter.forEach((letter, pages) -> addPaged(out,
                new Listing(lang, routes.letter(lang, letter.key()), title + ": " + letter.label(), pages), others,
                self -> List.of(), false, letters));
    }

    /** The other languages' versions of a list, made by {@code in}, by language. */
    private Map<String, Listing> translated(String lang, Function<String, Listing> in) {
        Map<String, Listing> others = new TreeMap<>();
        for (String other : site.config().languageCodes()) {
            if (!other.equals(lang)) others.put(other, in.apply(other));
        }
        return others;
    }

    private void addPaged(List<Generated> out, Listing listing, Map<String, Listing> others, Function<String, List<Link>> related,
                          boolean quickExit, List<Alphabet.Letter> letters) {
        int count = pageCount(listing.pages().size());
        for (int n = 1; n <= count; n++) {
            int number = n;
            String self = routes.page(listing.lang(), listing.url(), number);
            Map<String, String> translations = translations(others, number);
            out.add(new Generated(self, () -> render(listing, number, count, self, translations, related.apply(self), quickExit,
                    letters.isEmpty() ? List.of() : letterBar(self, listing.lang(), letters, listing.url()))));
        }
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

    private SiteRenderer.View render(Listing listing, int number, int count, String self, Map<String, String> translations,
                          List<Link> related, boolean quickExit, List<LetterLink> letters) {
        String lang = listing.lang();
        UiText t = views.text(lang);
        String of = t.get("page_of").replace("{n}", String.valueOf(number)).replace("{total}", String.valueOf(count));
        String pageTitle = number == 1 ? listing.title() : listing.title() + " · " + of;
        List<Page> shown = listing.pages().subList((number - 1) * perPage, Math.min(number * perPage, listing.pages().size()));
        Layout layout = views.layout(self, lang, pageTitle, "", views.crumbs(self, lang), translations, quickExit);
        return SiteRenderer.View.of(templates, "list.jte", new Views.ListView(layout, listing.title(), "",
                shown.stream().map(p -> views.entry(self, lang, p)).toList(), related, letters,
                count == 1 ? null : pager(listing, number, count, self, of)));
    }

    private Views.Pager pager(Listing listing, int number, int count, String self, String label) {
        Function<Integer, String> href = n -> Urls.relative(self, routes.page(listing.lang(), listing.url(), n));
        UiText t = views.text(listing.lang());
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
