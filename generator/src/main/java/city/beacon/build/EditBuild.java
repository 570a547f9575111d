package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.cache.BuildCache.SiteRecord;
import city.beacon.cache.PageCache;
import city.beacon.check.HtmlChecker;
import city.beacon.check.LinkChecker;
import city.beacon.check.OutputFigures;
import city.beacon.findings.Problem;
import city.beacon.check.ReviewPolicy;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.mirror.MirrorFiles;
import city.beacon.model.BuildClock;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteData;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.model.Urls;
import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.SideFile;
import city.beacon.render.ArticleContext;
import city.beacon.render.ArticleRenderer;
import city.beacon.render.UiText;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The build after an edit of pages' text, the commonest change: when no page file was added or
 * removed, every changed file parses to the facts it had (title, summary, dates...), and nothing
 * else the site depends on changed, the site is the previous build's but for those pages'
 * articles. Their articles alone are rendered, against a model of the site made of the pages
 * they show (themselves, their translations, the alerts in force); every other file is kept as
 * published, checked by its stamp; and what the previous build found is reported again from the
 * caches. None of the ten thousand other pages is decoded from the caches, and the model of the
 * site is not made again.
 *
 * <p>Anything this build cannot vouch for makes it give up before it publishes, and the caller
 * makes a full build: a changed fact, a file added or removed, another setting, a published file
 * changed behind its back, an edited page whose headings or findings changed (other pages link
 * to its headings, and findings may name other pages).
 */
final class EditBuild {
    private final SiteBuilder builder;
    private final SiteBuilder.Options options;
    private final ContentLoader loader;
    private final SiteConfig config;
    private final CompletableFuture<PageCache> pageCacheRead;
    private final CompletableFuture<BuildCache> cacheRead;
    private final CompletableFuture<FileStamps> stamps;
    /** Known once the content folder is walked (they are read meanwhile). */
    private PageCache pageCache;
    private BuildCache cache;
    private final ThreadPoolExecutor sideFiles;
    private final Steps steps;
    private final long start;
    private final Problems problems = new Problems();
    /** Pages rendered: a changed file whose text is as it was (touched, or read again within two seconds of a save) is kept. */
    private int rendered;

    EditBuild(SiteBuilder builder, ContentLoader loader, SiteConfig config, CompletableFuture<PageCache> pageCache,
              CompletableFuture<BuildCache> cache, CompletableFuture<FileStamps> stamps, ThreadPoolExecutor sideFiles, Steps steps, long start) {
        this.builder = builder;
        this.options = builder.options;
        this.loader = loader;
        this.config = config;
        this.pageCacheRead = pageCache;
        this.cacheRead = cache;
        this.stamps = stamps;
        this.sideFiles = sideFiles;
        this.steps = steps;
        this.start = start;
    }

    /**
     * Whether a build with these options may be one of text edits: one that publishes over a site
     * published before, with no offline bundle (made from every page).
     */
    static boolean applies(SiteBuilder.Options options) {
        return options.out() != null && Files.isDirectory(options.out()) && !options.includeDrafts()
                && !options.mirror().bundle() && !options.mirror().zim();
    }

    /**
     * A key of every input of the site but the pages' facts: the generator and theme, site.yaml,
     * the shared data and interface text, the static files, the page files there are, the files
     * for mirrors, the options, SOURCE_DATE_EPOCH and whether the content is in git.
     */
    static String inputs(SiteBuilder.Options options, SiteConfig config, SiteData data, Map<String, UiText> texts,
                         List<SourceFile> staticFiles, List<String> pageFiles, MirrorFiles mirrorFiles, boolean inGit) {
        return BuildCache.hash(options.theme().version(), config, data, texts, staticFiles.stream().map(SourceFile::relative).toList(),
                pageFiles, mirrorFiles.downloads(), String.valueOf(options.baseUrl()),
                String.valueOf(options.environment().get("SOURCE_DATE_EPOCH")), inGit);
    }

    /** The published build, or empty when this one gave up (nothing was published). */
    Optional<SiteBuilder.Result> build() throws IOException {
        ContentLoader.Changes changes = loader.changes(problems, config, () -> pageCache = pageCacheRead.join());
        cache = cacheRead.join();
        Optional<SiteRecord> record = cache.record();
        steps.done("load and page cache");
        if (record.isEmpty()) return Optional.empty();
        if (!Set.copyOf(changes.pageFiles()).equals(pageCache.previousFiles()) || changes.changed().size() < changes.changedFiles().size()) {
            return Optional.empty();
        }
        for (Page page : changes.changed()) {
            Optional<String> before = pageCache.previous(page.source().relative()).map(PageCache.Entry::factsKey);
            if (!before.equals(pageCache.current(page.source().relative()).map(PageCache.Entry::factsKey))) return Optional.empty();
        }
        Optional<ContentCommit> commit = loader.commit();
        Map<String, UiText> texts = options.theme().texts(config.languageCodes(), problems);
        Optional<MirrorFiles> mirrorFiles = MirrorFiles.prepare(options.mirror(), commit, problems);
        if (problems.hasErrors() || mirrorFiles.isEmpty()) return Optional.empty();
        String inputs = inputs(options, config, changes.data(), texts, changes.staticFiles(), changes.pageFiles(), mirrorFiles.get(), commit.isPresent());
        if (!inputs.equals(record.get().inputs())) return Optional.empty();
        // Unless git or SOURCE_DATE_EPOCH give it, the build time is the newest date of the pages, whose facts did not change.
        Instant buildTime = BuildClock.resolve(options.environment(), List.of(), config.timezone(),
                commit.map(ContentCommit::time).or(() -> Optional.of(record.get().buildTime())));
        Alerts alerts = activeAlerts(changes.pageFiles(), buildTime, record.get());
        if (alerts == null || !alerts.active().stream().map(p -> p.source().relative()).toList().equals(record.get().activeAlerts())) {
            return Optional.empty();
        }
        Site site = slice(changes.changed(), alerts.active(), record.get(), changes, buildTime);
        if (site == null || !site.buildDate().equals(record.get().buildTime().atZone(config.timezone()).toLocalDate())) return Optional.empty();
        steps.done("model");
        try (Publisher publisher = Publisher.acquire(options.out())) {
            OutputTree out = publisher.stage(stamps.join());
            Optional<SiteBuilder.Outcome> outcome = Optional.empty();
            try {
                outcome = render(site, texts, changes, record.get(), alerts.nextChange(), out, mirrorFiles.get(), publisher);
            } finally {
                if (outcome.isEmpty() || !outcome.get().published()) publisher.discard(out);
            }
            return outcome.map(o -> new SiteBuilder.Result(problems, record.get().pagesPerLanguage(), out.fileCount(), out.byteCount(),
                    SiteBuilder.elapsed(start), o.published(), o.notes(), steps.millis(), rendered));
        } catch (Publisher.Busy busy) {
            return Optional.empty(); // the full build reports it
        }
    }

    /**
     * Renders the changed pages and keeps every other file; empty when a kept file is not as
     * published or a rendered page's headings or findings changed.
     */
    private Optional<SiteBuilder.Outcome> render(Site site, Map<String, UiText> texts, ContentLoader.Changes changes, SiteRecord record,
                                                 Instant nextAlertChange, OutputTree out, MirrorFiles mirrorFiles, Publisher publisher)
            throws IOException {
        Set<String> edited = new HashSet<>();
        changes.changed().forEach(p -> edited.add(p.url()));
        // A stat of each of ten thousand published pages: on every core.
        if (!cache.previousPages().parallelStream().filter(url -> !edited.contains(url)).allMatch(url -> keep(url, out))) {
            return Optional.empty();
        }
        steps.done("build cache");
        ArticleRenderer articles = new ArticleRenderer(options.theme().templates(), texts, options.theme().inlineStylesheet());
        MarkdownRenderer markdown = new MarkdownRenderer(linkTargets(site, changes), true);
        HtmlChecker htmlChecker = new HtmlChecker();
        Problems linkProblems = new Problems();
        Set<String> editedFiles = new HashSet<>();
        for (Page bodiless : changes.changed()) {
            Optional<BuildCache.Entry> before = cache.previous(bodiless.url());
            Optional<Page> read = ContentLoader.withBody(bodiless, problems);
            if (read.isEmpty() || before.isEmpty()) return Optional.empty();
            Page page = read.get();
            String relative = page.source().relative();
            String key = BuildCache.hash(pageCache.current(relative).orElseThrow().factsKey(), page.body());
            pageCache.putArticleKey(relative, key);
            Optional<BuildCache.Entry> kept = SiteBuilder.keptArticle(page, key, out, cache);
            if (kept.isEmpty()) rendered++;
            ArticleContext context = ArticleContext.of(site, page, mirrorFiles.downloads());
            BuildCache.Entry entry = kept.orElseGet(() -> SiteBuilder.renderArticle(context, key, markdown, articles, htmlChecker, out));
            if (!entry.ids().equals(before.get().ids()) || !entry.problems().equals(before.get().problems())) return Optional.empty();
            entry.problems().forEach(problems::add);
            cache.put(page.url(), entry);
            Map<String, Set<String>> targets = new HashMap<>();
            for (var link : entry.links()) cache.previous(link.targetUrl()).ifPresent(e -> targets.put(link.targetUrl(), e.ids()));
            LinkChecker.checkFragments(page, entry.links(), targets, linkProblems);
            editedFiles.add(page.source().display());
        }
        steps.done("pages");
        Optional<BuildCache.Lists> lists = cache.lists(cache.previousLists().key()).filter(l -> SiteBuilder.keep(l, out, htmlChecker));
        if (lists.isEmpty()) return Optional.empty();
        // Past the last point where this build may give up: the full build that follows one saves the page cache itself.
        CompletableFuture<Optional<SideFile.Written>> pagesSaved = builder.savePageCache(pageCache, sideFiles);
        cache.putLists(lists.get());
        lists.get().problems().forEach(problems::add);
        lists.get().pages().values().forEach(page -> page.problems().forEach(problems::add));
        steps.done("lists");
        java.time.LocalDate today = builder.today(config);
        record.modelProblems().forEach(p -> problems.add(ReviewPolicy.advise(p, today)));
        List<Problem> links = new ArrayList<>(linkProblems.sorted());
        record.linkProblems().stream().filter(p -> !editedFiles.contains(p.file())).forEach(links::add);
        links.forEach(problems::add);
        CompletableFuture<OutputFigures.Figures> figures = builder.siteFiles(site, record.pagesPerLanguage(), out, mirrorFiles, cache,
                sideFiles, problems, steps);
        htmlChecker.finish(out.files(), problems);
        steps.done("links");
        cache.putRecord(new SiteRecord(record.inputs(), site.buildTime(), record.activeAlerts(), nextAlertChange, record.pagesPerLanguage(),
                record.translations(), record.modelProblems(), links));
        return Optional.of(builder.publish(out, publisher, cache, figures, pagesSaved, sideFiles, problems, steps));
    }

    /** Keeps the page at {@code url} as published and reports its findings again; false when it is not as the previous build wrote it. */
    private boolean keep(String url, OutputTree out) {
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
            if (!page.get().draft() && page.get().details() instanceof Details.Alert a && a.activeAt(buildTime)) alerts.add(page.get());
            all.add(page.get());
        }
        return new Alerts(alerts.stream().sorted(SiteModel.READING_ORDER).toList(), nextAlertChange(all, buildTime));
    }

    /** The first moment after {@code time} at which one of the alerts among {@code pages} (drafts aside) comes into force or expires. */
    static Instant nextAlertChange(Collection<Page> pages, Instant time) {
        Instant next = Instant.MAX;
        for (Page page : pages) {
            if (page.draft() || !(page.details() instanceof Details.Alert alert)) continue;
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
        Set<String> known = new HashSet<>(changes.pageFiles());
        known.addAll(statics);
        return new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                String path = Normalizer.normalize(contentPath, Normalizer.Form.NFC);
                if (statics.contains(path)) return Optional.of(path);
                return pageOf(path).filter(p -> published(p, site)).map(Page::url);
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return pageOf(contentPath).filter(p -> !published(p, site)).isPresent();
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

    private static boolean published(Page page, Site site) {
        return !page.draft() && (!(page.details() instanceof Details.Alert a) || a.activeAt(site.buildTime()));
    }
}
