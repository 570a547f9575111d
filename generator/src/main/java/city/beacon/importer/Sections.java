package city.beacon.importer;

import city.beacon.model.Slugs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sections of the imported site: each top folder of the old site is a section of kind
 * {@code page} in site.yaml (its {@code _index.md} gives the title, and its weight the menu order);
 * the pages at the old site's root are the section {@code pages}. Each deeper folder is a nested
 * section with its own {@code _index.md}: the old one, or one with the folder's name as title.
 */
final class Sections {
    /** One top section: its id (also its folder in every language), title per language, weight. */
    record Top(String id, Map<String, String> titles, int weight) {
    }

    private final Map<String, String> names = new TreeMap<>();
    private final Map<String, Map<String, String>> titles = new TreeMap<>();
    private final Map<String, Integer> weights = new TreeMap<>();

    Sections(SourceSite site, ImportReport report) {
        for (SourceSite.Page page : site.pages()) {
            if (page.role() == SourceSite.Role.HOME) continue;
            String id = page.folders().isEmpty() ? Importer.ROOT_SECTION : folder(page.folders().get(0));
            names.putIfAbsent(id, page.folders().isEmpty() ? "Pages" : Fields.fromName(page.folders().get(0)));
            if (page.role() == SourceSite.Role.SECTION && page.folders().size() == 1) {
                Fields.title(page).ifPresent(t -> titles.computeIfAbsent(id, k -> new TreeMap<>()).put(page.lang(), t));
                Object weight = page.front().fields().get("weight");
                if (weight instanceof Number n) weights.put(id, n.intValue());
                if (!page.front().body().isBlank()) {
                    report.note("the introduction of the top section '" + id + "' (" + page.file().relative() + ") is not imported: "
                            + "a top section has its title in site.yaml and no text; move the text into a page");
                }
            }
        }
    }

    /** A folder of the old site as a folder name of Beacon's: lower-case Latin letters, digits and '-'. */
    static String folder(String name) {
        String slug = Slugs.slugify(name);
        return slug.isEmpty() ? "section" : slug;
    }

    /** The top sections, in menu order: by weight, then id. */
    List<Top> tops(List<String> languages) {
        List<Top> tops = new ArrayList<>();
        for (var e : names.entrySet()) {
            Map<String, String> byLang = titles.getOrDefault(e.getKey(), Map.of());
            Map<String, String> title = new TreeMap<>();
            String fallback = byLang.isEmpty() ? e.getValue() : byLang.values().iterator().next();
            for (String lang : languages) title.put(lang, byLang.getOrDefault(lang, fallback));
            tops.add(new Top(e.getKey(), title, weights.getOrDefault(e.getKey(), 0)));
        }
        tops.sort(Comparator.comparingInt(Top::weight).thenComparing(Top::id));
        return tops;
    }

    /** Writes an {@code _index.md} for each nested folder that has pages but no introduction of the old site's. */
    void introductionsMissing(Map<SourceSite.Page, String> placed, Map<String, byte[]> output) {
        Map<String, String> folders = new TreeMap<>(); // lang/top/sub -> the old folder's name
        for (var e : placed.entrySet()) {
            List<String> old = e.getKey().folders();
            String lang = e.getKey().lang();
            StringBuilder path = new StringBuilder(lang);
            for (int i = 0; i < old.size(); i++) {
                path.append('/').append(folder(old.get(i)));
                if (i >= 1) folders.putIfAbsent(path.toString(), old.get(i));
            }
        }
        for (var e : folders.entrySet()) {
            String file = e.getKey() + "/_index.md";
            if (output.containsKey(file)) continue;
            output.put(file, ("---\ntitle: " + Fields.quote(Fields.fromName(e.getValue())) + "\n---\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
