package city.beacon.render;

import city.beacon.hashing.CanonicalHash;
import city.beacon.model.GreatCircle;
import city.beacon.model.LocalPlace;
import city.beacon.model.Page;
import city.beacon.model.PlaceSettings;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.model.Urls;
import city.beacon.render.SiteRenderer.Generated;
import city.beacon.render.Views.CountLink;
import city.beacon.render.Views.Layout;
import city.beacon.render.Views.Link;
import city.beacon.render.Views.Phrase;
import city.beacon.render.Views.PlaceItem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The places' pages of one language, none of which needs a script: the places' home (the types and
 * the districts, with counts), a list per type, per district and per type in a district (sorted by
 * name as the A–Z index sorts titles, {@link #PER_PAGE} a page at most, each page with the map of its
 * places), and a page per place. Addresses: {@link Routes#places} and the routes after it. A closed
 * place is listed, marked closed.
 */
final class PlacePages {
    /** Places on a page of a list at most (fewer when site.yaml's {@code paginate} is lower): an entry and its point weigh more than a page's title. */
    static final int PER_PAGE = 30;
    /** How many other places of its type a place's page lists, nearest first. */
    static final int NEARBY = 5;

    private final Site site;
    private final Templates templates;
    private final ViewFactory views;
    private final Routes routes;
    private final Alphabets alphabets;
    private final int perPage;
    /** By place id: the ids of the nearest other places of its type and their distances (the same in every language). */
    private Map<String, List<Neighbour>> nearby;

    private record Neighbour(String id, double km) {
    }

    /**
     * What a places' page shows besides what every page shares (site.yaml, the data, the texts, the
     * build's day, which are all in the build's site-wide inputs): its address, the places it shows
     * ({@code shown}: the place and its neighbours, a list's places, the counts of the home), and the
     * title and address of the page that explains its type (the only thing it shows of a page an
     * editor wrote). Equal keys, equal pages: an edit of another page, or a status flipped of a place
     * it does not show, keeps it. The places are not in the site-wide inputs of the pages that do not
     * show them.
     */
    record Key(String text) {
    }

    private Key key(String url, String lang, String type, String shown) {
        StringBuilder text = new StringBuilder("places\n").append(url).append('\n').append(shown);
        if (type != null) {
            Link explainer = explainer(url, lang, type);
            if (explainer != null) text.append('\n').append(explainer.href()).append(' ').append(explainer.text());
        }
        return new Key(text.toString());
    }

    /** A list of places in one language: where it starts, its title, its places (sorted), and the same list's address in another language. */
    private record PlaceList(String lang, String url, String title, List<LocalPlace> places, Function<String, String> in,
                             String type, List<Link> related) {
    }

    PlacePages(Site site, Templates templates, ViewFactory views, Alphabets alphabets) {
        this.site = site;
        this.templates = templates;
        this.views = views;
        this.routes = views.routes();
        this.alphabets = alphabets;
        this.perPage = Math.min(PER_PAGE, site.config().paging().perPage());
    }

    void addTo(List<Generated> out, String lang) {
        if (site.data().places().isEmpty()) return;
        PlaceSettings settings = site.config().places();
        Alphabet alphabet = alphabets.of(site.config().language(lang));
        List<LocalPlace> places = new ArrayList<>(site.places(lang));
        if (nearby == null) nearby = nearest(places);
        places.sort(Comparator.comparing((LocalPlace p) -> alphabet.key(p.name().text())).thenComparing(LocalPlace::id));
        Map<String, LocalPlace> byId = new HashMap<>();
        places.forEach(p -> byId.put(p.id(), p));
        Map<String, String> hashes = new HashMap<>(); // each place's, made once: a list's pages and its places' neighbours name it again
        places.forEach(p -> hashes.put(p.id(), CanonicalHash.hash(p)));
        // A hash of the places a page shows, from each place's own.
        Function<List<LocalPlace>, String> shownKey = shown -> CanonicalHash.hash(shown.stream().map(p -> hashes.get(p.id())).toList());
        Map<String, List<LocalPlace>> byType = new LinkedHashMap<>();
        Map<String, List<LocalPlace>> byDistrict = new LinkedHashMap<>();
        Map<String, List<LocalPlace>> byDistrictType = new LinkedHashMap<>();
        for (LocalPlace p : places) {
            byType.computeIfAbsent(p.type().id(), k -> new ArrayList<>()).add(p);
            byDistrict.computeIfAbsent(p.district().id(), k -> new ArrayList<>()).add(p);
            byDistrictType.computeIfAbsent(p.district().id() + "/" + p.type().id(), k -> new ArrayList<>()).add(p);
        }
        List<String> counts = new ArrayList<>();
        byType.forEach((type, some) -> counts.add("type " + type + " " + some.size()));
        byDistrict.forEach((district, some) -> counts.add("district " + district + " " + some.size()));
        out.add(new Generated(routes.places(lang), key(routes.places(lang), lang, null, String.join("\n", counts)), () -> home(lang, byType, byDistrict)));
        for (PlaceSettings.Type type : settings.types()) {
            List<LocalPlace> shown = byType.getOrDefault(type.id(), List.of());
            String id = type.id();
            List<Link> related = new ArrayList<>();
            addList(out, shownKey, new PlaceList(lang, routes.placeType(lang, id), type.title().get(lang), shown,
                    l -> routes.placeType(l, id), id, related));
        }
        for (PlaceSettings.District district : settings.districts()) {
            String id = district.id();
            List<LocalPlace> shown = byDistrict.getOrDefault(id, List.of());
            addList(out, shownKey, new PlaceList(lang, routes.placeDistrict(lang, id), views.text(lang).get("places_district")
                    .replace("{district}", district.name().get(lang)), shown, l -> routes.placeDistrict(l, id), null, List.of()));
            for (PlaceSettings.Type type : settings.types()) {
                List<LocalPlace> inType = byDistrictType.get(id + "/" + type.id());
                if (inType == null) continue;
                String title = type.title().get(lang) + ": " + district.name().get(lang);
                String leaflet = routes.placeLeaflet(lang, id, type.id());
                addList(out, shownKey, new PlaceList(lang, routes.placeDistrictType(lang, id, type.id()), title, inType,
                        l -> routes.placeDistrictType(l, id, type.id()), type.id(), List.of(new Link(leaflet, views.text(lang).get("leaflet_link")))));
                out.add(new Generated(leaflet, key(leaflet, lang, null, shownKey.apply(inType)), () -> leaflet(lang, title, routes.placeDistrictType(lang, id, type.id()), leaflet, inType,
                        l -> routes.placeLeaflet(l, id, type.id()))));
            }
        }
        for (LocalPlace p : places) {
            String url = routes.place(lang, p.type().id(), p.id());
            List<LocalPlace> shown = new ArrayList<>(List.of(p));
            nearby.getOrDefault(p.id(), List.of()).stream().filter(n -> byId.containsKey(n.id())).forEach(n -> shown.add(byId.get(n.id())));
            out.add(new Generated(url, key(url, lang, p.type().id(), shownKey.apply(shown)), () -> place(lang, p, byId)));
        }
    }

    /** The nearest {@link #NEARBY} other places of each place's type, by great-circle distance. */
    private static Map<String, List<Neighbour>> nearest(List<LocalPlace> places) {
        Map<String, List<LocalPlace>> byType = new HashMap<>();
        places.forEach(p -> byType.computeIfAbsent(p.type().id(), k -> new ArrayList<>()).add(p));
        Map<String, List<Neighbour>> nearest = new HashMap<>();
        for (List<LocalPlace> group : byType.values()) {
            for (LocalPlace p : group) {
                List<Neighbour> all = new ArrayList<>(group.size());
                for (LocalPlace q : group) {
                    if (q != p) all.add(new Neighbour(q.id(), GreatCircle.km(p.lat(), p.lon(), q.lat(), q.lon())));
                }
                all.sort(Comparator.comparingDouble(Neighbour::km).thenComparing(Neighbour::id));
                nearest.put(p.id(), List.copyOf(all.subList(0, Math.min(NEARBY, all.size()))));
            }
        }
        return nearest;
    }

    private void addList(List<Generated> out, Function<List<LocalPlace>, String> shownKey, PlaceList list) {
        int count = Math.max(1, (list.places().size() + perPage - 1) / perPage);
        String shown = shownKey.apply(list.places()); // once for all its pages (a page shows its places, and how many pages there are)
        for (int n = 1; n <= count; n++) {
            int number = n;
            String url = routes.page(list.lang(), list.url(), number);
            out.add(new Generated(url, key(url, list.lang(), list.type(), shown), () -> list(list, number, count)));
        }
    }

    private SiteRenderer.View home(String lang, Map<String, List<LocalPlace>> byType, Map<String, List<LocalPlace>> byDistrict) {
        String self = routes.places(lang);
        UiText t = views.text(lang);
        PlaceSettings settings = site.config().places();
        List<CountLink> types = settings.types().stream().map(type -> new CountLink(Urls.relative(self, routes.placeType(lang, type.id())),
                type.title().get(lang), byType.getOrDefault(type.id(), List.of()).size())).toList();
        List<CountLink> districts = settings.districts().stream().map(d -> new CountLink(Urls.relative(self, routes.placeDistrict(lang, d.id())),
                d.name().get(lang), byDistrict.getOrDefault(d.id(), List.of()).size())).toList();
        Layout layout = views.layout(self, lang, t.get("places_title"), t.get("places_intro"), views.crumbs(self, lang),
                others(lang, routes::places), false);
        return SiteRenderer.View.of(templates, "places.jte", new Views.PlacesHomeView(layout, t.get("places_title"),
                t.get("places_intro"), types, districts, ""));
    }

    private SiteRenderer.View list(PlaceList list, int number, int count) {
        String lang = list.lang();
        String self = routes.page(lang, list.url(), number);
        UiText t = views.text(lang);
        String of = t.get("page_of").replace("{n}", t.number(number)).replace("{total}", t.number(count));
        List<LocalPlace> shown = list.places().subList((number - 1) * perPage, Math.min(number * perPage, list.places().size()));
        Map<String, String> translations = new TreeMap<>();
        others(lang, list.in()).forEach((other, url) -> translations.put(other, routes.page(other, url, number)));
        Layout layout = views.layout(self, lang, number == 1 ? list.title() : list.title() + " · " + of, "",
                views.crumbs(self, lang, new Link(Urls.relative(self, routes.places(lang)), t.get("places_title"))), translations, false);
        List<PlaceItem> items = shown.stream().map(p -> item(self, p, t, null)).toList();
        String map = shown.isEmpty() || site.config().places().bbox() == null ? "" : PlaceMap.svg(shown.stream()
                .map(p -> new PlaceMap.Point(Urls.relative(self, routes.place(lang, p.type().id(), p.id())), title(p, t),
                        p.lat(), p.lon(), p.status().id())).toList(),
                site.config().places().bbox(), t.get("map_label").replace("{n}", t.number(shown.size())), outlines());
        return SiteRenderer.View.of(templates, "placelist.jte", new Views.PlaceListView(layout, list.title(),
                count == 1 ? "" : of, map, items, count == 1 ? null : Listings.pager(views, routes, lang, self, list.url(), number, count, of),
                list.related().stream().map(l -> new Link(Urls.relative(self, l.href()), l.text())).toList(), list.type() == null ? null : explainer(self, lang, list.type()),
                new Link(Urls.relative(self, routes.places(lang)), t.get("places_all"))));
    }

    /** The outline layer of every map, made once: the same bbox, the same path. */
    private String outlines() {
        String made = outlines;
        if (made == null) outlines = made = PlaceMap.outlines(site.data().places().outlines(), site.config().places().bbox());
        return made;
    }

    private volatile String outlines;

    /** The A4 leaflet of the list at {@code list}: every place of it, on as many sheets as it takes. */
    private SiteRenderer.View leaflet(String lang, String title, String list, String self, List<LocalPlace> places,
                                      Function<String, String> in) {
        UiText t = views.text(lang);
        Layout layout = views.layout(self, lang, title + " · " + t.get("leaflet"), "", views.crumbs(self, lang,
                new Link(Urls.relative(self, routes.places(lang)), t.get("places_title")), new Link(Urls.relative(self, list), title)),
                others(lang, in), false);
        String address = site.absolute(list).orElse(null);
        String qr = address == null ? "" : QrSvg.of(address, t.get("leaflet_qr").replace("{address}", address));
        List<PlaceItem> items = places.stream().map(p -> item(self, p, t, null)).toList();
        List<String> checked = places.stream().map(p -> p.verified() == null ? "" : t.date(p.verified())).toList();
        return SiteRenderer.View.of(templates, "leaflet.jte", new Views.LeafletView(layout, title, items, checked,
                t.date(site.buildDate()), address, qr, new Link(Urls.relative(self, list), title)));
    }

    /** A place's name, and its status when it is not open: the text of its point on the map. */
    private static String title(LocalPlace p, UiText t) {
        return p.status().id().equals("open") ? p.name().text() : p.name().text() + " (" + t.get("place_status." + p.status().id()) + ")";
    }

    private PlaceItem item(String self, LocalPlace p, UiText t, String distance) {
        return item(routes, self, p, t, distance);
    }

    /** How many places a service page with {@code places: {type: ...}} shows before the link to their list. */
    static final int SHORT_LIST = 5;

    /**
     * The places a service page asks for ({@code query}), seen from {@code self}: those of the type (in
     * the district, when given), open ones first, then by name, {@link #SHORT_LIST} at most.
     */
    static List<PlaceItem> shortList(Routes routes, String self, city.beacon.model.PlaceQuery query, List<LocalPlace> places, UiText t) {
        return places.stream().filter(p -> p.type().id().equals(query.type())
                        && (query.district() == null || p.district().id().equals(query.district())))
                .sorted(Comparator.comparing((LocalPlace p) -> p.status() != city.beacon.model.PlaceStatus.Kind.OPEN)
                        .thenComparing(p -> p.name().text(), city.beacon.model.NaturalOrder.TITLES).thenComparing(LocalPlace::id))
                .limit(SHORT_LIST).map(p -> item(routes, self, p, t, null)).toList();
    }

    /** The link from a service page to the whole list its {@code places: {type: ...}} names. */
    static Link fullList(Routes routes, String self, String lang, city.beacon.model.PlaceQuery query, PlaceSettings settings, UiText t) {
        String title = settings.type(query.type()).map(type -> type.title().get(lang)).orElse(query.type());
        if (query.district() == null) {
            return new Link(Urls.relative(self, routes.placeType(lang, query.type())), t.get("places_full_list").replace("{list}", title));
        }
        String district = settings.district(query.district()).map(d -> d.name().get(lang)).orElse(query.district());
        return new Link(Urls.relative(self, routes.placeDistrictType(lang, query.district(), query.type())),
                t.get("places_full_list").replace("{list}", title + ": " + district));
    }

    private static PlaceItem item(Routes routes, String self, LocalPlace p, UiText t, String distance) {
        String lang = t.lang();
        return new PlaceItem(Urls.relative(self, routes.place(lang, p.type().id(), p.id())), phrase(p.name(), lang),
                p.status().id(), t.get("place_status." + p.status().id()), phrase(p.address(), lang), phrase(p.hours(), lang),
                PlaceMap.coordinate(p.lat()), PlaceMap.coordinate(p.lon()), p.example(), distance);
    }

    private static Phrase phrase(LocalPlace.Text text, String lang) {
        return new Phrase(text.text(), text.lang() == null || text.lang().equals(lang) ? null : text.lang());
    }

    private SiteRenderer.View place(String lang, LocalPlace p, Map<String, LocalPlace> byId) {
        UiText t = views.text(lang);
        String self = routes.place(lang, p.type().id(), p.id());
        String l = lang;
        Layout layout = views.layout(self, lang, p.name().text(), p.address().text(), views.crumbs(self, lang,
                        new Link(Urls.relative(self, routes.places(lang)), t.get("places_title")),
                        new Link(Urls.relative(self, routes.placeType(lang, p.type().id())), p.type().text())),
                others(lang, o -> routes.place(o, p.type().id(), p.id())), false);
        List<PlaceItem> near = nearby.getOrDefault(p.id(), List.of()).stream().filter(n -> byId.containsKey(n.id()))
                .map(n -> item(self, byId.get(n.id()), t, PlaceMap.distance(n.km(), t))).toList();
        String lat = PlaceMap.coordinate(p.lat());
        String lon = PlaceMap.coordinate(p.lon());
        String geo = "geo:" + lat + "," + lon + "?q=" + lat + "," + lon + "("
                + URLEncoder.encode(p.name().text(), StandardCharsets.UTF_8).replace("+", "%20") + ")";
        String osm = "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" + lat + "/" + lon;
        Views.Contact phone = p.phone() == null ? null : new Views.Contact(p.phone(), p.telHref(), "", null, false, p.example());
        String accessible = p.accessible() == null ? t.get("place_accessible_unknown")
                : t.get(p.accessible() ? "place_accessible_yes" : "place_accessible_no");
        String checked = p.verified() == null ? t.get("place_never_checked") : t.get("place_checked_on").replace("{date}", t.date(p.verified()));
        return SiteRenderer.View.of(templates, "place.jte", new Views.PlaceView(layout, item(self, p, t, null),
                new Link(Urls.relative(self, routes.placeType(l, p.type().id())), p.type().text()),
                new Link(Urls.relative(self, routes.placeDistrict(l, p.district().id())), p.district().text()),
                phrase(p.statusNote(), l), p.since() == null ? null : t.date(p.since()), phrase(p.note(), l),
                p.services().stream().map(LocalPlace.Label::text).toList(), accessible, phone, geo, osm, checked, near,
                explainer(self, l, p.type().id())));
    }

    /** The page that explains places of {@code type} (site.yaml's {@code page}), in {@code lang} when translated; null when none. */
    private Link explainer(String self, String lang, String type) {
        return site.config().places().type(type).map(PlaceSettings.Type::page).map(site.bySource()::get).map(page -> {
            Page shown = page.lang().equals(lang) ? page : site.translationOf(page).filter(o -> o.lang().equals(lang)).orElse(page);
            return new Link(Urls.relative(self, shown.url()), shown.title());
        }).orElse(null);
    }

    private Map<String, String> others(String lang, Function<String, String> route) {
        Map<String, String> others = new TreeMap<>();
        for (String other : site.config().languageCodes()) {
            if (!other.equals(lang)) others.put(other, route.apply(other));
        }
        return others;
    }
}
