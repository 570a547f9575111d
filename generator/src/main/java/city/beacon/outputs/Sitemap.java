package city.beacon.outputs;

import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.model.SubSection;
import city.beacon.model.SubSections;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sitemap.xml} with {@code hreflang} alternates, and {@code robots.txt}. The sitemap
 * format allows absolute addresses only, so it is written only when the build knows the site's
 * address (--base-url); robots.txt is always written and names the sitemap when there is one.
 */
public final class Sitemap implements SiteOutput {
    public static final String FILE = "sitemap.xml";

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow:\n");
        site.absolute(FILE).ifPresent(sitemap -> {
            out.write(FILE, sitemap(site));
            robots.append("Sitemap: ").append(sitemap).append('\n');
        });
        out.write("robots.txt", robots.toString());
    }

    private static String sitemap(Site site) {
        Routes routes = new Routes(site.config());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        Map<String, String> homes = new TreeMap<>();
        site.config().languageCodes().forEach(lang -> homes.put(lang, routes.home(lang)));
        for (String home : homes.values()) url(site, xml, home, null, homes);
        List<Page> pages = new ArrayList<>(site.pages());
        pages.sort(java.util.Comparator.comparing(Page::url));
        for (Page page : pages) {
            Map<String, String> versions = new TreeMap<>();
            site.translationOf(page).ifPresent(other -> {
                versions.put(page.lang(), page.url());
                versions.put(other.lang(), other.url());
            });
            url(site, xml, page.url(), page.updated() != null ? page.updated() : page.reviewed(), versions);
        }
        // The sub-sections' lists: each has an introduction and pages of its own (a section's list is only a menu entry).
        SubSections subSections = new SubSections(site.data().subSections());
        for (SubSection s : site.data().subSections().stream().sorted(java.util.Comparator.comparing(SubSection::url)).toList()) {
            Map<String, String> versions = new TreeMap<>();
            for (String lang : site.config().languageCodes()) {
                if (lang.equals(s.lang())) continue;
                subSections.translation(s, lang).ifPresent(other -> {
                    versions.put(s.lang(), s.url());
                    versions.put(other.lang(), other.url());
                });
            }
            url(site, xml, s.url(), null, versions);
        }
        places(site, routes, xml);
        return xml.append("</urlset>\n").toString();
    }

    /** The places' home, their lists (first pages) and each place's page, each with its versions in every language. */
    private static void places(Site site, Routes routes, StringBuilder xml) {
        if (site.data().places().isEmpty()) return;
        List<java.util.function.Function<String, String>> pages = new ArrayList<>();
        pages.add(routes::places);
        var settings = site.config().places();
        settings.types().forEach(t -> pages.add(lang -> routes.placeType(lang, t.id())));
        java.util.Set<String> inDistrict = new java.util.TreeSet<>();
        site.data().places().records().forEach(r -> inDistrict.add(r.district() + "/" + r.type()));
        for (var district : settings.districts()) {
            pages.add(lang -> routes.placeDistrict(lang, district.id()));
            settings.types().stream().filter(t -> inDistrict.contains(district.id() + "/" + t.id()))
                    .forEach(t -> pages.add(lang -> routes.placeDistrictType(lang, district.id(), t.id())));
        }
        site.data().places().records().forEach(r -> pages.add(lang -> routes.place(lang, r.type(), r.id())));
        for (var page : pages) {
            Map<String, String> versions = new TreeMap<>();
            site.config().languageCodes().forEach(lang -> versions.put(lang, page.apply(lang)));
            if (versions.size() == 1) versions.clear();
            site.config().languageCodes().forEach(lang -> url(site, xml, page.apply(lang), null, versions));
        }
    }

    private static void url(Site site, StringBuilder xml, String address, java.time.LocalDate modified, Map<String, String> versions) {
        xml.append("<url>").append("<loc>").append(Xml.escape(site.absolute(address).orElseThrow())).append("</loc>");
        if (modified != null) xml.append("<lastmod>").append(modified).append("</lastmod>");
        versions.forEach((lang, url) -> xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(lang)
                .append("\" href=\"").append(Xml.escape(site.absolute(url).orElseThrow())).append("\"/>"));
        xml.append("</url>\n");
    }
}
