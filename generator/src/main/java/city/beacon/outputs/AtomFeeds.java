package city.beacon.outputs;

import city.beacon.findings.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.UUID;

/**
 * {@code <lang>/feed.xml}: an Atom feed of the active alerts and the pages that carry an
 * 'updated' date, newest first. Every date comes from the content, never the clock. Entry ids
 * are name-based UUIDs of the page address, so a mirror's feed has the same ids as the original.
 * Links are absolute with --base-url, else relative to the feed (Atom resolves them against the
 * feed's own address).
 */
public final class AtomFeeds implements SiteOutput {
    static final int MAX_ENTRIES = 50;

    private record Item(Page page, Instant when) {
    }

    /** Newest first; then by address, so that the order is total. */
    private static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::when).reversed().thenComparing(i -> i.page().url());

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        for (String lang : site.config().languageCodes()) items.put(lang, newest(site.pages(lang), site.config().timezone()));
        write(site, items, out);
    }

    private void write(Site site, Map<String, List<Item>> entries, OutputFiles out) {
        Routes routes = new Routes(site.config());
        entries.forEach((lang, items) -> {
            String self = routes.feed(lang);
            // An empty feed is as new as the build's day: the files made from the whole site show no finer
            // build time, so they stay as they were after a later commit of the same day.
            Instant updated = items.isEmpty() ? site.buildDate().atStartOfDay(site.config().timezone()).toInstant() : items.get(0).when();
            String title = site.config().title().get(lang);
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                    .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(lang).append("\">\n")
                    .append(Xml.element("title", title))
                    .append(Xml.element("subtitle", site.config().description().get(lang)))
                    .append(Xml.element("id", id("feed:" + lang)))
                    .append(Xml.element("updated", stamp(updated)))
                    .append("<author><name>").append(Xml.escape(title)).append("</name></author>\n")
                    .append(link("self", "application/atom+xml", href(site, self, self)))
                    .append(link("alternate", "text/html", href(site, self, routes.home(lang))));
            for (Item item : items) {
                Page page = item.page();
                xml.append("<entry>\n")
                        .append(Xml.element("title", page.title()))
                        .append(Xml.element("id", id(page.url())))
                        .append(Xml.element("updated", stamp(item.when())))
                        .append(link("alternate", "text/html", href(site, self, page.url())))
                        .append("<category term=\"").append(page.kind().id()).append("\"/>\n")
                        .append(Xml.element("summary", page.summary()))
                        .append("</entry>\n");
            }
            out.write(self, xml.append("</feed>\n").toString());
        });
    }

    /**
     * The {@link #MAX_ENTRIES} newest alerts and dated pages, newest first: kept in a heap as the
     * pages go by rather than all sorted (the live preview makes the feeds again at every title edit).
     */
    private static List<Item> newest(List<Page> pages, ZoneId zone) {
        PriorityQueue<Item> kept = new PriorityQueue<>(NEWEST_FIRST.reversed()); // the oldest kept on top
        Map<LocalDate, Instant> days = new HashMap<>(); // pages share days: each day's start is worked out once
        for (Page page : pages) {
            Instant when = when(page, day -> days.computeIfAbsent(day, d -> d.atStartOfDay(zone).toInstant()));
            if (when == null) continue;
            Item item = new Item(page, when);
            if (kept.size() == MAX_ENTRIES && NEWEST_FIRST.compare(item, kept.peek()) > 0) continue;
            kept.add(item);
            if (kept.size() > MAX_ENTRIES) kept.poll();
        }
        List<Item> items = new ArrayList<>(kept);
        items.sort(NEWEST_FIRST);
        return items;
    }

    /**
     * When {@code page} is dated in the feeds: an alert when it starts, a page at the start of its
     * 'updated' day ({@code dayStart}); null: it is not in them.
     */
    private static Instant when(Page page, Function<LocalDate, Instant> dayStart) {
        if (page.details() instanceof Details.Alert a) return a.starts();
        return page.updated() == null ? null : dayStart.apply(page.updated());
    }

    private static String href(Site site, String self, String target) {
        return site.absolute(target).orElse(Urls.relative(self, target));
    }

    private static String link(String rel, String type, String href) {
        return "<link rel=\"" + rel + "\" type=\"" + type + "\" href=\"" + Xml.escape(href) + "\"/>\n";
    }

    private static String id(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("beacon:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String stamp(Instant when) {
        return DateTimeFormatter.ISO_INSTANT.format(when);
    }
}
