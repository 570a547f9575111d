package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.cache.BuildCache.SiteRecord;
import city.beacon.cache.PageCache;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.LinkTargets;
import city.beacon.mirror.MirrorFiles;
import city.beacon.model.BuildClock;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.render.ArticleContext;
import city.beacon.publish.OutputTree;

import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan of a build after an edit of pages' text, the commonest change: when no page file was
 * added or removed, every changed file parses to the facts it had (title, summary, dates...), and
 * nothing else the site depends on changed ({@link BuildInputs}), the site is the previous build's
 * but for those pages' articles. Only they are rendered, against a model of the site made of the
 * pages they show (themselves, their translations, the alerts in force); every other file is kept
 * as published, checked by its stamp; and what the previous build found is reported again from
 * the caches. None of the ten thousand other pages is decoded from the caches, and the model of
 * the site is not made again.
 *
 * <p>The plan renders and publishes nothing itself: {@link SiteBuilder} runs its steps. Anything
 * the plan cannot vouch for makes it not hold (or the steps give it up before they publish), and
 * the build makes everything: a changed fact, a file added or removed, another input, a published
 * file changed behind its back, an edited page whose headings or findings changed (other pages
 * link to its headings, and findings may name other pages).
 */
final class EditPlan {
    private final SiteBuilder.Options options;
    private final SiteConfig config;
    private final PageCache pageCache;
    private final BuildCache cache;
    private final ContentLoader.Changes changes;
    private final SiteRecord record;
    private final BuildInputs inputs;
    private final MirrorFiles mirrorFiles;
    private Site site;
    /** The alerts in force, in reading order: those of the previous build. */
    private List<Page> activeAlerts;
    private Instant nextAlertChange;

    private EditPlan(SiteBuilder.Options options, SiteConfig config, PageCache pageCache, BuildCache cache, ContentLoader.Changes changes,
                     SiteRecord record, BuildInputs inputs, MirrorFiles mirrorFiles) {
        this.options = options;
        this.config = config;
        this.pageCache = pageCache;
        this.cache = cache;
        this.changes = changes;
        this.record = record;
        this.inputs = inputs;
        this.mirrorFiles = mirrorFiles;
    }

    /**
     * Whether a build with these options may be one of text edits: one that publishes over a site
     * published before, with no offline bundle (made from every page).
     */
    static boolean applies(SiteBuilder.Options options, Target target) {
        return target.hasPublished()
                && !options.mirror().bundle() && !options.mirror().zim();
    }

    /**
     * The plan of only the changed pages, when it holds: the content folder walked (only the
     * changed files read), the inputs compared with the previous build's, the slice of the model
     * the changed pages' articles show. Findings go to {@code run}.
     */
    static Optional<EditPlan> make(SiteBuilder.Options options, SiteBuilder.Started started, Run run) throws IOException {
        PageCache[] pageCache = new PageCache[1];
        ContentLoader.Changes changes = started.loader().changes(run.problems, started.config(),
                () -> pageCache[0] = started.pageCache().join());
        BuildCache cache = started.buildCache().get();
        run.done("load and page cache");
        Optional<SiteRecord> record = cache.record();
        if (record.isEmpty() || !sameFacts(changes, pageCache[0])) return Optional.empty();
        Optional<ContentCommit> commit = started.loader().commit();
        Optional<MirrorFiles> mirrorFiles = MirrorFiles.prepare(options.mirror(), commit, run.problems);
        if (run.problems.hasErrors() || mirrorFiles.isEmpty()) return Optional.empty();
        Optional<BuildInputs> inputs = BuildInputs.of(options, started.config(), changes.data(), changes.staticFiles(), changes.pageFiles(),
                mirrorFiles.get(), commit.isPresent(), run.problems);
        if (inputs.isEmpty() || !inputs.get().key().equals(record.get().inputs())) return Optional.empty();
        EditPlan plan = new EditPlan(options, started.config(), pageCache[0], cache, changes, record.get(), inputs.get(), mirrorFiles.get());
        // Unless git or SOURCE_DATE_EPOCH give it, the build time is the newest date of the pages, whose facts did not change.
        Instant buildTime = BuildClock.resolve(options.environment(), List.of(), started.config().timezone(),
                commit.map(ContentCommit::time).or(() -> Optional.of(record.get().buildTime())));
        boolean holds = plan.model(buildTime);
        run.done("model");
        return holds ? Optional.of(plan) : Optional.empty();
    }

    /** Whether the same page files are there as before, and every changed one was read and has the facts it had. */
    private static boolean sameFacts(ContentLoader.Changes changes, PageCache pageCache) {
        Set<String> files = pageCache.previousFiles(); // the same files: as many, each of them there before (no copy of ten thousand names)
        if (changes.pageFiles().size() != files.size() || !files.containsAll(changes.pageFiles())
                || changes.changed().size() < changes.changedFiles().size()) {
            return false;
        }
        for (Page page : changes.changed()) {
            Optional<String> before = pageCache.previous(page.source().relative()).map(PageCache.Entry::factsKey);
            if (!before.equals(pageCache.current(page.source().relative()).map(PageCache.Entry::factsKey))) return false;
        }
        return true;
    }

    /** The slice of the model at {@code buildTime}; false when the alerts in force or the build date are not the previous build's. */
    private boolean model(Instant buildTime) {
        Alerts alerts = activeAlerts(changes.pageFiles(), buildTime, record);
        if (alerts == null || !alerts.active().stream().map(p -> p.source().relative()).toList().equals(record.activeAlerts())) {
            return false;
        }
        site = slice(changes.changed(), alerts.active(), record, changes, buildTime);
        activeAlerts = alerts.active();
        nextAlertChange = alerts.nextChange();
        return site != null && site.buildDate().equals(record.buildTime().atZone(config.timezone()).toLocalDate());
    }

    /**
     * The site as far as the files made after the pages read it (its settings, data, build time,
     * address and static files; the changed pages, their translations and the alerts in force).
     */
    Site site() {
        return site;
    }

    /** The changed pages, without their text. */
    List<Page> changed() {
        return changes.changed();
    }

    BuildInputs inputs() {
        return inputs;
    }

    MirrorFiles mirrorFiles() {
        return mirrorFiles;
    }

    PageCache pageCache() {
        return pageCache;
    }

    BuildCache cache() {
        return cache;
    }

    /** What the previous build recorded of the whole site. */
    SiteRecord record() {
        return record;
    }

    /** The site record for the next build: the previous one's, at this build's time, with this build's link findings and search index. */
    SiteRecord nextRecord(List<Problem> links, Map<String, String> searchFiles) {
        return new SiteRecord(record.inputs(), site.buildTime(), record.activeAlerts(), nextAlertChange, record.pagesPerLanguage(),
                record.translations(), record.modelProblems(), links, record.searchOrder(), searchFiles);
    }

    /**
     * What the article of {@code page}, a changed page, shows besides its text, made from the
     * previous build's record (its translation, the alerts in force) as a whole site would make it.
     */
    ArticleContext context(Page page) {
        Optional<ArticleContext.Translation> translation = Optional.ofNullable(record.translations().get(page.url()))
                .flatMap(this::pageOf).map(ArticleContext.Translation::of);
        List<Page> alerts = activeAlerts.stream().filter(p -> p.lang().equals(page.lang())).toList();
        return new ArticleContext(page, translation, alerts, config, changes.data(), site.buildDate(),
                Optional.ofNullable(options.baseUrl()), mirrorFiles.downloads(config.languageCodes()));
    }

    /** What the changed pages' links can point at. */
    LinkTargets linkTargets() {
        return linkTargets(site, changes);
    }

    /**
     * Keeps the page at {@code url} as published and reports its findings again; false when it is
     * not as the previous build wrote it.
     */
    boolean keep(String url, OutputTree out, Problems problems) {
        try {
            if (!out.reuse(Urls.file(url), cache.previousSha256(url))) return false;
            cache.previousProblems(url).forEach(problems::add);
        } catch (IOException e) {
            return false; // a damaged entry
        }
        cache.keep(url);
        return true;
    }

    /** The alerts in force at a build time, in reading order, and the first moment after it at which that changes. */
    private record Alerts(List<Page> active, Instant nextChange) {
    }

    /**
     * The alerts in force at {@code buildTime}; null when one cannot be read from the cache. Those
     * of the previous build while no alert has come into force or expired since: the alert pages'
     * facts did not change, so only those in force are read from the page cache (a portal keeps
     * hundreds of expired alerts).
     */
    private Alerts activeAlerts(List<String> pageFiles, Instant buildTime, SiteRecord record) {
        if (!buildTime.isBefore(record.buildTime()) && buildTime.isBefore(record.nextAlertChange())) {
            List<Page> active = new ArrayList<>();
            for (String relative : record.activeAlerts()) {
                Optional<Page> page = pageOf(relative);
                if (page.isEmpty()) return null;
                active.add(page.get());
            }
            return new Alerts(active, record.nextAlertChange());
        }
        List<String> folders = new ArrayList<>();
        config.sections().stream().filter(s -> s.kind() == PageKind.ALERT)
                .forEach(s -> config.languageCodes().forEach(lang -> folders.add(lang + "/" + s.folder().get(lang) + "/")));
        List<Page> alerts = new ArrayList<>();
        List<Page> all = new ArrayList<>();
        for (String relative : pageFiles) {
            if (folders.stream().noneMatch(relative::startsWith)) continue;
            Optional<Page> page = pageOf(relative);
            if (page.isEmpty()) return null;
            if ((options.includeDrafts() || !page.get().draft()) && page.get().details() instanceof Details.Alert a && a.activeAt(buildTime)) {
                alerts.add(page.get());
            }
            all.add(page.get());
        }
        return new Alerts(alerts.stream().sorted(SiteModel.READING_ORDER).toList(), nextAlertChange(all, buildTime, options.includeDrafts()));
    }

    /** The first moment after {@code time} at which one of the alerts among {@code pages} (drafts aside) comes into force or expires. */
    static Instant nextAlertChange(Collection<Page> pages, Instant time, boolean includeDrafts) {
        Instant next = Instant.MAX;
        for (Page page : pages) {
            if (page.draft() && !includeDrafts || !(page.details() instanceof Details.Alert alert)) continue;
            Instant change = alert.nextChangeAfter(time);
            if (change.isBefore(next)) next = change;
        }
        return next;
    }

    /** The page at {@code relative} as this build knows it: as it parsed it when changed, else from the previous build. */
    private Optional<Page> pageOf(String relative) {
        return pageCache.current(relative).or(() -> pageCache.previous(relative)).map(PageCache.Entry::page);
    }

    /**
     * The site as far as the changed pages' articles see it: themselves, their translations and the
     * alerts in force, with the translations the previous build paired. Null when a page it needs
     * cannot be read from the cache.
     */
    private Site slice(List<Page> changed, List<Page> alerts, SiteRecord record, ContentLoader.Changes changes, Instant buildTime) {
        Map<String, Page> bySource = new HashMap<>();
        Map<String, Page> translations = new HashMap<>();
        alerts.forEach(p -> bySource.put(p.source().relative(), p));
        for (Page page : changed) {
            bySource.put(page.source().relative(), page);
            String translation = record.translations().get(page.url());
            if (translation == null) continue;
            Optional<Page> other = pageOf(translation);
            if (other.isEmpty()) return null;
            bySource.put(translation, other.get());
            translations.put(page.url(), other.get());
        }
        List<Page> pages = bySource.values().stream().sorted(SiteModel.READING_ORDER).toList();
        return new Site(config, pages, changes.data(), buildTime, Map.copyOf(bySource), Map.copyOf(translations), changes.staticFiles())
                .withBaseUrl(options.baseUrl());
    }

    /** What the changed pages' links can point at: every page file the previous build read, with its address when published. */
    private LinkTargets linkTargets(Site site, ContentLoader.Changes changes) {
        Set<String> statics = new HashSet<>();
        changes.staticFiles().forEach(f -> statics.add(f.relative()));
        Map<String, String> indexes = changes.data().subSectionIndexes();
        Set<String> known = new HashSet<>(changes.pageFiles());
        known.addAll(statics);
        known.addAll(indexes.keySet());
        return new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                String path = Normalizer.normalize(contentPath, Normalizer.Form.NFC);
                if (statics.contains(path)) return Optional.of(path);
                if (indexes.containsKey(path)) return Optional.of(indexes.get(path));
                return pageOf(path).filter(p -> published(p, site, options.includeDrafts())).map(Page::url);
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return pageOf(contentPath).filter(p -> !published(p, site, options.includeDrafts())).isPresent();
            }

            @Override
            public boolean isUnreadable(String contentPath) {
                return changes.pageFiles().contains(contentPath) && pageOf(contentPath).isEmpty();
            }

            @Override
            public Collection<String> knownPaths() {
                return known;
            }
        };
    }

    private static boolean published(Page page, Site site, boolean includeDrafts) {
        return (includeDrafts || !page.draft()) && (!(page.details() instanceof Details.Alert a) || a.activeAt(site.buildTime()));
    }
}
