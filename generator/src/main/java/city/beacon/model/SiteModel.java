package city.beacon.model;

import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problems;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The model stage: from the pages that were read to the {@link Site} that is published. */
public final class SiteModel {
    private SiteModel() {
    }

    /** Orders lists the way residents read them: by weight, then alphabetically by title, numbers by value ("Крок 2" before "Крок 10"). */
    public static final Comparator<Page> READING_ORDER = Comparator.comparingInt(Page::weight)
            .thenComparing(Page::title, NaturalOrder.TITLES)
            .thenComparing(p -> p.source().relative());

    /** {@code pageFiles}: every page file found, including those that could not be read. */
    public static Site build(SiteConfig config, List<Page> read, java.util.Collection<String> pageFiles, SiteData data,
                             List<SourceFile> staticFiles, Instant buildTime, boolean includeDrafts, Problems problems) {
        Map<String, Page> bySource = new HashMap<>();
        read.forEach(p -> bySource.put(p.source().relative(), p));
        List<Page> published = read.stream()
                .filter(p -> isPublished(p, buildTime, includeDrafts))
                .sorted(READING_ORDER)
                .toList();
        Map<String, Page> byUrl = new LinkedHashMap<>();
        for (Page page : published.stream().sorted(Comparator.comparing(p -> p.source().relative())).toList()) {
            Page earlier = byUrl.putIfAbsent(page.url(), page);
            if (earlier != null) {
                problems.error(page.source().display(), 1, 1, "slug", "this page has the same address /" + page.url()
                        + " as " + earlier.source().display(), "give one of them a different file name or 'slug'");
            }
        }
        reportSubSectionAddresses(data.subSections(), read, problems);
        Map<String, Page> translations = pairTranslations(config, published, bySource, Set.copyOf(pageFiles), problems);
        Set<String> unreadable = new HashSet<>(pageFiles);
        unreadable.removeAll(bySource.keySet());
        reportMissingTranslations(config, published, translations, unreadable, problems);
        Map<String, Page> publishedBySource = new HashMap<>();
        published.forEach(p -> publishedBySource.put(p.source().relative(), p));
        reportTopTasks(config, bySource, publishedBySource, Set.copyOf(pageFiles), problems);
        reportPlaceTypePages(config, bySource, Set.copyOf(pageFiles), problems);
        reportPlaceTypeAddresses(config, problems);
        return new Site(config, published, data, buildTime, Map.copyOf(publishedBySource), Map.copyOf(translations),
                staticFiles);
    }

    /**
     * A sub-section's list has the address its folders make: a page with the same address (a file
     * {@code heating.md} beside the folder {@code heating/}, or a 'slug:' that says so) or a second
     * folder with the same address ({@code Heating/} beside {@code heating/}) is an error.
     */
    private static void reportSubSectionAddresses(List<SubSection> subSections, List<Page> read, Problems problems) {
        Map<String, SubSection> byUrl = new HashMap<>();
        for (SubSection s : subSections) {
            SubSection earlier = byUrl.putIfAbsent(s.url(), s);
            if (earlier != null) {
                problems.error(s.source().display(), 0, 0, null, "this sub-section has the same address /" + s.url()
                        + " as the folder " + earlier.folder(), "rename one of the folders");
            }
        }
        for (Page page : read.stream().sorted(Comparator.comparing(p -> p.source().relative())).toList()) {
            SubSection s = byUrl.get(page.url());
            if (s == null) continue;
            String name = page.source().relative().substring(page.source().relative().lastIndexOf('/') + 1);
            String base = name.substring(0, name.length() - ".md".length());
            problems.error(page.source().display(), 1, 1, null, "this page would have the address /" + page.url()
                            + " of the sub-section in the folder " + s.folder(),
                    "rename the file (e.g. " + base + "-guide.md), or move its text into " + s.folder() + SubSection.INDEX);
        }
    }

    /** A top task (site.yaml) must name a page of its language; one not on the site now (a draft) is left out, with a warning. */
    private static void reportTopTasks(SiteConfig config, Map<String, Page> all, Map<String, Page> published, Set<String> pageFiles,
                                       Problems problems) {
        for (String lang : config.languageCodes()) {
            List<TopTask> tasks = config.topTasks(lang);
            for (int i = 0; i < tasks.size(); i++) {
                TopTask task = tasks.get(i);
                String field = "top_tasks." + lang + "[" + (i + 1) + "].page";
                Page page = all.get(task.page());
                if (page == null && pageFiles.contains(task.page())) continue; // that file's own findings say why it is not read
                if (page == null) {
                    List<String> candidates = all.keySet().stream().filter(k -> k.startsWith(lang + "/")).sorted().toList();
                    problems.error(task.file(), task.line(), task.column(), field, "no page " + task.page() + " in the content folder",
                            DidYouMean.closest(task.page(), candidates).map(c -> "did you mean '" + c + "'?").orElse(null));
                } else if (!page.lang().equals(lang)) {
                    problems.error(task.file(), task.line(), task.column(), field, task.page() + " is a page in " + page.lang()
                            + "; the home page in " + lang + " lists pages in " + lang, "name a page under " + lang + "/");
                } else if (!published.containsKey(task.page())) {
                    problems.warning(task.file(), task.line(), task.column(), field, task.page()
                            + " is not on the site now (a draft, or an alert not in force): the home page leaves it out", null);
                }
            }
        }
    }

    /** The page that explains a type of place (site.yaml's {@code places.types[].page}) must be a page of the content folder. */
    private static void reportPlaceTypePages(SiteConfig config, Map<String, Page> all, Set<String> pageFiles, Problems problems) {
        List<PlaceSettings.Type> types = config.places().types();
        for (int i = 0; i < types.size(); i++) {
            PlaceSettings.Type type = types.get(i);
            if (type.page() == null || all.containsKey(type.page()) || pageFiles.contains(type.page())) continue;
            List<String> candidates = all.keySet().stream().sorted().toList();
            problems.error(type.file(), type.line(), type.column(), "places.types[" + (i + 1) + "].page",
                    "no page " + type.page() + " in the content folder",
                    DidYouMean.closest(type.page(), candidates).map(c -> "did you mean '" + c + "'?").orElse(null));
        }
    }

    /**
     * Each type of place has a list of its own in each language: two types whose titles make one
     * address, or a type whose address is the districts' folder or the pages' (a list's page 2),
     * would write over each other's pages. An error on the second type's line.
     */
    private static void reportPlaceTypeAddresses(SiteConfig config, Problems problems) {
        Routes routes = new Routes(config);
        List<PlaceSettings.Type> types = config.places().types();
        for (String lang : config.languageCodes()) {
            Map<String, String> taken = new java.util.HashMap<>();
            String places = routes.places(lang);
            taken.put(routes.placeDistrict(lang, "x").replaceFirst("[^/]+/$", ""), "the districts' lists");
            taken.put(routes.page(lang, places, 2).replaceFirst("[^/]+/$", ""), "the pages of a list");
            for (int i = 0; i < types.size(); i++) {
                PlaceSettings.Type type = types.get(i);
                String address = routes.placeType(lang, type.id());
                String other = taken.putIfAbsent(address, "the type '" + type.id() + "'");
                if (other == null) continue;
                problems.error(type.file(), type.line(), type.column(), "places.types[" + (i + 1) + "].title",
                        "in " + lang + ", the list of this type would be at " + address + ", the address of " + other,
                        "give the type another title in " + lang + " (the address is made from it)");
            }
        }
    }

    /** Whether {@code page} is on the site at {@code buildTime}: not a draft (unless drafts are shown), not an alert out of force. */
    private static boolean isPublished(Page page, Instant buildTime, boolean includeDrafts) {
        return (includeDrafts || !page.draft()) && (!(page.details() instanceof Details.Alert a) || a.activeAt(buildTime));
    }

    private static Map<String, Page> pairTranslations(SiteConfig config, List<Page> published,
                                                      Map<String, Page> allBySource, Set<String> pageFiles,
                                                      Problems problems) {
        Map<String, Page> pairs = new HashMap<>();
        Set<String> publishedSources = new HashSet<>();
        published.forEach(p -> publishedSources.add(p.source().relative()));
        Map<String, Page> byPairKey = new HashMap<>();
        for (Page page : published) byPairKey.put(page.lang() + ":" + page.pairKey(), page);
        for (Page page : published) {
            if (page.translation() != null) {
                Page other = allBySource.get(page.translation());
                if (other == null && pageFiles.contains(page.translation())) {
                    continue; // that file's own findings are reported; no second message here
                }
                if (other == null) {
                    List<String> candidates = allBySource.keySet().stream()
                            .filter(k -> k.startsWith(page.translation().substring(0, page.translation().indexOf('/') + 1)))
                            .sorted().toList();
                    problems.error(page.source().display(), 0, 0, "translation",
                            "no file " + page.translation() + " in the content folder",
                            DidYouMean.closest(page.translation(), candidates).map(c -> "did you mean '" + c + "'?").orElse(null));
                } else if (publishedSources.contains(other.source().relative())) {
                    pairs.put(page.url(), other);
                    pairs.putIfAbsent(other.url(), page);
                }
                continue;
            }
            for (String lang : config.languageCodes()) {
                Page other = byPairKey.get(lang + ":" + page.pairKey());
                if (!lang.equals(page.lang()) && other != null) pairs.putIfAbsent(page.url(), other);
            }
        }
        return pairs;
    }

    /** A translation whose file exists but could not be read is not "missing": that file's findings say why. */
    private static void reportMissingTranslations(SiteConfig config, List<Page> published, Map<String, Page> translations,
                                                  Set<String> unreadable, Problems problems) {
        Set<String> unreadableFolders = new HashSet<>();
        unreadable.forEach(path -> unreadableFolders.add(path.substring(0, path.lastIndexOf('/') + 1)));
        for (Page page : published) {
            if (translations.containsKey(page.url())) continue;
            // An unreadable page of the other language may be this one's translation (its 'translation:'
            // line cannot be read): say nothing rather than something possibly false; its errors stop the build.
            boolean brokenTranslation = unreadable.contains(page.translation()) || config.languageCodes().stream()
                    .filter(l -> !l.equals(page.lang()))
                    .anyMatch(l -> unreadableFolders.contains(l + "/" + page.section().folder().get(l) + "/"));
            if (config.languages().size() > 1 && !brokenTranslation) {
                String others = String.join(", ", config.languageCodes().stream().filter(l -> !l.equals(page.lang())).toList());
                problems.warning(page.source().display(), 0, 0, null, "no translation into " + others
                                + "; residents reading " + others + " see it marked as available in one language only",
                        "add the translated file, or a line 'translation: <path>' naming it");
            }
        }
    }
}
