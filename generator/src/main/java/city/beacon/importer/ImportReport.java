package city.beacon.importer;

import city.beacon.content.ImportHints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an import did, written as {@code import-report.md}: the pages imported, the fields dropped
 * by name, the shortcodes and Liquid tags found by name, the links not resolved and the files not
 * imported. Every list is sorted, so that the same source gives the same bytes.
 */
final class ImportReport {
    private final Map<String, Integer> pagesByLanguage = new TreeMap<>();
    private int sectionIntroductions;
    private int staticFiles;
    private int redirects;
    private final List<String> sections = new ArrayList<>();
    private final Map<String, Integer> droppedFields = new TreeMap<>();
    /** Shortcode name -> {found, turned into Markdown}. */
    private final Map<String, int[]> shortcodes = new TreeMap<>();
    private final Map<String, Integer> liquid = new TreeMap<>();
    private final TreeSet<String> unresolved = new TreeSet<>();
    private final Map<String, String> notImported = new TreeMap<>();
    private final TreeSet<String> notes = new TreeSet<>();
    private final Map<String, Integer> skippedTypes = new TreeMap<>();

    void page(String lang) {
        pagesByLanguage.merge(lang, 1, Integer::sum);
    }

    void sectionIntroduction() {
        sectionIntroductions++;
    }

    void section(String line) {
        sections.add(line);
    }

    void staticFile() {
        staticFiles++;
    }

    void redirects(int count) {
        redirects = count;
    }

    void dropped(String field) {
        droppedFields.merge(field, 1, Integer::sum);
    }

    void shortcode(String name, boolean converted) {
        int[] counts = shortcodes.computeIfAbsent(name, n -> new int[2]);
        counts[0]++;
        if (converted) counts[1]++;
    }

    void liquid(String name) {
        liquid.merge(name, 1, Integer::sum);
    }

    void unresolved(String file, int line, String link, String why) {
        unresolved.add(String.format("| %s | %d | `%s` | %s |", file, line, link.replace("|", "\\|").replace("`", "'"), why));
    }

    void notImported(String file, String why) {
        notImported.put(file, why);
    }

    /** A file of a type Beacon does not publish (scripts, styles, source code...): counted by extension. */
    void skippedType(String extension) {
        skippedTypes.merge(extension.isEmpty() ? "(no extension)" : "." + extension, 1, Integer::sum);
    }

    void note(String line) {
        notes.add(line);
    }

    int pages() {
        return pagesByLanguage.values().stream().mapToInt(Integer::intValue).sum();
    }

    int unresolvedLinks() {
        return unresolved.size();
    }

    int shortcodesLeft() {
        return shortcodes.values().stream().mapToInt(c -> c[0] - c[1]).sum();
    }

    String markdown(String kind, String sourceName) {
        StringBuilder out = new StringBuilder();
        out.append("# Import report\n\n")
                .append("`beacon import ").append(kind).append("` of `").append(sourceName).append("`. ")
                .append("What to do with each part: docs/migration.md.\n\n## Pages\n\n")
                .append("| | |\n|---|---|\n");
        pagesByLanguage.forEach((lang, n) -> out.append("| pages in ").append(lang).append(" | ").append(n).append(" |\n"));
        out.append("| section introductions (`_index.md`) | ").append(sectionIntroductions).append(" |\n")
                .append("| files copied into `static/` | ").append(staticFiles).append(" |\n")
                .append("| old addresses kept (`data/redirects.yaml`) | ").append(redirects).append(" |\n")
                .append("| links not resolved | ").append(unresolved.size()).append(" |\n")
                .append("| files not imported | ").append(notImported.size()).append(" |\n");
        out.append("\n## Sections (site.yaml)\n\n");
        if (sections.isEmpty()) out.append("None.\n");
        sections.forEach(s -> out.append("- ").append(s).append('\n'));
        out.append("\n## Fields dropped\n\nFront-matter fields Beacon has no place for, with the number of pages that had them.\n\n");
        if (droppedFields.isEmpty()) out.append("None.\n");
        else {
            out.append("| field | pages | what Beacon says |\n|---|---|---|\n");
            droppedFields.forEach((name, n) -> out.append("| ").append(name.replace("|", "\\|")).append(" | ").append(n).append(" | ")
                    .append(ImportHints.hint(name, null).orElse("no Beacon field: move what it says into the text, or leave it"))
                    .append(" |\n"));
        }
        out.append("\n## Shortcodes\n\nHugo shortcodes found, by name; those left are findings of `beacon check` until they are rewritten "
                + "(or given a policy in site.yaml's `shortcodes:`).\n\n");
        if (shortcodes.isEmpty()) out.append("None.\n");
        else {
            out.append("| shortcode | found | turned into Markdown | left |\n|---|---|---|---|\n");
            shortcodes.forEach((name, c) -> out.append("| ").append(name).append(" | ").append(c[0]).append(" | ").append(c[1])
                    .append(" | ").append(c[0] - c[1]).append(" |\n"));
        }
        out.append("\n## Liquid tags\n\nJekyll (Liquid) tags and expressions left in the text, by name: findings of `beacon check` "
                + "until they are rewritten.\n\n");
        table(out, "tag", liquid);
        out.append("\n## Links not resolved\n\nLinks to an address of the old site that no imported page or file has: "
                + "left as they were.\n\n");
        if (unresolved.isEmpty()) out.append("None.\n");
        else {
            out.append("| file | line | link | why |\n|---|---|---|---|\n");
            unresolved.forEach(l -> out.append(l).append('\n'));
        }
        out.append("\n## Files not imported\n\n");
        if (notImported.isEmpty()) out.append("None.\n");
        else {
            out.append("| file | why |\n|---|---|\n");
            notImported.forEach((f, why) -> out.append("| ").append(f).append(" | ").append(why).append(" |\n"));
        }
        out.append("\n## Files of other types\n\nNot copied: Beacon publishes pages, images and documents only "
                + "(docs/content-reference.md, \"Static files\").\n\n");
        table(out, "type", skippedTypes);
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String what, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            out.append("None.\n");
            return;
        }
        out.append("| ").append(what).append(" | count |\n|---|---|\n");
        counts.forEach((name, n) -> out.append("| ").append(name.replace("|", "\\|")).append(" | ").append(n).append(" |\n"));
    }
}
