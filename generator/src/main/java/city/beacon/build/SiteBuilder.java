package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.cache.BuildCache.Lists;
import city.beacon.cache.PageCache;
import city.beacon.model.SiteConfig;
import city.beacon.check.HtmlChecker;
import city.beacon.check.LinkChecker;
import city.beacon.findings.Problem;
import city.beacon.check.OutputFigures;
import city.beacon.findings.Problems;
import city.beacon.check.ReviewPolicy;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.mirror.BuildInfo;
import city.beacon.mirror.MirrorFiles;
import city.beacon.mirror.MirrorOptions;
import city.beacon.model.BuildClock;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.model.Urls;
import city.beacon.outputs.AtomFeeds;
import city.beacon.outputs.OpenData;
import city.beacon.outputs.SearchIndex;
import city.beacon.outputs.ServiceWorker;
import city.beacon.outputs.Sitemap;
import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputFolder;
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.SideFile;
import city.beacon.publish.SiteOutput;
import city.beacon.render.Alphabets;
import city.beacon.render.ArticleContext;
import city.beacon.render.ArticleRenderer;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import city.beacon.render.UiText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A build as a short list of named steps: load content, build the model, render and write
 * every page into a staging folder, check, and publish only when nothing failed.
 */
public final class SiteBuilder {

    /** What to build and how. {@code out} null: check only, nothing is published. */
    public record Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                          Map<String, String> environment, String baseUrl, MirrorOptions mirror) {
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
                         long millis, boolean published, List<String> notes, Map<String, Long> steps, int rendered) {
        public String summary(Path out) {
            StringBuilder line = new StringBuilder(published ? "Built " : "Checked ");
            pagesPerLanguage.forEach((lang, n) -> line.append(n).append(" pages in ").append(lang).append(", "));
            line.append(files).append(" files (").append(bytes / 1024).append(" KiB) in ").append(millis).append(" ms");
            if (published && out != null) line.append(" -> ").append(out);
            return line.toString();
        }

        /** The milliseconds each step took, and how many pages were rendered rather than kept from the build cache, on one line. */
        public String timings() {
            StringBuilder line = new StringBuilder("Timings:");
            steps.forEach((step, ms) -> line.append(' ').append(step).append(' ').append(ms).append(" ms,"));
            int pages = pagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum();
            return line.substring(0, line.length() - 1) + "; " + rendered + " of " + pages + " pages rendered, the others kept";
        }
    }

    /** Files made from the whole site, in this order, after the pages; then the service worker and {@link MirrorFiles} (.gz, manifest, signature). */
    private static List<SiteOutput> wholeSite(SearchIndex searchIndex, AtomFeeds feeds, OpenData openData) {
        return List.of(searchIndex, feeds, new Sitemap(), openData);
    }

    private static final List<SiteOutput> OUTPUTS = wholeSite(new SearchIndex(), new AtomFeeds(), new OpenData());
    /** Last of all: its version is a hash of every other file, so it changes with any of them. */
    private static final SiteOutput SERVICE_WORKER = new ServiceWorker();

    final Options options;
    /** The page caches being written beside the output ({@link #savePageCache}): a build that fails discards them. */
    private final java.util.Queue<CompletableFuture<Optional<SideFile.Written>>> pageCacheWrites = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * The files made from the whole site, in build order, for a live preview: new for each one,
     * since its search index, feeds and open data keep what they wrote from one rebuild to the next.
     */
    public static List<SiteOutput> outputs() {
        return Stream.concat(wholeSite(SearchIndex.remembering(), AtomFeeds.remembering(), OpenData.remembering()).stream(),
                Stream.of(new ServiceWorker())).toList();
    }

    /** The day the advice of findings names: SOURCE_DATE_EPOCH's, else the clock's in the site's time zone. */
    LocalDate today(SiteConfig config) {
        return BuildClock.today(options.environment(), config.timezone(), clock);
    }

    /** Gives today's date to the advice an editor reads; never the build's own time (see {@link BuildClock}). */
    private final Clock clock;

    public SiteBuilder(Options options) {
        this(options, Clock.systemUTC());
    }

    /** A build whose advice is dated by {@code clock} (unless SOURCE_DATE_EPOCH is set): a test's fixed day. */
    public SiteBuilder(Options options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public Result build() throws IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        try {
            return build(start, problems);
        } catch (AccessDeniedException denied) {
            // e.g. the output's parent folder, which holds the lock and staging folder, is another user's
            Path path = Path.of(denied.getFile());
            Path where = Files.exists(path, LinkOption.NOFOLLOW_LINKS) || path.getParent() == null ? path : path.getParent();
            problems.error(where.toString(), 0, 0, null, "permission denied: the user running the build cannot write here; nothing was published",
                    "let that user write this folder (e.g. chown it to the user), or choose an --out the user can write");
            return failed(problems, start);
        }
    }

    private Result build(long start, Problems problems) throws IOException {
        Steps steps = new Steps();
        if (!Files.isDirectory(options.content())) {
            problems.error(options.content().toString(), 0, 0, null, "the content folder does not exist",
                    "run Beacon from the portal's repository, or pass --content <folder>");
            return failed(problems, start);
        }
        if (isEmpty(options.content())) {
            problems.error(options.content().toString(), 0, 0, null, "the content folder is empty",
                    "it needs site.yaml and a folder per language with the pages (see docs/content-reference.md)");
            return failed(problems, start);
        }
        if (options.out() != null) {
            Optional<OutputFolder.Refusal> refused = OutputFolder.check(options.out(), BuildInfo.FILE);
            if (refused.isPresent()) {
                problems.error(options.out().toString(), 0, 0, null, refused.get().message(), refused.get().suggestion());
                return failed(problems, start);
            }
        }
        ContentLoader loader = new ContentLoader(options.content());
        // The side files are read on threads of their own while the content folders are walked (the
        // build cache's version is known only once the content is loaded), and saved while the site is
        // published; git is asked for the last commit meanwhile too. The threads end once idle.
        ThreadPoolExecutor sideFiles = new ThreadPoolExecutor(3, 3, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon -> {
            Thread thread = new Thread(daemon, "beacon-side-files");
            thread.setDaemon(true);
            return thread;
        });
        sideFiles.allowCoreThreadTimeOut(true);
        sideFiles.execute(loader::commit);
        Optional<SiteConfig> config = loader.loadConfig(problems);
        if (config.isEmpty()) return failed(problems, start);
        String folder = loader.display(""); // findings in the caches are kept relative to it
        CompletableFuture<PageCache> pageCacheRead = options.out() == null ? CompletableFuture.completedFuture(PageCache.none())
                : CompletableFuture.supplyAsync(() -> PageCache.load(PageCache.fileFor(options.out()),
                BuildCache.hash(options.theme().version(), config.get()), config.get(), loader::sourceOf, folder), sideFiles);
        // git is asked for the commits since the previous build as soon as its commit is known: the
        // folders are walked meanwhile, and the dates are needed only once they are.
        pageCacheRead.thenAcceptAsync(cache -> loader.commitsSince(config.get(), cache), sideFiles);
        CompletableFuture<BuildCache> previousCache = options.out() == null ? CompletableFuture.completedFuture(BuildCache.empty())
                : CompletableFuture.supplyAsync(() -> BuildCache.load(BuildCache.fileFor(options.out()), folder), sideFiles);
        CompletableFuture<FileStamps> stamps = options.out() == null ? CompletableFuture.completedFuture(FileStamps.none())
                : CompletableFuture.supplyAsync(() -> FileStamps.load(FileStamps.fileFor(options.out())), sideFiles);
        steps.done("settings");
        if (EditBuild.applies(options)) {
            // Only the text of some pages changed, most often: the site is taken as the previous build left it
            // and those pages alone are rendered. Anything else, found on the way, is a full build.
            Optional<Result> edit = new EditBuild(this, loader, config.get(), pageCacheRead, previousCache, stamps, sideFiles, steps, start).build();
            if (edit.isPresent()) return edit.get();
            steps.done("edit build given up");
            pageCacheRead = CompletableFuture.completedFuture(PageCache.load(PageCache.fileFor(options.out()),
                    BuildCache.hash(options.theme().version(), config.get()), config.get(), loader::sourceOf, folder));
            previousCache = CompletableFuture.completedFuture(BuildCache.load(BuildCache.fileFor(options.out()), folder));
        }
        ContentLoader.Content content = loader.load(problems, config.get(), pageCacheRead::join);
        PageCache pageCache = pageCacheRead.join();
        steps.done("load and page cache");

        Optional<ContentCommit> commit = loader.commit();
        Instant buildTime;
        try {
            buildTime = BuildClock.resolve(options.environment(), content.pages(), content.config().timezone(),
                    commit.map(ContentCommit::time));
        } catch (IllegalArgumentException e) {
            problems.error("SOURCE_DATE_EPOCH", 0, 0, null, e.getMessage(), "unset it, or set it to seconds since 1970, e.g. 1790000000");
            return failed(problems, start);
        }
        Optional<MirrorFiles> mirrorFiles = MirrorFiles.prepare(options.mirror(), commit, problems);
        if (mirrorFiles.isEmpty()) return failed(problems, start);
        Problems modelProblems = new Problems(); // kept for a build of text edits, which does not make the model again
        Site site = SiteModel.build(content.config(), content.pages(), content.pageFiles(), content.data(), content.staticFiles(), buildTime,
                options.includeDrafts(), modelProblems).withBaseUrl(options.baseUrl());
        ReviewPolicy.check(site, modelProblems);
        LocalDate today = today(content.config());
        modelProblems.sorted().forEach(p -> problems.add(ReviewPolicy.advise(p, today)));
        Map<String, UiText> texts = options.theme().texts(content.config().languageCodes(), problems);
        steps.done("model");
        if (texts.size() < content.config().languageCodes().size()) {
            return failed(problems, start);
        }

        Path scratch = options.out() == null ? Files.createTempDirectory("beacon-check") : null;
        Path out = scratch != null ? scratch.resolve("site") : options.out();
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage(stamps.join());
            BuildCache cache = options.out() == null ? BuildCache.empty()
                    : previousCache.join().validFor(cacheVersion(site, texts, content, mirrorFiles.get()));
            boolean published = false;
            Throwable failure = null;
            steps.done("build cache");
            try {
                AtomicInteger rendered = new AtomicInteger();
                Problems linkProblems = new Problems();
                Rendered made = render(site, texts, content, staged, mirrorFiles.get(), cache, pageCache, sideFiles, problems,
                        linkProblems, steps, rendered);
                Map<String, Integer> perLanguage = made.pagesPerLanguage();
                Map<String, String> translations = new java.util.HashMap<>();
                site.translations().forEach((url, page) -> translations.put(url, page.source().relative()));
                cache.putRecord(new BuildCache.SiteRecord(EditBuild.inputs(options, content.config(), content.data(), texts,
                        content.staticFiles(), content.pageFiles(), mirrorFiles.get(), commit.isPresent()), buildTime,
                        site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).map(p -> p.source().relative()).toList(),
                        EditBuild.nextAlertChange(content.pages(), buildTime), perLanguage, translations, modelProblems.sorted(),
                        linkProblems.sorted()));
                Outcome outcome = publish(staged, publisher, cache, made.figures(), made.pagesSaved(), sideFiles, problems, steps);
                published = outcome.published();
                return new Result(problems, perLanguage, staged.fileCount(), staged.byteCount(), elapsed(start), published,
                        outcome.notes(), steps.millis(), rendered.get());
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                if (!published) discard(publisher, staged, sideFiles, failure);
            }
        } catch (Publisher.Busy busy) {
            problems.error(out.toString(), 0, 0, null, busy.getMessage(), "wait until that build has finished, then run this one again");
            return failed(problems, start);
        } catch (UncheckedIOException e) {
            if (!diskFull(e.getCause(), out, problems)) throw e;
            return failed(problems, start);
        } catch (IOException e) {
            if (!diskFull(e, out, problems)) throw e;
            return failed(problems, start);
        } finally {
            if (scratch != null) Publisher.deleteTree(scratch);
        }
    }

    /**
     * Removes what a build that does not publish wrote: the staging folder, and, when it failed, the
     * page cache written beside the output. After a failure, first waits until no side thread still
     * writes or reads them. A failure while cleaning up is added to {@code failure}, which stays the one thrown.
     */
    private void discard(Publisher publisher, OutputTree staged, ThreadPoolExecutor sideFiles, Throwable failure) throws IOException {
        try {
            if (failure != null) {
                sideFiles.shutdown();
                if (!sideFiles.awaitTermination(1, TimeUnit.MINUTES)) throw new IOException("the build's side threads did not stop");
                for (CompletableFuture<Optional<SideFile.Written>> write : pageCacheWrites) {
                    Optional<SideFile.Written> written = write.exceptionally(e -> Optional.empty()).join();
                    if (written.isPresent()) written.get().discard();
                }
            }
            publisher.discard(staged);
        } catch (IOException | RuntimeException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (failure == null) throw new java.io.InterruptedIOException("interrupted while removing " + staged.root());
            failure.addSuppressed(e);
        }
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

    /**
     * Everything besides a page's own text that its HTML can depend on: the generator and theme,
     * the settings, shared data, interface text, build time, active alerts, every address.
     */
    private String cacheVersion(Site site, Map<String, UiText> texts, ContentLoader.Content content, MirrorFiles mirrorFiles) {
        Map<String, String> urls = new TreeMap<>();
        site.bySource().forEach((source, page) -> urls.put(source, page.url()));
        Map<String, String> translations = new TreeMap<>();
        site.translations().forEach((url, page) -> translations.put(url, page.url()));
        return BuildCache.hash(options.theme().version(), site.config(), site.data(), texts, site.buildDate(),
                site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).toList(), urls, translations,
                site.staticFiles().stream().map(SourceFile::relative).toList(), content.pageFiles(), mirrorFiles.downloads());
    }

    /** What rendering leaves the publish: the pages per language, and the page cache and figures being saved and measured on side threads. */
    private record Rendered(Map<String, Integer> pagesPerLanguage, CompletableFuture<Optional<SideFile.Written>> pagesSaved,
                            CompletableFuture<OutputFigures.Figures> figures) {
    }

    private Rendered render(Site site, Map<String, UiText> texts, ContentLoader.Content content, OutputTree out, MirrorFiles mirrorFiles,
                            BuildCache cache, PageCache pageCache, ThreadPoolExecutor sideFiles, Problems problems, Problems linkProblems,
                            Steps steps, AtomicInteger rendered) throws IOException {
        SiteRenderer renderer = new SiteRenderer(site, options.theme().templates(), texts,
                options.theme().inlineStylesheet(), mirrorFiles.downloads(), new Alphabets());
        MarkdownRenderer markdown = new MarkdownRenderer(linkTargets(site, content), true);
        HtmlChecker htmlChecker = new HtmlChecker();
        Map<Page, List<RenderedMarkdown.InternalLink>> links = new ConcurrentHashMap<>();
        AllWorkers.forEach(site.pages(), page -> {
            Optional<BuildCache.Entry> entry = article(page, markdown, renderer, htmlChecker, out, cache, pageCache, problems, rendered);
            if (entry.isEmpty()) return;
            entry.get().problems().forEach(problems::add);
            links.put(page, entry.get().links());
            cache.put(page.url(), entry.get());
        });
        steps.done("pages");
        CompletableFuture<Optional<SideFile.Written>> pagesSaved = savePageCache(pageCache, sideFiles);
        String listsKey = listsKey(site, pageCache, cache);
        Optional<Lists> kept = cache.lists(listsKey).filter(lists -> keep(lists, out, htmlChecker));
        Lists lists = kept.orElseGet(() -> renderLists(listsKey, site, renderer, htmlChecker, out));
        cache.putLists(lists);
        lists.problems().forEach(problems::add);
        lists.pages().values().forEach(page -> page.problems().forEach(problems::add));
        steps.done("lists");
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (String lang : site.config().languageCodes()) perLanguage.put(lang, site.pages(lang).size());
        CompletableFuture<OutputFigures.Figures> figures = siteFiles(site, perLanguage, out, mirrorFiles, cache, sideFiles, problems, steps);
        links.forEach((page, pageLinks) -> LinkChecker.checkFragments(page, pageLinks, htmlChecker.ids(), linkProblems));
        checkDrafts(content.pages(), markdown, htmlChecker.ids(), linkProblems);
        problems.addAll(linkProblems);
        htmlChecker.finish(out.files(), problems);
        steps.done("links");
        return new Rendered(perLanguage, pagesSaved, figures);
    }

    /**
     * Checks the text of every draft as if it were published, since every page 'beacon new' writes is
     * one: its findings (a broken link, a missing heading) are warnings, "in a draft", at their lines.
     * Kept with the link findings, so a build of text edits reports them too (editing a draft makes a full build).
     */
    private static void checkDrafts(List<Page> pages, MarkdownRenderer markdown, Map<String, Set<String>> ids, Problems linkProblems) {
        for (Page bodiless : pages) {
            if (!bodiless.draft()) continue;
            Problems found = new Problems();
            Optional<Page> page = ContentLoader.withBody(bodiless, found);
            if (page.isPresent()) {
                RenderedMarkdown text = markdown.render(page.get(), found);
                LinkChecker.checkFragments(page.get(), text.links(), ids, found);
            }
            for (Problem p : found.sorted()) {
                linkProblems.warning(p.file(), p.line(), p.column(), p.field(), "in a draft, " + p.message(), p.suggestion());
            }
        }
    }

    /**
     * The theme's assets, the static files, the service worker and the files for mirrors: what
     * every build writes after the pages. Returns the figures, measured on a side thread from when
     * every page and its .gz are written, while the manifest is made.
     */
    CompletableFuture<OutputFigures.Figures> siteFiles(Site site, Map<String, Integer> pagesPerLanguage, OutputTree out,
                                                       MirrorFiles mirrorFiles, BuildCache cache, ThreadPoolExecutor sideFiles,
                                                       Problems problems, Steps steps) throws IOException {
        options.theme().assets().forEach((address, bytes) -> {
            if (address.endsWith(".css")) {
                HtmlChecker.checkCss("templates/" + address, "the stylesheet", new String(bytes, StandardCharsets.UTF_8), problems);
            }
            out.write(address, bytes);
        });
        for (SourceFile file : site.staticFiles()) {
            try {
                out.write(file.relative(), Files.readAllBytes(file.path()));
            } catch (IOException e) {
                problems.error(file.display(), 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            }
        }
        SERVICE_WORKER.write(site, out, problems); // after every file the worker may cache: its version is their hash
        steps.done("assets and service worker");
        mirrorFiles.write(site, pagesPerLanguage, out, problems);
        CompletableFuture<OutputFigures.Figures> figures = CompletableFuture.supplyAsync(
                () -> OutputFigures.measure(site, out, sourcesByFile(site), cache.weights(), problems), sideFiles);
        mirrorFiles.list(out, problems); // after every other file: it lists and signs them all
        steps.done("mirror files");
        return figures;
    }

    /**
     * Starts writing the page cache on a side thread, while the rest of the site is made: it is
     * final once the pages are read and rendered. It is written beside its place, and put there
     * when the build publishes ({@link #publish}).
     */
    CompletableFuture<Optional<SideFile.Written>> savePageCache(PageCache pageCache, ThreadPoolExecutor sideFiles) {
        if (options.out() == null) return CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Optional<SideFile.Written>> write = CompletableFuture.supplyAsync(() -> {
            try {
                return pageCache.write(PageCache.fileFor(options.out()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, sideFiles);
        pageCacheWrites.add(write);
        return write;
    }

    /** Whether the build published, and the figures to print after its summary. */
    record Outcome(boolean published, List<String> notes) {
    }

    /**
     * Saves the stamps of the files while the figures are {@code measured} (each took a one-page
     * edit of 10 000 pages 30 to 50 ms), then, when nothing failed and there is an output folder,
     * publishes {@code staged} while the build cache is saved on a side thread. {@code pagesSaved}:
     * the page cache being written ({@link #savePageCache}), put in place when the build publishes.
     */
    Outcome publish(OutputTree staged, Publisher publisher, BuildCache cache, CompletableFuture<OutputFigures.Figures> measured,
                    CompletableFuture<Optional<SideFile.Written>> pagesSaved, ThreadPoolExecutor sideFiles, Problems problems,
                    Steps steps) throws IOException {
        if (options.out() != null) publisher.saveStamps(staged);
        OutputFigures.Figures figures = joinUnwrapped(measured);
        steps.done("figures");
        if (problems.failBuild(options.strict()) || options.out() == null) {
            Optional<SideFile.Written> pages = pagesSaved.exceptionally(e -> Optional.empty()).join();
            if (pages.isPresent()) pages.get().discard();
            return new Outcome(false, figures.lines());
        }
        // Saved while the site is published: each cache entry is checked against what it stands for
        // (a page file's state, a published file's hash), so a cache ahead of the site costs only work.
        cache.putWeights(figures.weights());
        CompletableFuture<Void> cacheSaved = CompletableFuture.runAsync(() -> save(cache::save, BuildCache.fileFor(options.out())), sideFiles);
        try {
            publisher.publish(staged);
        } catch (Publisher.Failed failed) {
            awaitSaves(pagesSaved, cacheSaved);
            Optional<SideFile.Written> pages = pagesSaved.join();
            if (pages.isPresent()) pages.get().discard();
            problems.error(options.out().toString(), 0, 0, null, failed.getMessage(),
                    "let the user who runs the build write every folder of " + options.out() + " (e.g. chown -R that user), then build again");
            return new Outcome(false, figures.lines());
        }
        awaitSaves(pagesSaved, cacheSaved);
        Optional<SideFile.Written> pages = pagesSaved.join();
        if (pages.isPresent()) pages.get().replace();
        steps.done("publish and save caches");
        return new Outcome(true, figures.lines());
    }

    /**
     * One page written in Markdown: kept as published when nothing it depends on changed (then
     * its file is not even read), else read, rendered, checked and written. Empty when its file
     * can no longer be read.
     */
    private static Optional<BuildCache.Entry> article(Page bodiless, MarkdownRenderer markdown, SiteRenderer renderer,
                                                      HtmlChecker htmlChecker, OutputTree out, BuildCache cache,
                                                      PageCache pageCache, Problems problems, AtomicInteger rendered) {
        String relative = bodiless.source().relative();
        Optional<String> knownKey = pageCache.current(relative).map(PageCache.Entry::articleKey);
        Optional<BuildCache.Entry> kept = knownKey.flatMap(key -> keptArticle(bodiless, key, out, cache));
        if (kept.isEmpty()) {
            Optional<Page> read = ContentLoader.withBody(bodiless, problems); // gone when the page is written
            if (read.isEmpty()) return Optional.empty();
            Page page = read.get();
            // The page is its facts and its text: hashing the facts' key with the text is hashing it all, for less.
            String key = pageCache.current(relative).map(e -> BuildCache.hash(e.factsKey(), page.body()))
                    .orElseGet(() -> BuildCache.hash(page));
            pageCache.putArticleKey(relative, key);
            kept = keptArticle(page, key, out, cache);
            if (kept.isEmpty()) {
                rendered.incrementAndGet();
                return Optional.of(renderArticle(renderer.context(page), key, markdown, renderer.articles(), htmlChecker, out));
            }
        }
        htmlChecker.kept(bodiless.url(), kept.get().ids());
        return kept;
    }

    static Optional<BuildCache.Entry> keptArticle(Page page, String key, OutputTree out, BuildCache cache) {
        return cache.reusable(page.url(), key).filter(e -> out.reuse(Urls.file(page.url()), e.sha256()));
    }

    /**
     * A key of everything the lists and the files made from the whole site show: the site-wide
     * inputs and every page's facts (not their text).
     */
    private static String listsKey(Site site, PageCache pageCache, BuildCache cache) {
        StringBuilder facts = new StringBuilder(cache.version());
        for (Page page : site.pages()) {
            facts.append('\n').append(page.source().relative()).append(' ')
                    .append(pageCache.current(page.source().relative()).map(PageCache.Entry::factsKey).orElse("?"));
        }
        return BuildCache.hash(facts.toString());
    }

    /** Keeps the files the previous build made from the whole site, when every one is still published as it was. */
    static boolean keep(Lists lists, OutputTree out, HtmlChecker htmlChecker) {
        for (Map.Entry<String, BuildCache.Entry> page : lists.pages().entrySet()) {
            if (!out.reuse(Urls.file(page.getKey()), page.getValue().sha256())) return false;
        }
        for (Map.Entry<String, String> file : lists.files().entrySet()) {
            if (!out.reuse(file.getKey(), file.getValue())) return false;
        }
        lists.pages().forEach((address, entry) -> htmlChecker.kept(address, entry.ids()));
        return true;
    }

    /** Renders the lists and writes the files made from the whole site; what they are is kept for the next build. */
    private Lists renderLists(String key, Site site, SiteRenderer renderer, HtmlChecker htmlChecker, OutputTree out) {
        Set<String> before = Set.copyOf(out.files());
        // The whole-site files are made one after another on a thread of their own, beside the list
        // pages: alone they kept one core of two idle for a second at 10 000 pages.
        Problems found = new Problems();
        CompletableFuture<Void> wholeSite = CompletableFuture.runAsync(() -> {
            for (SiteOutput output : OUTPUTS) output.write(site, out, found);
        });
        Map<String, BuildCache.Entry> pages = new ConcurrentHashMap<>();
        try {
            AllWorkers.forEach(renderer.generatedPages(), g -> {
                Problems pageFound = new Problems();
                String html = g.html();
                htmlChecker.page(g.url(), null, html, Set.of(), pageFound);
                out.write(g.url(), html);
                pages.put(g.url(), new BuildCache.Entry(key, out.sha256(Urls.file(g.url())), htmlChecker.ids(g.url()), List.of(), pageFound.sorted()));
            });
        } finally { // even when a list page failed: nothing may still be writing when the staging folder is removed
            joinUnwrapped(wholeSite);
        }
        Set<String> listFiles = pages.keySet().stream().map(Urls::file).collect(java.util.stream.Collectors.toSet());
        Map<String, String> files = new TreeMap<>();
        for (String file : out.files()) if (!before.contains(file) && !listFiles.contains(file)) files.put(file, out.sha256(file));
        return new Lists(key, Map.copyOf(pages), files, found.sorted());
    }

    /** Renders, checks and writes one page written in Markdown, with what the cache keeps to skip it next time. */
    static BuildCache.Entry renderArticle(ArticleContext context, String key, MarkdownRenderer markdown, ArticleRenderer articles,
                                                  HtmlChecker htmlChecker, OutputTree out) {
        Page page = context.page();
        Problems found = new Problems();
        RenderedMarkdown body = markdown.render(page, found);
        SiteRenderer.Article article = articles.articleParts(context, body.html());
        String html = article.html();
        if (body.tags().isPresent()) {
            htmlChecker.article(page.url(), page.source().display(), article.layout(), body.tags().get(), body.checkedHrefs(), found);
        } else {
            htmlChecker.page(page.url(), page.source().display(), html, body.checkedHrefs(), found);
        }
        out.write(page.url(), html);
        return new BuildCache.Entry(key, out.sha256(Urls.file(page.url())), htmlChecker.ids(page.url()), body.links(), found.sorted());
    }

    /** The file an editor wrote for each written page file, so that findings about a page name it. */
    private static Map<String, String> sourcesByFile(Site site) {
        Map<String, String> sources = new java.util.HashMap<>();
        site.pages().forEach(p -> sources.put(Urls.file(p.url()), p.source().display()));
        return sources;
    }

    /** What Markdown links can point at in {@code site}: shared by the build and the live preview. */
    public static LinkTargets linkTargets(Site site, ContentLoader.Content content) {
        Map<String, String> urls = new java.util.HashMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        site.staticFiles().forEach(f -> urls.put(f.relative(), f.relative()));
        Set<String> all = new HashSet<>(content.pageFiles());
        all.addAll(urls.keySet());
        Set<String> read = new HashSet<>();
        content.pages().forEach(p -> read.add(p.source().relative()));
        return new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                return Optional.ofNullable(urls.get(java.text.Normalizer.normalize(contentPath, java.text.Normalizer.Form.NFC)));
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return read.contains(contentPath) && !urls.containsKey(contentPath);
            }

            @Override
            public boolean isUnreadable(String contentPath) {
                return content.pageFiles().contains(contentPath) && !read.contains(contentPath);
            }

            @Override
            public Collection<String> knownPaths() {
                return all;
            }
        };
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private interface Save {
        void to(Path file) throws IOException;
    }

    /** Waits for {@code work}; what it threw is thrown as it was, not wrapped. */
    private static <T> T joinUnwrapped(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private static void awaitSaves(CompletableFuture<?>... saves) throws IOException {
        try {
            joinUnwrapped(CompletableFuture.allOf(saves));
        } catch (UncheckedIOException io) {
            throw io.getCause();
        }
    }

    private static void save(Save save, Path file) {
        try {
            save.to(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build that stopped before writing anything: only its findings matter. */
    static Result failed(Problems problems, long start) {
        return new Result(problems, Map.of(), 0, 0, elapsed(start), false, List.of(), Map.of(), 0);
    }

    static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
