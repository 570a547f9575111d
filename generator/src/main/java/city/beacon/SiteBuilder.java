package city.beacon;

import city.beacon.cache.BuildCache;
import city.beacon.check.HtmlChecker;
import city.beacon.check.LinkChecker;
import city.beacon.check.OutputFigures;
import city.beacon.check.Problems;
import city.beacon.check.ReviewPolicy;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
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
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.SiteOutput;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import city.beacon.render.UiText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
                         long millis, boolean published, List<String> notes) {
        public String summary(Path out) {
            StringBuilder line = new StringBuilder(published ? "Built " : "Checked ");
            pagesPerLanguage.forEach((lang, n) -> line.append(n).append(" pages in ").append(lang).append(", "));
            line.append(files).append(" files (").append(bytes / 1024).append(" KiB) in ").append(millis).append(" ms");
            if (published && out != null) line.append(" -> ").append(out);
            return line.toString();
        }
    }

    /** Files made from the whole site, in this order, after the pages; then {@link MirrorFiles} (.gz, manifest, signature). */
    private static final List<SiteOutput> OUTPUTS = List.of(new SearchIndex(), new AtomFeeds(), new Sitemap(),
            new OpenData(), new ServiceWorker());

    private final Options options;

    /** The files made from the whole site, in build order: the live preview makes them too. */
    public static List<SiteOutput> outputs() {
        return OUTPUTS;
    }

    public SiteBuilder(Options options) {
        this.options = options;
    }

    public Result build() throws IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
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
        Optional<ContentLoader.Content> loaded = new ContentLoader(options.content()).load(problems, false);
        if (loaded.isEmpty()) return failed(problems, start);
        ContentLoader.Content content = loaded.get();

        Optional<ContentCommit> commit = ContentCommit.of(options.content());
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
        Site site = SiteModel.build(content.config(), content.pages(), content.pageFiles(), content.data(), content.staticFiles(), buildTime,
                options.includeDrafts(), problems).withBaseUrl(options.baseUrl());
        ReviewPolicy.check(site, problems);
        Map<String, UiText> texts = options.theme().texts(content.config().languageCodes(), problems);
        if (texts.size() < content.config().languageCodes().size()) {
            return failed(problems, start);
        }

        Path scratch = options.out() == null ? Files.createTempDirectory("beacon-check") : null;
        Path out = scratch != null ? scratch.resolve("site") : options.out();
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            BuildCache cache = options.out() == null ? BuildCache.empty()
                    : BuildCache.load(BuildCache.fileFor(options.out()), cacheVersion(site, texts, content, mirrorFiles.get()));
            boolean published = false;
            try {
                Map<String, Integer> perLanguage = render(site, texts, content, staged, mirrorFiles.get(), cache, problems);
                List<String> notes = OutputFigures.measure(site, staged, sourcesByFile(site), problems);
                if (!problems.failBuild(options.strict()) && options.out() != null) {
                    publisher.publish(staged);
                    published = true;
                    cache.save(BuildCache.fileFor(options.out()));
                }
                return new Result(problems, perLanguage, staged.fileCount(), staged.byteCount(), elapsed(start), published, notes);
            } finally {
                if (!published) publisher.discard(staged);
            }
        } catch (Publisher.Busy busy) {
            problems.error(out.toString(), 0, 0, null, busy.getMessage(), "wait until that build has finished, then run this one again");
            return failed(problems, start);
        } finally {
            if (scratch != null) Publisher.deleteTree(scratch);
        }
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
        return BuildCache.hash(options.theme().version(), site.config(), site.data(), texts, site.buildTime(),
                site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).toList(), urls, translations,
                site.staticFiles().stream().map(SourceFile::relative).toList(), content.pageFiles(), mirrorFiles.downloads());
    }

    private Map<String, Integer> render(Site site, Map<String, UiText> texts, ContentLoader.Content content,
                                        OutputTree out, MirrorFiles mirrorFiles, BuildCache cache, Problems problems)
            throws IOException {
        SiteRenderer renderer = new SiteRenderer(site, options.theme().templates(), texts,
                options.theme().inlineStylesheet(), mirrorFiles.downloads());
        MarkdownRenderer markdown = new MarkdownRenderer(linkTargets(site, content));
        HtmlChecker htmlChecker = new HtmlChecker();
        Map<Page, List<RenderedMarkdown.InternalLink>> links = new ConcurrentHashMap<>();
        site.pages().parallelStream().forEach(bodiless -> {
            Optional<Page> read = ContentLoader.withBody(bodiless, problems); // gone when the page is written
            if (read.isEmpty()) return;
            Page page = read.get();
            String key = BuildCache.hash(page);
            Optional<BuildCache.Entry> previous = cache.reusable(page.url(), key);
            BuildCache.Entry entry;
            if (previous.isPresent() && out.reuse(Urls.file(page.url()))) {
                entry = previous.get();
                htmlChecker.kept(page.url(), entry.ids());
            } else {
                entry = renderArticle(page, key, markdown, renderer, htmlChecker, out);
            }
            entry.problems().forEach(problems::add);
            links.put(bodiless, entry.links());
            cache.put(page.url(), entry);
        });
        renderer.generatedPages().parallelStream().forEach(g -> {
            String html = g.html().get();
            htmlChecker.page(g.url(), null, html, Set.of(), problems);
            out.write(g.url(), html);
        });
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
        for (SiteOutput output : OUTPUTS) output.write(site, out, problems);
        mirrorFiles.write(site, out, problems); // after every other file: it lists and signs them all
        links.forEach((page, pageLinks) -> LinkChecker.checkFragments(page, pageLinks, htmlChecker.ids(), problems));
        htmlChecker.finish(out.files(), problems);
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (String lang : site.config().languageCodes()) perLanguage.put(lang, site.pages(lang).size());
        return perLanguage;
    }

    /** Renders, checks and writes one page written in Markdown, with what the cache keeps to skip it next time. */
    private static BuildCache.Entry renderArticle(Page page, String key, MarkdownRenderer markdown, SiteRenderer renderer,
                                                  HtmlChecker htmlChecker, OutputTree out) {
        Problems found = new Problems();
        RenderedMarkdown body = markdown.render(page, found);
        String html = renderer.article(page, body.html());
        htmlChecker.page(page.url(), page.source().display(), html, body.checkedHrefs(), found);
        out.write(page.url(), html);
        return new BuildCache.Entry(key, htmlChecker.ids(page.url()), body.links(), found.sorted());
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

    /** A build that stopped before writing anything: only its findings matter. */
    private static Result failed(Problems problems, long start) {
        return new Result(problems, Map.of(), 0, 0, elapsed(start), false, List.of());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
