package city.beacon.render;

import city.beacon.config.SiteConfigLoader;
import city.beacon.content.PlacesReader;
import city.beacon.findings.Problems;
import city.beacon.model.Places;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteData;
import city.beacon.yaml.YamlDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The places' pages: the home, the lists by type and district with their maps, a page per place. */
class PlacePagesTest {
    static final String SITE_YAML = """
            title: {uk: Київ, en: Kyiv}
            languages: [{code: uk, name: Українська}, {code: en, name: English}]
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
            categories: [{id: energy, title: {uk: Енергія, en: Energy}}]
            places:
              types:
                - {id: heating, title: {uk: Пункти незламності, en: Heating points}}
                - {id: water, title: {uk: Пункти води, en: Water points}}
              districts:
                - {id: podilskyi, name: {uk: Подільський, en: Podilskyi}}
                - {id: obolonskyi, name: {uk: Оболонський, en: Obolonskyi}}
              services: [{id: charging, label: {uk: Зарядка, en: Charging}}]
              bbox: [30.24, 50.21, 30.83, 50.59]
            """;
    static final String PLACES = """
            id,type,district,lat,lon,phone,services,accessible,verified,example,name_uk,name_en,address_uk,address_en,hours_uk,hours_en
            podil-1,heating,podilskyi,50.4649,30.515,+380 44 000 0001,charging,yes,2026-12-01,true,Гімназія № 1,Gymnasium 1,"вул. Сагайдачного, 1",1 Sahaidachnoho St,цілодобово,24/7
            podil-2,heating,podilskyi,50.47,30.52,,,,,false,Ґанок,Porch,вул. Спаська 5,5 Spaska St,,
            podil-3,heating,podilskyi,50.50,30.50,,,,2026-12-02,false,Бібліотека,Library,вул. Спаська 9,9 Spaska St,,
            obolon-1,heating,obolonskyi,50.52,30.50,,,,2026-12-02,false,Школа,School,просп. Героїв 1,1 Heroiv Ave,,
            obolon-2,water,obolonskyi,50.52,30.51,,,,2026-12-02,false,Вода,Water,просп. Героїв 3,3 Heroiv Ave,,
            """;
    static final String STATUS = """
            id,status,note_uk,note_en,since
            podil-2,closed,Ремонт,Repairs,2026-12-02
            """;

    private static SiteRenderer renderer(String placesCsv, List<city.beacon.model.Page> pages) {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source("content/data/places.csv", placesCsv)),
                new PlacesReader.Source("content/data/places-status.csv", STATUS), config, problems);
        Site site = city.beacon.model.SiteModel.build(config, pages, pages.stream().map(p -> p.source().relative()).toList(),
                new SiteData(List.of(), List.of(), List.of(), List.of(), List.of(), places), List.of(), Instant.parse("2026-12-03T08:00:00Z"), false, problems);
        Theme theme = Theme.bundled();
        return new SiteRenderer(site, theme.templates(), theme.texts(config.languageCodes(), problems), null);
    }

    /** The English service page "Heating points" with {@code placesLine} in its front matter, over {@code placesCsv}. */
    private static Document heatingPage(String placesLine, String placesCsv) {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        city.beacon.model.SourceFile source = new city.beacon.model.SourceFile(java.nio.file.Path.of("content/en/services/heating.md"),
                "content/en/services/heating.md", "en/services/heating.md");
        city.beacon.model.Page page = new city.beacon.content.PageParser(config).parse(source, "en", config.section("services").orElseThrow(),
                "---\ntitle: Heating points\nsummary: Where to get warm.\ncategory: energy\ndocuments: [Nothing]\ncost: Free\n"
                        + "processing_time: At once\n" + placesLine + "\nupdated: 2026-12-01\nreviewed: 2026-12-01\n---\nText.\n", problems)
                .orElseThrow(() -> new AssertionError(problems.sorted()));
        return Jsoup.parse(renderer(placesCsv, List.of(page)).article(page, "<p>Text.</p>"));
    }

    @Test
    void servicePageWithPlacesOfATypeInADistrictShowsThemOpenFirstAndLinksTheWholeList() {
        Document doc = heatingPage("places: {type: heating, district: podilskyi}", PLACES);
        assertEquals(List.of("Gymnasium 1", "Library", "Porch"), doc.select("ol.places > li > a").eachText(), "the closed one last");
        assertEquals("../../places/heating/podil-1/", doc.selectFirst("ol.places > li > a").attr("href"));
        Element all = doc.select("main a").stream().filter(a -> a.text().startsWith("The whole list")).findFirst().orElseThrow();
        assertEquals("The whole list, with a map: Heating points: Podilskyi", all.text());
        assertEquals("../../places/districts/podilskyi/heating/", all.attr("href"));
    }

    @Test
    void servicePageAskingForPlacesThereAreNoneOfLinksNoListThatDoesNotExist() {
        Document doc = heatingPage("places: {type: water, district: podilskyi}", PLACES);
        assertTrue(doc.select("main a").stream().noneMatch(a -> a.attr("href").contains("places/")), doc.select("main").html());
        assertTrue(doc.select("#where").isEmpty(), "no heading over nothing");
    }

    static Map<String, String> render(String placesCsv) {
        return render(placesCsv, null);
    }

    /** The generated pages, with the 112 line in data/emergency.yaml, the site published at {@code baseUrl} (null: unknown). */
    static Map<String, String> render(String placesCsv, String baseUrl) {
        Problems problems = new Problems();
        SiteConfig config = SiteConfigLoader.parse(YamlDocument.parse(SITE_YAML, "content/site.yaml", 1, problems),
                "content/site.yaml", problems).orElseThrow();
        Places places = PlacesReader.read(List.of(new PlacesReader.Source("content/data/places.csv", placesCsv)),
                new PlacesReader.Source("content/data/places-status.csv", STATUS), config, problems);
        assertEquals(0, problems.errorCount(), problems.sorted().toString());
        List<SiteData.ContactLine> emergency = List.of(new SiteData.ContactLine("112",
                new city.beacon.model.Localized(Map.of("uk", "Екстрені служби", "en", "Emergency services")),
                new city.beacon.model.Localized(Map.of()), true, false));
        Site site = new Site(config, List.of(), new SiteData(emergency, List.of(), List.of(), List.of(), List.of(), places),
                Instant.parse("2026-12-03T08:00:00Z"), Map.of(), Map.of(), List.of());
        if (baseUrl != null) site = site.withBaseUrl(baseUrl);
        Theme theme = Theme.bundled();
        SiteRenderer renderer = new SiteRenderer(site, theme.templates(), theme.texts(config.languageCodes(), problems), null);
        return renderer.generatedPages().stream().collect(Collectors.toMap(SiteRenderer.Generated::url, SiteRenderer.Generated::html));
    }

    private static Document page(Map<String, String> site, String url) {
        String html = site.get(url);
        assertNotNull(html, "no page " + url + " among " + site.keySet().stream().filter(u -> u.contains("places") || u.contains("mistsia")).sorted().toList());
        return Jsoup.parse(html);
    }

    @Test
    void placePageShowsStatusAddressHoursTelGeoAndOpenStreetMapLinksAndCheckedDate() {
        Document doc = page(render(PLACES), "en/places/heating/podil-1/");
        assertEquals("Gymnasium 1", doc.selectFirst("h1").text());
        assertEquals("Status: open", doc.selectFirst("p.status").text());
        assertTrue(doc.select("dd").eachText().containsAll(List.of("1 Sahaidachnoho St", "24/7", "+380 44 000 0001", "Charging",
                "yes, step-free", "Podilskyi", "Heating points")));
        assertEquals("tel:+380440000001", doc.selectFirst("dd a[href^=tel:]").attr("href"));
        assertEquals("geo:50.4649,30.515?q=50.4649,30.515(Gymnasium%201)", doc.selectFirst("a[href^=geo:]").attr("href"));
        assertEquals("https://www.openstreetmap.org/?mlat=50.4649&mlon=30.515#map=17/50.4649/30.515",
                doc.selectFirst("a[href^=https://www.openstreetmap.org/]").attr("href"));
        assertTrue(doc.select("main p").eachText().contains("Checked on 1 December 2026."));
        assertTrue(doc.select("img, iframe, object, embed").isEmpty(), "no map tiles: nothing loaded");
        assertEquals(List.of("../../../../assets/beacon.js"), doc.select("script").eachAttr("src"), "the theme's script, nothing else");
    }

    @Test
    void closedPlaceIsShownAsClosedOnItsPageAndInItsList() {
        Map<String, String> site = render(PLACES);
        Document place = page(site, "en/places/heating/podil-2/");
        assertEquals("Status: closed (since 2 December 2026) Repairs", place.selectFirst("p.status").text());
        Element item = page(site, "en/places/districts/podilskyi/").select("ol.places li").stream()
                .filter(li -> li.text().startsWith("Porch")).findFirst().orElseThrow();
        assertEquals("closed", item.selectFirst("strong.status").text());
        assertEquals("not-open", item.className());
    }

    @Test
    void listsAreSortedByNameInTheLanguagesAlphabet() {
        Map<String, String> site = render(PLACES);
        assertEquals(List.of("Бібліотека", "Гімназія № 1", "Ґанок"),
                page(site, "uk/mistsia/raiony/podilskyi/").select("ol.places > li > a").eachText(), "Ґ after Г");
        assertEquals(List.of("Gymnasium 1", "Library", "Porch", "School"),
                page(site, "en/places/heating/").select("ol.places > li > a").eachText());
        assertEquals(List.of("School"), page(site, "en/places/districts/obolonskyi/heating/").select("ol.places > li > a").eachText());
    }

    @Test
    void theSitesHomePageLinksThePlacesRightUnderItsTopTasks() {
        Document home = page(render(PLACES), "en/");
        org.jsoup.nodes.Element link = home.selectFirst("main h1 ~ p.places-link a");
        assertNotNull(link, "where to go is the question residents ask most: " + home.select("main").text());
        assertEquals("places/", link.attr("href"));
        assertEquals("Places: Heating points, Water points", link.text());
    }

    @Test
    void homeCountsPlacesByTypeAndByDistrict() {
        Document home = page(render(PLACES), "uk/mistsia/");
        assertEquals(List.of("Пункти незламності (4)", "Пункти води (1)"), home.select("main ul.entries li").eachText());
        assertEquals(List.of("Подільський (3)", "Оболонський (2)"), home.select("main ul.chips li").eachText());
        assertEquals("punkty-nezlamnosti/", home.selectFirst("main ul.entries a").attr("href"));
    }

    @Test
    void placePageLinksItsTranslationWithHreflang() {
        Document doc = page(render(PLACES), "uk/mistsia/punkty-nezlamnosti/podil-1/");
        assertEquals("../../../../en/places/heating/podil-1/", doc.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
    }

    @Test
    void nearbyListsTheNearestOtherPlacesOfTheSameTypeNearestFirst() {
        Document doc = page(render(PLACES), "en/places/heating/podil-1/");
        assertEquals(List.of("Porch", "Library", "School"), doc.select("main ol.places > li > a").eachText(),
                "the water point is of another type");
        assertTrue(doc.selectFirst("main ol.places > li").text().contains("650 m"), doc.selectFirst("main ol.places > li").text());
    }

    @Test
    void mapHasOneLinkPerPlaceOfThePageWithItsNameAndEveryPointInsideTheViewBox() {
        Document doc = page(render(PLACES), "en/places/heating/");
        Element svg = doc.selectFirst("figure.map svg");
        assertNotNull(svg);
        assertEquals(4, svg.select("a").size());
        assertEquals(doc.select("ol.places > li > a").eachAttr("href").stream().sorted().toList(),
                svg.select("a").eachAttr("href").stream().sorted().toList());
        assertTrue(svg.select("a title").eachText().contains("Porch (closed)"));
        String[] box = svg.attr("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        for (Element circle : svg.select("circle")) {
            double x = Double.parseDouble(circle.attr("cx"));
            double y = Double.parseDouble(circle.attr("cy"));
            assertTrue(x >= 0 && x <= width && y >= 0 && y <= height, circle.outerHtml());
        }
        assertEquals(1, svg.select("path").size(), "the closed place is a cross, not a disc");
        assertEquals(3, svg.select("circle").size());
    }

    @Test
    void mapDrawsTheDistrictOutlinesUnderThePointsWithinTheViewBox() {
        List<city.beacon.model.Places.Outline> outlines = List.of(new city.beacon.model.Places.Outline(List.of(
                List.of(30.24, 50.21, 30.83, 50.21, 30.83, 50.59, 30.5, 50.5, 30.5001, 50.5001, 30.24, 50.21))));
        String path = PlaceMap.outlines(outlines, new city.beacon.model.PlaceSettings.BoundingBox(30.24, 50.21, 30.83, 50.59));
        assertEquals("<path d=\"M6 309L306 309 306 6 138 78Z\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>", path,
                "the box's corners, and a point within a unit of another dropped");
        String svg = PlaceMap.svg(List.of(new PlaceMap.Point("a/", "A & B", 50.4, 30.5, "open")),
                new city.beacon.model.PlaceSettings.BoundingBox(30.24, 50.21, 30.83, 50.59), "Map", path);
        Element map = Jsoup.parse("<figure>" + svg + "</figure>").selectFirst("svg");
        assertEquals("0 0 312 315", map.attr("viewBox"));
        assertEquals(1, map.select("path").size());
        assertEquals("A & B", map.selectFirst("a title").text());
    }

    @Test
    void aDetailedOutlineIsSimplifiedUntilItFitsItsShareOfThePage() {
        List<Double> ring = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double a = 2 * Math.PI * i / 20_000;
            ring.add(30.5 + 0.2 * Math.cos(a) + 0.003 * Math.sin(a * 300));
            ring.add(50.4 + 0.15 * Math.sin(a));
        }
        ring.add(ring.get(0));
        ring.add(ring.get(1));
        String path = PlaceMap.outlines(List.of(new city.beacon.model.Places.Outline(List.of(ring))),
                new city.beacon.model.PlaceSettings.BoundingBox(30.24, 50.21, 30.83, 50.59));
        assertTrue(path.length() <= PlaceMap.OUTLINE_MAX, path.length() + " characters");
        assertTrue(path.length() > 500, "still a shape: " + path);
    }

    @Test
    void printLeafletOfATypeInADistrictHasItsPlacesEmergencyNumbersDateAndTheQrCodeOfTheListsAddress() {
        Map<String, String> site = render(PLACES, "https://example.org/kyiv/");
        Document list = page(site, "en/places/districts/podilskyi/heating/");
        assertEquals("print/", list.select("main a").stream().filter(a -> a.text().equals("Print this list (A4 leaflet)"))
                .findFirst().orElseThrow().attr("href"));
        Document leaflet = page(site, "en/places/districts/podilskyi/heating/print/");
        assertEquals("Heating points: Podilskyi", leaflet.selectFirst("h1").text());
        assertEquals(List.of("Gymnasium 1 (example) 1 Sahaidachnoho St · 24/7 · Checked 1 December 2026",
                        "Library 9 Spaska St · Checked 2 December 2026", "Porch — closed 5 Spaska St"),
                leaflet.select(".leaflet ol > li").eachText());
        assertEquals("112 Emergency services", leaflet.selectFirst("aside.help li").text(), "all of them in print (the print stylesheet)");
        assertTrue(leaflet.text().contains("List published on 3 December 2026."));
        String address = "https://example.org/kyiv/en/places/districts/podilskyi/heating/";
        assertEquals(address, leaflet.selectFirst("figure.qr figcaption").text());
        assertTrue(site.get("en/places/districts/podilskyi/heating/print/").contains(QrSvg.of(address, "QR code of the list's address: " + address)),
                "the QR code of the list's own address");
        assertTrue(leaflet.select("img, iframe").isEmpty(), "nothing to fetch but the theme's own files");
        assertEquals("../../../../../../uk/mistsia/raiony/podilskyi/punkty-nezlamnosti/druk/", leaflet.selectFirst("link[hreflang=uk]").attr("href"));
    }

    @Test
    void withoutTheSitesAddressTheLeafletHasNoQrCode() {
        Document leaflet = page(render(PLACES), "en/places/districts/podilskyi/heating/print/");
        assertTrue(leaflet.select("figure.qr").isEmpty());
    }

    @Test
    void qrCodeIsOnePathOfDarkModulesWithAQuietZone() {
        io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText("https://example.org/", io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
        String svg = QrSvg.of("https://example.org/", "QR");
        int size = qr.size + 8;
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\""), svg);
        int dark = 0;
        for (int y = 0; y < qr.size; y++) for (int x = 0; x < qr.size; x++) if (qr.getModule(x, y)) dark++;
        int drawn = 0;
        java.util.regex.Matcher run = java.util.regex.Pattern.compile("h(\\d+)v1").matcher(svg);
        while (run.find()) drawn += Integer.parseInt(run.group(1));
        assertEquals(dark, drawn, "every dark module drawn once");
    }

    @Test
    void longListIsCutIntoPagesOfThirty() {
        StringBuilder csv = new StringBuilder(PLACES);
        for (int i = 1; i <= 27; i++) {
            csv.append("p").append(i).append(",heating,podilskyi,50.46,30.51,,,,2026-12-01,false,Пункт ").append(i)
                    .append(",Point ").append(i).append(",вул. ").append(i).append(",").append(i).append(" St,,\n");
        }
        Map<String, String> site = render(csv.toString());
        assertEquals(30, page(site, "en/places/heating/").select("ol.places > li").size());
        Document second = page(site, "en/places/heating/page/2/");
        assertEquals(List.of("School"), second.select("ol.places > li > a").eachText());
        assertEquals(List.of("Point 9", "Point 10"), page(site, "en/places/heating/").select("ol.places > li > a").eachText().subList(10, 12),
                "numbers by their value");
        assertEquals(1, second.select("figure.map svg a").size());
        assertEquals("../../../../../uk/mistsia/punkty-nezlamnosti/storinka/2/",
                second.selectFirst("link[rel=alternate][hreflang=uk]").attr("href"));
    }
}
