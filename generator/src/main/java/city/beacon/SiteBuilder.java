package city.beacon;

import city.beacon.check.HtmlIds;
import city.beacon.check.LinkChecker;
import city.beacon.check.Problems;
import city.beacon.content.ContentCommit;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.mirror.MirrorFiles;
import city.beacon.mirror.MirrorOptions;
import city.beacon.model.BuildClock;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.SiteOutput;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import city.beacon.render.UiText;

import java.io.IOException;
import java.nio.file.Files;
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

/**
 * A build as a short list of named steps: load content, build the model, render and write
 * every page into a staging folder, check, and publish only when nothing failed.
 */
public final class SiteBuilder {

    /** What to build and how. {@code out} null: check only, nothing is published. */
    public record Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                          Map<String, String> environment, MirrorOptions mirror) {
        public Options(Path content, Path out, boolean strict, boolean includeDrafts, Theme theme,
                       Map<String, String> environment) {
            this(content, out, strict, includeDrafts, theme, environment, MirrorOptions.NONE);
        }
    }

    /** What a build did: its findings, pages written per language, files and bytes, and whether it published. */
    public record Result(Problems problems, Map<String, Integer> pagesPerLanguage, int files, long bytes,
                         long millis, boolean published) {
        public String summary(Path out) {
            StringBuilder line = new StringBuilder(published ? "Built " : "Checked ");
            pagesPerLanguage.forEach((lang, n) -> line.append(n).append(" pages in ").append(lang).append(", "));
            line.append(files).append(" files (").append(bytes / 1024).append(" KiB) in ").append(millis).append(" ms");
            if (published && out != null) line.append(" -> ").append(out);
            return line.toString();
        }
    }

    /** Files made from the whole site, in this order, after the pages (feeds, search index...); then MirrorFiles (.gz, manifest). */
    private static final List<SiteOutput> OUTPUTS = List.of();

    private final Options options;

    public SiteBuilder(Options options) {
        this.options = options;
    }

    public Result build() throws IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        if (!Files.isDirectory(options.content())) {
            problems.error(options.content().toString(), 0, 0, null, "the content folder does not exist",
                    "run Beacon from the portal's repository, or pass --content <folder>");
            return new Result(problems, Map.of(), 0, 0, elapsed(start), false);
        }
        Optional<ContentLoader.Content> loaded = new ContentLoader(options.content()).load(problems);
        if (loaded.isEmpty()) return new Result(problems, Map.of(), 0, 0, elapsed(start), false);
        ContentLoader.Content content = loaded.get();

        Optional<ContentCommit> commit = ContentCommit.of(options.content());
        Instant buildTime = BuildClock.resolve(options.environment(), content.pages(), content.config().timezone(),
                commit.map(ContentCommit::time));
        Optional<MirrorFiles> mirrorFiles = MirrorFiles.prepare(options.mirror(), commit, problems);
        if (mirrorFiles.isEmpty()) return new Result(problems, Map.of(), 0, 0, elapsed(start), false);
        Site site = SiteModel.build(content.config(), content.pages(), content.pageFiles(), content.data(), content.staticFiles(), buildTime,
                options.includeDrafts(), problems);
        Map<String, UiText> texts = options.theme().texts(content.config().languageCodes(), problems);
        if (texts.size() < content.config().languageCodes().size()) {
            return new Result(problems, Map.of(), 0, 0, elapsed(start), false);
        }

        Path out = options.out() != null ? options.out() : Files.createTempDirectory("beacon-check").resolve("site");
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            boolean published = false;
            try {
                Map<String, Integer> perLanguage = render(site, texts, content, staged, mirrorFiles.get(), problems);
                if (!problems.failBuild(options.strict()) && options.out() != null) {
                    publisher.publish(staged);
                    published = true;
                }
                return new Result(problems, perLanguage, staged.fileCount(), staged.byteCount(), elapsed(start), published);
            } finally {
                if (!published) publisher.discard(staged);
            }
        } catch (Publisher.Busy busy) {
            problems.error(out.toString(), 0, 0, null, busy.getMessage(), "wait until that build has finished, then run this one again");
            return new Result(problems, Map.of(), 0, 0, elapsed(start), false);
        }
    }

    private Map<String, Integer> render(Site site, Map<String, UiText> texts, ContentLoader.Content content,
                                        OutputTree out, MirrorFiles mirrorFiles, Problems problems) throws IOException {
        SiteRenderer renderer = new SiteRenderer(site, options.theme().templates(), texts, mirrorFiles.downloads());
        MarkdownRenderer markdown = new MarkdownRenderer(linkTargets(site, content));
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();
        Map<Page, List<RenderedMarkdown.InternalLink>> links = new ConcurrentHashMap<>();
        site.pages().parallelStream().forEach(page -> {
            RenderedMarkdown body = markdown.render(page, problems);
            String html = renderer.article(page, body.html());
            ids.put(page.url(), HtmlIds.of(html));
            links.put(page, body.links());
            out.write(page.url(), html);
        });
        renderer.generatedPages().parallelStream().forEach(g -> {
            String html = g.html().get();
            ids.put(g.url(), HtmlIds.of(html));
            out.write(g.url(), html);
        });
        options.theme().assets().forEach(out::write);
        for (SourceFile file : site.staticFiles()) {
            try {
                out.write(file.relative(), Files.readAllBytes(file.path()));
            } catch (IOException e) {
                problems.error(file.display(), 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            }
        }
        for (SiteOutput output : OUTPUTS) output.write(site, out, problems);
        mirrorFiles.write(site, out, problems); // last: it lists and signs every file above
        links.forEach((page, pageLinks) -> LinkChecker.checkFragments(page, pageLinks, ids, problems));
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (String lang : site.config().languageCodes()) perLanguage.put(lang, site.pages(lang).size());
        return perLanguage;
    }

    /** What Markdown links can point at in {@code site}: shared by the build and the live preview. */
    public static LinkTargets linkTargets(Site site, ContentLoader.Content content) {
        Map<String, String> urls = new java.util.HashMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        site.staticFiles().forEach(f -> urls.put(f.relative(), f.relative()));
        Set<String> all = new HashSet<>(content.pageFiles());
        all.addAll(urls.keySet());
        return new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                return Optional.ofNullable(urls.get(java.text.Normalizer.normalize(contentPath, java.text.Normalizer.Form.NFC)));
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return all.contains(contentPath) && !urls.containsKey(contentPath);
            }

            @Override
            public Collection<String> knownPaths() {
                return all;
            }
        };
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
