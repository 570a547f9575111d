package city.beacon.bench;

import city.beacon.model.Slugs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic portal of {@code n} pages for the benchmark: every page kind in both languages,
 * realistic front matter, 400-1200-word bodies with headings, lists, tables and links to other
 * pages that exist. The same {@code n} always gives the same pages (a seeded {@link Random},
 * whose sequence Java specifies), so figures from different machines describe the same work.
 */
public final class Corpus {
    /** The sections of the benchmark's site.yaml: id, kind, folder per language. */
    enum Section {
        SERVICES("poslugy", "services"), SUPPORT("pidtrymka", "support"), INFO("dovidka", "info"), ALERTS("opovishchennia", "alerts");

        final String uk;
        final String en;

        Section(String uk, String en) {
            this.uk = uk;
            this.en = en;
        }

        String folder(String lang) {
            return lang.equals("uk") ? uk : en;
        }
    }

    /** One page: where it lives, its front matter (in order) and its Markdown body. */
    public record CorpusPage(int topic, String lang, Section section, String fileName, Map<String, Object> fields, String body) {
        public String path() {
            return lang + "/" + section.folder(lang) + "/" + fileName;
        }
    }

    static final LocalDate NEWEST = LocalDate.of(2026, 12, 1);
    private static final String[] CATEGORIES = {"energy", "safety", "housing", "documents", "social", "health"};
    private static final String[] SUPPORT_TYPES = {"hotline", "counselling", "group", "self-help"};
    private static final String[] SEVERITIES = {"info", "warning", "critical"};

    private final int pages;
    private final int topics;
    private final int englishTopics;

    /** {@code pages} pages: one per language for most topics, Ukrainian only for the last one when odd. */
    public Corpus(int pages) {
        if (pages < 2) throw new IllegalArgumentException("the corpus needs at least 2 pages, got " + pages);
        this.pages = pages;
        this.topics = (pages + 1) / 2;
        this.englishTopics = pages - topics;
    }

    /** Every page, Ukrainian first then English, in topic order. */
    public List<CorpusPage> pages() {
        List<CorpusPage> all = new ArrayList<>(pages);
        for (int i = 0; i < topics; i++) all.add(page(i, "uk"));
        for (int i = 0; i < englishTopics; i++) all.add(page(i, "en"));
        return all;
    }

    static Section sectionOf(int topic) {
        int slot = topic % 20;
        if (slot <= 10) return Section.SERVICES;
        if (slot <= 15) return Section.SUPPORT;
        if (slot <= 18) return Section.INFO;
        return Section.ALERTS;
    }

    /** Two alerts are in force at the build time; the others have expired, as on a real portal. */
    static boolean activeAlert(int topic) {
        return topic == 19 || topic == 39;
    }

    private Random random(int topic, String lang) {
        return new Random(topic * 1_000_003L + (lang.equals("uk") ? 17 : 29));
    }

    String fileName(int topic, String lang) {
        Words words = Words.of(lang);
        Random r = random(topic, "name");
        String name = words.noun(r) + " " + words.noun(r);
        return Slugs.slugify(name) + "-" + topic + ".md";
    }

    private CorpusPage page(int topic, String lang) {
        Random r = random(topic, lang);
        Words w = Words.of(lang);
        Section section = sectionOf(topic);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", w.title(r));
        f.put("summary", w.sentence(r, 10, 22));
        if (lang.equals("en") && topic < topics) f.put("translation", "uk/" + section.folder("uk") + "/" + fileName(topic, "uk"));
        LocalDate updated = topic == 0 ? NEWEST : LocalDate.of(2026, 7, 1).plusDays(r.nextInt(150));
        switch (section) {
            case SERVICES -> service(f, w, r);
            case SUPPORT -> support(f, w, r, topic);
            case ALERTS -> alert(f, r, topic);
            case INFO -> { }
        }
        f.put("updated", updated);
        if (section != Section.ALERTS) f.put("reviewed", updated);
        f.put("example", true);
        f.put("tags", w.tags(r, 2 + r.nextInt(3)));
        return new CorpusPage(topic, lang, section, fileName(topic, lang), f, body(topic, lang, r, w));
    }

    private static void service(Map<String, Object> f, Words w, Random r) {
        f.put("category", CATEGORIES[r.nextInt(CATEGORIES.length)]);
        f.put("documents", w.items(r, 2 + r.nextInt(4), 3, 8));
        f.put("steps", w.items(r, 2 + r.nextInt(4), 6, 14));
        f.put("cost", w.phrase(r, 2, 4));
        f.put("processing_time", w.phrase(r, 3, 6));
        List<Map<String, Object>> places = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("name", w.phrase(r, 3, 6) + " " + w.example());
            place.put("address", w.phrase(r, 2, 3) + " " + (1 + r.nextInt(120)));
            place.put("hours", w.phrase(r, 2, 4) + " 8:00–20:00");
            place.put("phone", phone(r));
            place.put("example", true);
            places.add(place);
        }
        if (!places.isEmpty()) f.put("places", places);
        if (r.nextBoolean()) f.put("online", "https://example.org/services/" + r.nextInt(10_000));
    }

    private static void support(Map<String, Object> f, Words w, Random r, int topic) {
        String type = SUPPORT_TYPES[topic % SUPPORT_TYPES.length];
        f.put("type", type);
        List<Map<String, Object>> phones = new ArrayList<>();
        for (int i = type.equals("hotline") ? 1 + r.nextInt(2) : r.nextInt(2); i > 0; i--) {
            Map<String, Object> phone = new LinkedHashMap<>();
            phone.put("number", phone(r));
            phone.put("label", w.phrase(r, 2, 5) + " " + w.example());
            phone.put("hours", w.phrase(r, 1, 3));
            phone.put("free", true);
            phone.put("example", true);
            phones.add(phone);
        }
        if (!phones.isEmpty()) f.put("phones", phones);
        f.put("languages", r.nextBoolean() ? List.of("uk", "en") : List.of("uk"));
        f.put("audience", w.sentence(r, 5, 12));
        if (r.nextBoolean()) f.put("online", "https://example.org/support/" + r.nextInt(10_000));
    }

    private static void alert(Map<String, Object> f, Random r, int topic) {
        f.put("severity", SEVERITIES[r.nextInt(SEVERITIES.length)]);
        boolean active = activeAlert(topic);
        f.put("starts", active ? LocalDate.of(2026, 11, 1) : LocalDate.of(2026, 1, 1));
        f.put("expires", active ? LocalDate.of(2027, 6, 30) : LocalDate.of(2026, 2, 1));
    }

    private static String phone(Random r) {
        return String.format(java.util.Locale.ROOT, "+380 44 000 %02d %02d", r.nextInt(100), r.nextInt(100));
    }

    /** Headings, paragraphs, lists, tables and 3-6 links to published pages in the same language. */
    private String body(int topic, String lang, Random r, Words w) {
        int target = 400 + r.nextInt(801);
        List<String> links = new ArrayList<>();
        for (int i = 3 + r.nextInt(4); i > 0; i--) links.add(link(topic, lang, r, w));
        StringBuilder md = new StringBuilder(target * 9);
        md.append(w.paragraph(r)).append("\n\n");
        while (Words.count(md) < target) {
            md.append("## ").append(w.phrase(r, 2, 5)).append("\n\n");
            md.append(w.paragraph(r));
            if (!links.isEmpty()) md.append(' ').append(links.remove(links.size() - 1));
            md.append("\n\n");
            switch (r.nextInt(4)) {
                case 0 -> {
                    for (String item : w.items(r, 3 + r.nextInt(4), 4, 10)) md.append("- ").append(item).append('\n');
                    md.append('\n');
                }
                case 1 -> {
                    List<String> items = w.items(r, 3 + r.nextInt(3), 5, 12);
                    for (int i = 0; i < items.size(); i++) md.append(i + 1).append(". ").append(items.get(i)).append('\n');
                    md.append('\n');
                }
                case 2 -> {
                    md.append("| ").append(w.phrase(r, 1, 2)).append(" | ").append(w.phrase(r, 1, 2)).append(" |\n|---|---|\n");
                    for (int i = 2 + r.nextInt(4); i > 0; i--) {
                        md.append("| ").append(w.phrase(r, 2, 4)).append(" | ").append(8 + r.nextInt(10)).append(":00–")
                                .append(18 + r.nextInt(5)).append(":00 |\n");
                    }
                    md.append('\n');
                }
                default -> md.append(w.paragraph(r)).append(" **112**.\n\n");
            }
        }
        links.forEach(l -> md.append(l).append('\n'));
        return md.toString();
    }

    /** A Markdown link to another published page of {@code lang}, written relative to this page's file. */
    private String link(int topic, String lang, Random r, Words w) {
        int count = lang.equals("uk") ? topics : englishTopics;
        int target;
        do {
            target = r.nextInt(count);
        } while (target == topic && count > 1 || sectionOf(target) == Section.ALERTS && !activeAlert(target));
        Section from = sectionOf(topic);
        Section to = sectionOf(target);
        String file = fileName(target, lang);
        String path = from == to ? file : "../" + to.folder(lang) + "/" + file;
        return w.see() + " [" + w.phrase(r, 2, 4) + "](" + path + ").";
    }
}
