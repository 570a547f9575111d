package city.beacon.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sub-sections of a site ({@link SiteData#subSections()}) as the lists, breadcrumbs and
 * language switches ask for them: by folder, the trail above a folder, the children of a folder,
 * and the translation of each.
 */
public final class SubSections {
    /** The order of sibling sub-sections: by weight, then by title as lists sort titles. */
    public static final Comparator<SubSection> ORDER = Comparator.comparingInt(SubSection::weight)
            .thenComparing(SubSection::title, NaturalOrder.TITLES).thenComparing(SubSection::folder);

    private final Map<String, SubSection> byFolder = new HashMap<>();
    private final Map<String, SubSection> byIndex = new HashMap<>();
    private final Map<String, List<SubSection>> children = new HashMap<>();

    public SubSections(List<SubSection> all) {
        for (SubSection s : all) {
            byFolder.put(s.folder(), s);
            if (s.described()) byIndex.put(s.source().relative(), s);
            children.computeIfAbsent(s.parentFolder(), f -> new ArrayList<>()).add(s);
        }
        children.replaceAll((folder, list) -> list.stream().sorted(ORDER).toList());
    }

    /** The sub-section whose folder (relative to content/, ending with '/') is {@code folder}. */
    public Optional<SubSection> at(String folder) {
        return Optional.ofNullable(byFolder.get(folder));
    }

    /** The sub-sections in the folder {@code folder} (a section's or a sub-section's), in list order. */
    public List<SubSection> in(String folder) {
        return children.getOrDefault(folder, List.of());
    }

    /**
     * The sub-sections from the section down to the folder {@code folder} (a page's, or a
     * sub-section's own, which is included): {@code heating}, then {@code heating/schools}.
     */
    public List<SubSection> trail(String folder) {
        List<SubSection> trail = new ArrayList<>();
        String at = folder;
        while (true) {
            SubSection s = byFolder.get(at);
            if (s == null) break;
            trail.add(0, s);
            at = s.parentFolder();
        }
        return trail;
    }

    /**
     * The same sub-section in {@code lang}: the one its {@code _index.md}'s 'translation:' names,
     * or whose 'translation:' names it, else the one at the same folders of the same section.
     */
    public Optional<SubSection> translation(SubSection s, String lang) {
        if (s.translation() != null && byIndex.containsKey(s.translation()) && byIndex.get(s.translation()).lang().equals(lang)) {
            return Optional.of(byIndex.get(s.translation()));
        }
        if (s.described()) {
            for (SubSection other : byIndex.values()) {
                if (other.lang().equals(lang) && s.source().relative().equals(other.translation())) return Optional.of(other);
            }
        }
        return Optional.ofNullable(byFolder.get(lang + "/" + s.section().folder().get(lang) + "/" + s.path() + "/"));
    }

    /**
     * Where the list of the folder {@code folder} (of a section in {@code from}) is in {@code lang}:
     * the translation of its sub-section, else of the nearest one above it that has one, else the
     * section's list.
     */
    public String listIn(String folder, String lang, Section section, Routes routes) {
        List<SubSection> trail = trail(folder);
        for (int i = trail.size() - 1; i >= 0; i--) {
            Optional<SubSection> other = translation(trail.get(i), lang);
            if (other.isPresent()) return other.get().url();
        }
        return routes.section(lang, section);
    }
}
