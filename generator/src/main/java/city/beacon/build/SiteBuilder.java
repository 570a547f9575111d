package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.cache.BuildCache.Lists;
import city.beacon.cache.BuildCache.SiteRecord;
import city.beacon.cache.PageCache;
import city.beacon.check.HtmlChecker;
import city.beacon.check.LinkChecker;
import city.beacon.check.OutputFigures;
import city.beacon.check.ReviewPolicy;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.Shortcodes;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.mirror.BuildInfo;
import city.beacon.mirror.MirrorFiles;
import city.beacon.mirror.MirrorOptions;
import city.beacon.model.BuildClock;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputFolder;
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.Publishing;
import city.beacon.publish.SideFile;
import city.beacon.outputs.SearchIndex;
import city.beacon.outputs.SearchIndexEdit;
import city.beacon.model.SearchEntry;
import city.beacon.render.Alphabets;
import city.beacon.render.ArticleRenderer;
import city.beacon.render.ArticleContext;
import city.beacon.render.ArticleRenderer;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The build, as a flat list of named, timed steps ({@link #build(Run, Prefetch)}): settings, the
 * plan, load, model, then, in a staging folder, pages, lists and whole-site files, the search index, assets, files
 * for mirrors, checks; publish only when nothing failed. Side threads belong to {@link Prefetch}
 * alone; the caches are read once, and a plan given up starts again from them as read.
 */
public final class SiteBuilder {

    /** What to build and how. {@code out} null: check only, nothing is published. */
    public record Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                          Map<String, String> environment, String baseUrl, MirrorOptions mirror, boolean migrate) {
        /** Every build of a content folder reads its own theme folder (content/theme/) over the theme given. */
        public Options {
            if (theme != null && content != null) theme = theme.withPortal(content);
        }

        /** A build that reads unknown fields as errors (every build but {@code beacon check --migrate}). */
        public Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                       Map<String, String> environment, String baseUrl, MirrorOptions mirror) {
            this(content, out, strict, includeDrafts, theme, environment, baseUrl, mirror, false);
        }

        /** A build that does not know the site's public address: no sitemap, relative feed links. */
        public Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                       Map<String, String> environment) {
            this(content, out, strict, includeDrafts, theme, environment, null);
        }

        /** A build that adds nothing for mirrors but the files every build makes (.gz, manifest, build-info). */
        public Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                       Map<String, String> environment, String baseUrl) {
            this(content, out, strict, includeDrafts, theme, environment, baseUrl, MirrorOptions.NONE);
        }
    }

    /**
     * What a build did: its findings, pages written per language, files and bytes, whether it
     * published, and the figures reported after the summary (page weight, search index...).
     */
    public record Result(Problems problems, Map<String, Integer> pagesPerLanguage, int files, long bytes,
                         long millis, boolean published, List<String> notes, Map<String, Long> steps, int rendered,
                         int listPagesRendered, int listPages) {
        public String summary(Path out) {
            StringBuilder line = new StringBuilder(published ? "Built " : "Checked ");
            pagesPerLanguage.forEach((lang, n) -> line.append(n).append(" pages in ").append(lang).append(", "));
            line.append(files).append(" files (").append(bytes / 1024).append(" KiB) in ").append(millis).append(" ms");
            if (published && out != null) line.append(" -> ").append(out);
            return line.toString();
        }

        /**
         * The milliseconds each step took, and how many pages and pages of lists were rendered
         * rather than kept from the build cache, on one line.
         */
        public String timings() {
            StringBuilder line = new StringBuilder("Timings:");
            steps.forEach((step, ms) -> line.append(' ').append(step).append(' ').append(ms).append(" ms,"));
            int pages = pagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum();
            return line.substring(0, line.length() - 1) + "; " + rendered + " of " + pages + " pages and " + listPagesRendered + " of "
                    + listPages + " pages of lists rendered, the others kept";
        }
    }

    final Options options;
    /** Where the build keeps what it makes: the output folder, memory (the live preview), or nowhere (a check). */
    private final Target target;
    /** Gives today's date to the advice an editor reads; never the build's own time (see {@link BuildClock}). */
    private final Clock clock;
    /** {@link #shortcodeTemplates()}, once read. */
    private Map<String, String> shortcodeTemplates;

    public SiteBuilder(Options options) {
        this(options, Clock.systemUTC());
    }

    /** A build whose advice is dated by {@code clock} (unless SOURCE_DATE_EPOCH is set): a test's fixed day. */
    public SiteBuilder(Options options, Clock clock) {
        this(options, clock, null);
    }

    /**
     * A build into {@code memory} (when not null) rather than the output folder: the live preview's.
     * Every step is the same; the site and the caches are kept in memory between builds.
     */
    public SiteBuilder(Options options, Clock clock, Memory memory) {
        this.options = options;
        this.clock = clock;
        this.target = Target.of(options, memory);
    }

    /** What Markdown links can point at in {@code site}, as the build renders them: for a test that renders articles. */
    public static LinkTargets linkTargets(Site site, ContentLoader.Content content) {
        return Pages.linkTargets(site, content);
    }

    /** The day the advice of findings names: SOURCE_DATE_EPOCH's, else the clock's in the site's time zone. */
    LocalDate today(SiteConfig config) {
        return BuildClock.today(options.environment(), config.timezone(), clock);
    }

    public Result build() throws IOException {
        Run run = new Run();
        try (Prefetch side = new Prefetch()) {
            return build(run, side);
        } catch (AccessDeniedException denied) {
            // e.g. the output's parent folder, which holds the lock and staging folder, is another user's
            Path path = Path.of(denied.getFile());
            Path where = Files.exists(path, LinkOption.NOFOLLOW_LINKS) || path.getParent() == null ? path : path.getParent();
            run.problems.error(where.toString(), 0, 0, null, "permission denied: the user running the build cannot write here; nothing was published",
                    "let that user write this folder (e.g. chown it to the user), or choose an --out the user can write");
            return run.failed();
        }
    }

    /**
     * The build, as its steps: settings; the plan (a build of text edits when only pages' text
     * changed, else everything); load; model; then, in a staging folder, pages, lists, the search index and
     * whole-site files, assets and files for mirrors, checks; publish.
     */
    private Result build(Run run, Prefetch side) throws IOException {
        Optional<Started> started = settings(run, side);
        if (started.isEmpty()) return run.failed();
        Optional<Result> edited = edit(run, side, started.get());
        if (edited.isPresent()) return edited.get();
        Started fresh = started.get().restarted(); // the caches as read: nothing the plan given up recorded
        ContentLoader.Content content = load(run, fresh);
        Optional<Model> model = model(run, fresh, content);
        if (model.isEmpty()) return run.failed();
        return staged(run, side, model.get().out(), fresh.stamps(), (publisher, staged) -> {
            BuildCache cache = buildCache(run, fresh, model.get());
            Made made = pages(run, side, model.get(), staged, cache, fresh.pageCache().get());
            lists(run, side, model.get().site(), made, cache, fresh.pageCache().get());
            Map<String, List<String>> searchOrder = SearchIndex.order(model.get().site());
            Map<String, String> searchFiles = searchIndex(run, model.get().site().config(), searchOrder, cache, staged);
            Prefetch.Later<OutputFigures.Figures> figures = siteFiles(run, side, model.get().site(), made.perLanguage(), staged,
                    model.get().mirrorFiles(), cache);
            List<Problem> links = checks(run, model.get(), made, staged);
            cache.putRecord(record(model.get(), made, links, searchOrder, searchFiles));
            return publish(run, side, staged, publisher, cache, figures, made.pagesSaved(), made.perLanguage(), made.rendered());
        }, model.get().scratch());
    }

    /**
     * The build of only the edited pages, when its plan holds ({@link EditPlan}): the same steps,
     * on the changed pages alone, every other file kept as published. Empty when the plan does not
     * hold or its steps give it up (nothing published; the caches as they were read): then the
     * build makes everything.
     */
    private Optional<Result> edit(Run parent, Prefetch side, Started started) throws IOException {
        if (!EditPlan.applies(options, target)) return Optional.empty();
        Run run = parent.attempt();
        Optional<EditPlan> plan = EditPlan.make(options, started, run);
        Result result = plan.isEmpty() ? null : staged(run, side, options.out(), started.stamps(), (publisher, out) -> {
            Optional<Edited> pages = editedPages(run, plan.get(), out);
            if (pages.isEmpty() || !keptLists(run, plan.get(), pages.get().with(), out)) return null;
            Optional<Map<String, String>> searchFiles = editedSearchIndex(run, plan.get(), out);
            if (searchFiles.isEmpty()) return null;
            // Past the last point where the plan may be given up: the build that follows one saves the page cache itself.
            Prefetch.Later<Optional<SideFile.Pending>> pagesSaved = savePageCache(run, side, plan.get().pageCache());
            Map<String, Integer> perLanguage = plan.get().record().pagesPerLanguage();
            Prefetch.Later<OutputFigures.Figures> figures = siteFiles(run, side, plan.get().site(), perLanguage, out,
                    plan.get().mirrorFiles(), plan.get().cache());
            List<Problem> links = editChecks(run, plan.get(), pages.get(), out);
            plan.get().cache().putRecord(plan.get().nextRecord(links, searchFiles.get()));
            return publish(run, side, out, publisher, plan.get().cache(), figures, pagesSaved, perLanguage, pages.get().rendered());
        }, null);
        if (result == null) parent.done("edit build given up");
        return Optional.ofNullable(result);
    }

    /** What the pages step of an edit made: the pages rendered, the changed pages' link findings and files. */
    record Edited(int rendered, Pages.Renderers with, List<Problem> linkProblems, Set<String> editedFiles) {
    }

    /**
     * Keeps every page but the changed ones as published (their findings reported again), and
     * renders the changed ones; empty (the plan is given up) when a kept file is not as published,
     * or a changed page's headings or findings are not what they were.
     */
    private Optional<Edited> editedPages(Run run, EditPlan plan, OutputTree out) {
        Set<String> edited = new HashSet<>();
        plan.changed().forEach(p -> edited.add(p.url()));
        BuildCache cache = plan.cache();
        // A stat of each of ten thousand published pages: on every core.
        if (!cache.previousPages().parallelStream().filter(url -> !edited.contains(url)).allMatch(url -> plan.keep(url, out, run.problems))) {
            return Optional.empty();
        }
        run.done("build cache");
        Pages.Renderers with = new Pages.Renderers(markdown(plan.linkTargets(), plan.inputs()), new ArticleRenderer(
                options.theme().templates(), plan.inputs().texts(), options.theme().inlineStylesheet()), plan::context, new HtmlChecker(), out,
                plan.inputs().placesKey());
        Problems linkProblems = new Problems();
        Set<String> editedFiles = new HashSet<>();
        int rendered = 0;
        for (Page bodiless : plan.changed()) {
            Optional<Boolean> made = editedPage(run, plan, bodiless, with, linkProblems);
            if (made.isEmpty()) return Optional.empty();
            if (made.get()) rendered++;
            editedFiles.add(bodiless.source().display());
        }
        run.done("pages");
        return Optional.of(new Edited(rendered, with, linkProblems.sorted(), editedFiles));
    }

    /**
     * One changed page, kept or rendered as the full build makes an article ({@link Pages#article});
     * its links to headings checked against the previous build's. Whether it was rendered; empty
     * when its file can no longer be read, or its headings or findings changed.
     */
    private static Optional<Boolean> editedPage(Run run, EditPlan plan, Page bodiless, Pages.Renderers with, Problems linkProblems) {
        BuildCache cache = plan.cache();
        Optional<BuildCache.Entry> before = cache.previous(bodiless.url());
        if (before.isEmpty()) return Optional.empty();
        AtomicInteger rendered = new AtomicInteger();
        Optional<BuildCache.Entry> entry = Pages.article(bodiless, with, cache, plan.pageCache(), run.problems, rendered);
        if (entry.isEmpty() || !entry.get().ids().equals(before.get().ids()) || !entry.get().problems().equals(before.get().problems())) {
            return Optional.empty();
        }
        entry.get().problems().forEach(run.problems::add);
        cache.put(bodiless.url(), entry.get());
        Map<String, Set<String>> targets = new HashMap<>();
        for (var link : entry.get().links()) cache.previous(link.targetUrl()).ifPresent(e -> targets.put(link.targetUrl(), e.ids()));
        LinkChecker.checkFragments(bodiless, entry.get().links(), targets, linkProblems);
        return Optional.of(rendered.get() > 0);
    }

    /** Keeps the lists and whole-site files as published (an edit of text changes none); false when one is not. */
    private boolean keptLists(Run run, EditPlan plan, Pages.Renderers with, OutputTree out) {
        BuildCache cache = plan.cache();
        Optional<Lists> lists = cache.lists(cache.previousLists().key()).filter(l -> Pages.keep(l, out, with.htmlChecker()));
        if (lists.isEmpty()) return false;
        cache.putLists(lists.get());
        run.listPages = lists.get().pages().size();
        lists.get().problems().forEach(run.problems::add);
        lists.get().pages().values().forEach(page -> page.problems().forEach(run.problems::add));
        run.done("lists");
        return true;
    }

    /**
     * The findings of the model and of the links between pages as the previous build made them
     * (the changed pages' links checked again), then the HTML of every file written; returns the link findings.
     */
    private List<Problem> editChecks(Run run, EditPlan plan, Edited pages, OutputTree out) {
        LocalDate today = today(plan.site().config());
        plan.record().modelProblems().forEach(p -> run.problems.add(ReviewPolicy.advise(p, today)));
        List<Problem> links = new ArrayList<>(pages.linkProblems());
        plan.record().linkProblems().stream().filter(p -> !pages.editedFiles().contains(p.file())).forEach(links::add);
        links.forEach(run.problems::add);
        pages.with().htmlChecker().finish(out.files(), run.problems);
        run.done("links");
        return links;
    }

    /** What the first step found: the settings, and the side files being read meanwhile. */
    record Started(ContentLoader loader, SiteConfig config, String folder, Prefetch.Later<PageCache> pageCache,
                   Prefetch.Later<BuildCache> buildCache, Prefetch.Later<FileStamps> stamps) {
        /** The caches as they were read: nothing a plan given up recorded in them. */
        Started restarted() throws IOException {
            return new Started(loader, config, folder, Prefetch.done(pageCache.get().restarted()),
                    Prefetch.done(buildCache.get().restarted()), stamps);
        }
    }

    /**
     * Checks the content and output folders and reads site.yaml, while the side files (caches,
     * stamps) are read and git is asked for the last commit on side threads.
     */
    private Optional<Started> settings(Run run, Prefetch side) throws IOException {
        if (!usableFolders(run.problems)) return Optional.empty();
        ContentLoader loader = new ContentLoader(options.content(), options.migrate());
        side.start(loader::commit);
        Optional<SiteConfig> config = loader.loadConfig(run.problems);
        if (config.isEmpty()) return Optional.empty();
        String folder = loader.display(""); // findings in the caches are kept relative to it
        Prefetch.Later<PageCache> pageCache = !target.keeps() || options.migrate() ? Prefetch.done(PageCache.none()) : side.start(() -> PageCache.load(
                target.pageCache(), BuildInputs.parsingKey(options.theme().version(), config.get()), config.get(), loader::sourceOf, folder));
        // git is asked for the commits since the previous build as soon as its commit is known: the folders are walked meanwhile
        side.then(pageCache, cache -> loader.commitsSince(config.get(), cache));
        Prefetch.Later<BuildCache> buildCache = !target.keeps() ? Prefetch.done(BuildCache.empty())
                : side.start(() -> BuildCache.load(target.buildCache(), folder));
        Prefetch.Later<FileStamps> stamps = !target.keeps() ? Prefetch.done(FileStamps.none()) : side.start(target::stamps);
        run.done("settings");
        return Optional.of(new Started(loader, config.get(), folder, pageCache, buildCache, stamps));
    }

    /** Whether the content folder has something in it and the output folder may be written; else a finding. */
    private boolean usableFolders(Problems problems) throws IOException {
        if (!Files.isDirectory(options.content())) {
            problems.error(options.content().toString(), 0, 0, null, "the content folder does not exist",
                    "run Beacon from the portal's repository, or pass --content <folder>");
            return false;
        }
        if (isEmpty(options.content())) {
            problems.error(options.content().toString(), 0, 0, null, "the content folder is empty",
                    "it needs site.yaml and a folder per language with the pages (see docs/content-reference.md)");
            return false;
        }
        Optional<OutputFolder.Refusal> refused = !(target instanceof Target.Folder) ? Optional.empty() : OutputFolder.check(options.out(), BuildInfo.FILE);
        refused.ifPresent(r -> problems.error(options.out().toString(), 0, 0, null, r.message(), r.suggestion()));
        return refused.isEmpty();
    }

    /** Walks the content folder: pages whose files are as the previous build read them come from the page cache. */
    private ContentLoader.Content load(Run run, Started started) throws IOException {
        PageCache pageCache = started.pageCache().get();
        ContentLoader.Content content = started.loader().load(run.problems, started.config(), () -> pageCache);
        run.done("load and page cache");
        return content;
    }

    /** What the model step makes of the content: the site, the inputs, and where the build writes. */
    record Model(ContentLoader.Content content, Site site, BuildInputs inputs, MirrorFiles mirrorFiles, List<Problem> problems,
                 Path out, Path scratch) {
    }

    /**
     * The build time, the files for mirrors, the site model and the inputs record; the model's
     * findings with today's advice. Empty when the build cannot go on.
     */
    private Optional<Model> model(Run run, Started started, ContentLoader.Content content) throws IOException {
        Optional<ContentCommit> commit = started.loader().commit();
        Instant buildTime;
        try {
            buildTime = BuildClock.resolve(options.environment(), content.pages(), content.config().timezone(), commit.map(ContentCommit::time));
        } catch (IllegalArgumentException e) {
            run.problems.error("SOURCE_DATE_EPOCH", 0, 0, null, e.getMessage(), "unset it, or set it to seconds since 1970, e.g. 1790000000");
            return Optional.empty();
        }
        Optional<MirrorFiles> mirrorFiles = MirrorFiles.prepare(options.mirror(), commit, run.problems);
        if (mirrorFiles.isEmpty()) return Optional.empty();
        Problems modelProblems = new Problems(); // kept for a build of text edits, which does not make the model again
        Site site = SiteModel.build(content.config(), content.pages(), content.pageFiles(), content.data(), content.staticFiles(), buildTime,
                options.includeDrafts(), modelProblems).withBaseUrl(options.baseUrl());
        ReviewPolicy.check(site, modelProblems);
        LocalDate today = today(content.config());
        modelProblems.sorted().forEach(p -> run.problems.add(ReviewPolicy.advise(p, today)));
        Optional<BuildInputs> inputs = BuildInputs.of(options, content.config(), content.data(), content.staticFiles(),
                content.pageFiles(), mirrorFiles.get(), commit.isPresent(), run.problems);
        run.done("model");
        if (inputs.isEmpty()) return Optional.empty();
        Path scratch = target instanceof Target.Check ? Files.createTempDirectory("beacon-check") : null;
        return Optional.of(new Model(content, site, inputs.get(), mirrorFiles.get(), modelProblems.sorted(),
                scratch != null ? scratch.resolve("site") : options.out(), scratch));
    }

    /** The build cache when it was made for these inputs and this model, else an empty one. */
    private BuildCache buildCache(Run run, Started started, Model model) throws IOException {
        BuildCache cache = !target.keeps() ? BuildCache.empty()
                : started.buildCache().get().validFor(cacheVersion(model.site(), model.inputs().withoutPlaces()));
        run.done("build cache");
        return cache;
    }

    /** The theme's shortcode templates, read once per build (when a page is rendered: a build that stops before reads none). */
    private Map<String, String> shortcodeTemplates() {
        if (shortcodeTemplates == null) shortcodeTemplates = options.theme().shortcodeTemplates();
        return shortcodeTemplates;
    }

    /** The Markdown renderer of both plans: links checked against {@code targets}, shortcodes as site.yaml says, footnotes named in the texts. */
    private MarkdownRenderer markdown(LinkTargets targets, BuildInputs inputs) {
        Map<String, String> footnoteBack = new HashMap<>();
        inputs.texts().forEach((lang, t) -> footnoteBack.put(lang, t.get("footnote_back")));
        return new MarkdownRenderer(targets, true, new Shortcodes(inputs.settings().shortcodes(), shortcodeTemplates(), options.migrate()),
                footnoteBack);
    }

    /** What the pages step made: pages per language, how many were rendered, their links, the page cache being saved. */
    record Made(Map<String, Integer> perLanguage, int rendered, Map<Page, List<RenderedMarkdown.InternalLink>> links,
                Pages.Renderers with, SiteRenderer renderer, Prefetch.Later<Optional<SideFile.Pending>> pagesSaved) {
    }

    /** Every article, kept as published or rendered again; then the page cache is saved on a side thread. */
    private Made pages(Run run, Prefetch side, Model model, OutputTree out, BuildCache cache, PageCache pageCache) {
        Site site = model.site();
        SiteRenderer renderer = new SiteRenderer(site, options.theme().templates(), model.inputs().texts(), options.theme().inlineStylesheet(),
                model.mirrorFiles().downloads(site.config().languageCodes()), new Alphabets());
        Pages.Renderers with = new Pages.Renderers(markdown(Pages.linkTargets(site, model.content()), model.inputs()), renderer.articles(),
                renderer::context, new HtmlChecker(), out, model.inputs().placesKey());
        AtomicInteger rendered = new AtomicInteger();
        Map<Page, List<RenderedMarkdown.InternalLink>> links = new ConcurrentHashMap<>();
        AllWorkers.forEach(site.pages(), page -> {
            Optional<BuildCache.Entry> entry = Pages.article(page, with, cache, pageCache, run.problems, rendered);
            if (entry.isEmpty()) return;
            entry.get().problems().forEach(run.problems::add);
            links.put(page, entry.get().links());
            cache.put(page.url(), entry.get());
        });
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (String lang : site.config().languageCodes()) perLanguage.put(lang, site.pages(lang).size());
        run.done("pages");
        return new Made(perLanguage, rendered.get(), links, with, renderer, savePageCache(run, side, pageCache));
    }

    /** The lists and whole-site files: kept when every page's facts and the inputs are as they were, else made again. */
    private void lists(Run run, Prefetch side, Site site, Made made, BuildCache cache, PageCache pageCache) throws IOException {
        Pages.Renderers with = made.with();
        String listsKey = Pages.listsKey(site, pageCache, cache, with.placesKey());
        Optional<Lists> kept = cache.lists(listsKey).filter(lists -> Pages.keep(lists, with.out(), with.htmlChecker()));
        Lists lists = kept.isPresent() ? kept.get() : Pages.renderLists(listsKey, site, made.renderer(), with.htmlChecker(), with.out(), side,
                cache, pageCache, run.listPagesRendered);
        cache.putLists(lists);
        run.listPages = lists.pages().size();
        lists.problems().forEach(run.problems::add);
        lists.pages().values().forEach(page -> page.problems().forEach(run.problems::add));
        run.done("lists");
    }

    /**
     * The search index, from what each page's entry in the build cache holds of it ({@link SearchIndex}):
     * the same step in both plans, so an edited page's new words are found at once.
     */
    private static Map<String, String> searchIndex(Run run, SiteConfig config, Map<String, List<String>> order, BuildCache cache,
                                                   OutputTree out) {
        Map<String, String> files = new TreeMap<>();
        for (String file : SearchIndex.write(config, order, cache::search, out)) files.put(file, out.sha256(file));
        run.done("search index");
        return files;
    }

    /**
     * The search index of a build of text edits: only the parts of it whose words the edited pages
     * changed are made again, the others kept as published ({@link SearchIndexEdit}), with the
     * bytes the whole index made again would have; made whole as above when the parts cannot tell.
     * Empty (the plan is given up) when a file to keep is no longer as published.
     */
    private static Optional<Map<String, String>> editedSearchIndex(Run run, EditPlan plan, OutputTree out) {
        BuildCache cache = plan.cache();
        List<SearchIndexEdit.Change> changes = new ArrayList<>();
        for (Page page : plan.changed()) {
            Optional<SearchEntry> before = cache.previous(page.url()).flatMap(BuildCache.Entry::search);
            Optional<SearchEntry> after = cache.search(page.url());
            if (before.isEmpty() || after.isEmpty()) return Optional.of(searchIndex(run, plan.site().config(), plan.record().searchOrder(), cache, out));
            changes.add(new SearchIndexEdit.Change(page.url(), before.get(), after.get()));
        }
        Map<String, String> published = plan.record().searchFiles();
        Optional<SearchIndexEdit.Files> edit = SearchIndexEdit.apply(plan.site().config(), plan.record().searchOrder(), changes,
                published.keySet(), file -> out.published(file, published.get(file)));
        if (edit.isEmpty()) return Optional.of(searchIndex(run, plan.site().config(), plan.record().searchOrder(), cache, out));
        if (!edit.get().kept().stream().allMatch(file -> out.reuse(file, published.get(file)))) return Optional.empty();
        Map<String, String> files = new TreeMap<>();
        edit.get().kept().forEach(file -> files.put(file, published.get(file)));
        edit.get().written().forEach((file, bytes) -> {
            out.write(file, bytes);
            files.put(file, out.sha256(file));
        });
        run.done("search index");
        return Optional.of(files);
    }

    /** The links to headings between pages and in drafts, then the HTML of every file written; returns the link findings. */
    private List<Problem> checks(Run run, Model model, Made made, OutputTree out) {
        Problems linkProblems = new Problems();
        HtmlChecker htmlChecker = made.with().htmlChecker();
        made.links().forEach((page, pageLinks) -> LinkChecker.checkFragments(page, pageLinks, htmlChecker.ids(), linkProblems));
        if (!options.includeDrafts()) Pages.checkDrafts(model.content().pages(), made.with().markdown(), htmlChecker.ids(), linkProblems);
        run.problems.addAll(linkProblems);
        htmlChecker.finish(out.files(), run.problems);
        run.done("links");
        return linkProblems.sorted();
    }

    /** What a build of text edits takes from this one as it was (see {@link SiteRecord}). */
    private SiteRecord record(Model model, Made made, List<Problem> linkProblems, Map<String, List<String>> searchOrder,
                              Map<String, String> searchFiles) {
        Site site = model.site();
        Map<String, String> translations = new HashMap<>();
        site.translations().forEach((url, page) -> translations.put(url, page.source().relative()));
        return new SiteRecord(model.inputs().key(), site.buildTime(),
                site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).map(p -> p.source().relative()).toList(),
                EditPlan.nextAlertChange(model.content().pages(), site.buildTime(), options.includeDrafts()), made.perLanguage(), translations,
                model.problems(), linkProblems, searchOrder, searchFiles);
    }

    /** The steps that write into a staging folder. */
    interface StagedSteps {
        Result run(Publishing publisher, OutputTree staged) throws IOException;
    }

    /**
     * Runs {@code steps} with the output folder {@code out} locked and a staging folder beside it;
     * removes the staging folder when they do not publish (and, after a failure, the page cache
     * written beside the output, once no side thread writes). A busy output folder or a full disk
     * is a finding. {@code scratch}: the temporary folder of a check, removed at the end.
     */
    Result staged(Run run, Prefetch side, Path out, Prefetch.Later<FileStamps> stamps, StagedSteps steps, Path scratch) throws IOException {
        try (Publishing publisher = target.open(out)) {
            OutputTree staged = publisher.stage(stamps.get());
            Result result = null;
            Throwable failure = null;
            try {
                result = steps.run(publisher, staged);
                return result;
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                if (result == null || !result.published()) discard(run, side, publisher, staged, failure);
            }
        } catch (Publisher.Busy busy) {
            run.problems.error(out.toString(), 0, 0, null, busy.getMessage(), "wait until that build has finished, then run this one again");
            return run.failed();
        } catch (UncheckedIOException e) {
            if (!diskFull(e.getCause(), out, run.problems)) throw e;
            return run.failed();
        } catch (IOException e) {
            if (!diskFull(e, out, run.problems)) throw e;
            return run.failed();
        } finally {
            if (scratch != null) Publisher.deleteTree(scratch);
        }
    }

    /**
     * Removes what a build that does not publish wrote: the staging folder, and, when it failed, the
     * page cache written beside the output, once no side thread still writes or reads them. A
     * failure while cleaning up is added to {@code failure}, which stays the one thrown.
     */
    private static void discard(Run run, Prefetch side, Publishing publisher, OutputTree staged, Throwable failure) throws IOException {
        try {
            if (failure != null) {
                side.awaitIdle();
                run.discardPageCaches();
            }
            publisher.discard(staged);
        } catch (IOException | RuntimeException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }

    /**
     * The theme's assets, the static files, the service worker and the files for mirrors: what
     * every build writes after the pages and lists. Returns the figures, measured on a side thread
     * from when every page and its .gz are written, while the manifest is made.
     */
    Prefetch.Later<OutputFigures.Figures> siteFiles(Run run, Prefetch side, Site site, Map<String, Integer> pagesPerLanguage,
                                                    OutputTree out, MirrorFiles mirrorFiles, BuildCache cache) throws IOException {
        options.theme().assets().forEach((address, bytes) -> {
            if (address.endsWith(".css")) {
                HtmlChecker.checkCss("templates/" + address, "the stylesheet", new String(bytes, StandardCharsets.UTF_8), run.problems);
            }
            out.write(address, bytes);
        });
        for (SourceFile file : site.staticFiles()) {
            try {
                out.write(file.relative(), Files.readAllBytes(file.path()));
            } catch (IOException e) {
                run.problems.error(file.display(), 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            }
        }
        Pages.SERVICE_WORKER.write(site, out, run.problems); // after every file the worker may cache: its version is their hash
        run.done("assets and service worker");
        mirrorFiles.write(site, pagesPerLanguage, out, run.problems);
        Prefetch.Later<OutputFigures.Figures> figures = side.start(
                () -> OutputFigures.measure(site, out, Pages.sourcesByFile(site), cache.weights(), run.problems));
        mirrorFiles.list(out, run.problems); // after every other file: it lists and signs them all
        run.done("mirror files");
        return figures;
    }

    /**
     * Starts writing the page cache on a side thread, while the rest of the site is made: it is
     * final once the pages are read and rendered. It is written beside its place, and put there
     * when the build publishes ({@link #publish}).
     */
    Prefetch.Later<Optional<SideFile.Pending>> savePageCache(Run run, Prefetch side, PageCache pageCache) {
        if (!target.keeps()) return Prefetch.done(Optional.empty());
        Prefetch.Later<Optional<SideFile.Pending>> write = side.start(() -> pageCache.write(target.pageCache()));
        run.writingPageCache(write);
        return write;
    }

    /**
     * Saves the stamps of the files while the figures are {@code measured} (each took a one-page
     * edit of 10 000 pages 30 to 50 ms), then, when nothing failed and there is an output folder,
     * publishes {@code staged} while the build cache is saved on a side thread. {@code pagesSaved}:
     * the page cache being written ({@link #savePageCache}), put in place when the build publishes.
     */
    Result publish(Run run, Prefetch side, OutputTree staged, Publishing publisher, BuildCache cache,
                   Prefetch.Later<OutputFigures.Figures> measured, Prefetch.Later<Optional<SideFile.Pending>> pagesSaved,
                   Map<String, Integer> perLanguage, int rendered) throws IOException {
        if (target.keeps()) publisher.saveStamps(staged);
        OutputFigures.Figures figures = measured.get();
        run.done("figures");
        boolean published = false;
        if (!run.problems.failBuild(options.strict()) && target.keeps()) {
            // Saved while the site is published: each cache entry is checked against what it stands for
            // (a page file's state, a published file's hash), so a cache ahead of the site costs only work.
            cache.putWeights(figures.weights());
            Prefetch.Later<Void> cacheSaved = side.run(() -> cache.save(target.buildCache()));
            published = publishSaving(run, staged, publisher, cacheSaved, pagesSaved);
        }
        Optional<SideFile.Pending> pages = pagesSaved.getOr(Optional.empty());
        if (pages.isPresent()) {
            if (published) pages.get().replace();
            else pages.get().discard();
        }
        if (published) run.done("publish and save caches");
        return new Result(run.problems, perLanguage, staged.fileCount(), staged.byteCount(), run.elapsed(), published,
                figures.lines(), run.steps(), rendered, run.listPagesRendered.get(), run.listPages);
    }

    /** Publishes {@code staged} once the caches are saved; a publish that failed (and was rolled back) is a finding. */
    private boolean publishSaving(Run run, OutputTree staged, Publishing publisher, Prefetch.Later<Void> cacheSaved,
                                  Prefetch.Later<Optional<SideFile.Pending>> pagesSaved) throws IOException {
        try {
            publisher.publish(staged);
            return true;
        } catch (Publisher.Failed failed) {
            run.problems.error(options.out().toString(), 0, 0, null, failed.getMessage(),
                    "let the user who runs the build write every folder of " + options.out() + " (e.g. chown -R that user), then build again");
            return false;
        } finally {
            cacheSaved.get();
            pagesSaved.get();
        }
    }

    /**
     * Everything besides a page's own text that its HTML can depend on: the {@link BuildInputs},
     * and what the model makes of the pages' facts: the build date, the alerts in force, every
     * address and translation.
     */
    private static String cacheVersion(Site site, BuildInputs inputs) {
        Map<String, String> urls = new TreeMap<>();
        site.bySource().forEach((source, page) -> urls.put(source, page.url()));
        Map<String, String> translations = new TreeMap<>();
        site.translations().forEach((url, page) -> translations.put(url, page.url()));
        return BuildCache.hash(inputs.key(), site.buildDate(),
                site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).toList(), urls, translations);
    }

    /**
     * Reports a write that failed because the disk of the output is full (or the user's quota is
     * used up) as a finding naming the file, rather than as an internal error; false for any other failure.
     */
    private static boolean diskFull(Throwable failure, Path out, Problems problems) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String reason = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
            if (reason != null && (reason.contains("No space left on device") || reason.contains("Disk quota exceeded"))) {
                Path parent = out.toAbsolutePath().normalize().getParent();
                String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                        ? outputName(Path.of(fs.getFile()), out) : out.toAbsolutePath().normalize().toString();
                problems.error(out.toString(), 0, 0, null, "the disk is full: cannot write " + file + " (" + reason + ")",
                        "free space on the disk of " + parent + ", or build to another folder (--out)");
                return true;
            }
        }
        return false;
    }

    /** A file written in a staging folder beside {@code out}, named as it would be published. */
    private static String outputName(Path file, Path out) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        Path absolute = file.toAbsolutePath().normalize();
        if (parent != null && absolute.startsWith(parent) && absolute.getNameCount() > parent.getNameCount() + 1
                && absolute.getName(parent.getNameCount()).toString().startsWith("." + out.getFileName() + ".staging-")) {
            return out.toAbsolutePath().normalize().resolve(absolute.subpath(parent.getNameCount() + 1, absolute.getNameCount())).toString();
        }
        return absolute.toString();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
