package city.beacon.serve;

import city.beacon.SiteBuilder;
import city.beacon.check.HtmlIds;
import city.beacon.check.LinkChecker;
import city.beacon.check.Problem;
import city.beacon.check.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.BuildClock;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.publish.OutputTree;
import city.beacon.publish.Publisher;
import city.beacon.publish.SiteOutput;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import city.beacon.render.UiText;
import gg.jte.TemplateException;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site the live preview serves, held in memory and rebuilt piece by piece: an edited page
 * file is parsed again on its own, its Markdown rendered again, and only the pages whose inputs
 * changed are rendered again (the page itself; its translation; every page when an alert, the
 * build date or an address changed; the lists, and the files made from the whole site (search
 * index, feeds, sw.js, open data), when a title, summary or tag changed).
 * Drafts are included. Rebuilt from one thread; read (snapshot, content) from any.
 */
public final class PreviewSite {
    /** What the server serves: files by site address ("uk/", "assets/beacon.css"), and the errors that block them. */
    public record Snapshot(long version, Map<String, byte[]> files, List<Problem> errors) {
    }

    /** What one rebuild did, for the terminal. */
    public record Rebuild(String what, int pagesRendered, long millis) {
    }

    private record Markdown(Page page, RenderedMarkdown rendered, List<Problem> problems) {
    }

    /** Everything an article shows: the page, where its translation is, the alert banners, the build date. */
    private record ArticleKey(Page page, Optional<String> translation, List<Page> alerts, Instant buildTime,
                              String body, int themeVersion) {
    }

    /** Everything the lists show: the pages without their text, which are translated, the build date. */
    private record ListsKey(List<Page> pages, Set<String> translated, Instant buildTime, int themeVersion) {
    }

    /** A rendered page, encoded once: unchanged pages then cost the snapshot a reference, not a copy. */
    private record Rendered(Object key, byte[] html, Set<String> ids) {
    }

    private final Path contentDir;
    private final Theme theme;
    private final Map<String, String> environment;
    /** Where the whole-site outputs are written (they write into a folder, as in a build) before being held in memory. */
    private final Path scratch;

    private ContentLoader loader;
    private volatile ContentLoader.Content content;
    private List<Problem> loadProblems = List.of();
    private List<Problem> themeProblems = List.of();
    private Map<String, UiText> texts = Map.of();
    private Map<String, byte[]> assets = Map.of();
    private Map<String, byte[]> statics = Map.of();
    private int themeVersion;
    private Map<String, String> addresses = Map.of();
    private final Map<String, Markdown> markdown = new HashMap<>();
    private Map<String, Rendered> articles = Map.of();
    private Map<String, Rendered> lists = Map.of();
    private Map<String, byte[]> outputs = Map.of();
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), List.of());

    /** {@code scratch}: a folder of the preview's own, emptied at every rebuild of the whole-site outputs. */
    public PreviewSite(Path contentDir, Theme theme, Map<String, String> environment, Path scratch) {
        this.contentDir = contentDir;
        this.theme = theme;
        this.environment = environment;
        this.scratch = scratch;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** What was read at the last rebuild, drafts included; empty when site.yaml cannot be read. */
    public Optional<ContentLoader.Content> content() {
        return Optional.ofNullable(content);
    }

    /** Reads everything again: at start, and when files are added or removed or site.yaml or data/ change. */
    public Rebuild reloadAll() throws IOException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        loader = new ContentLoader(contentDir);
        content = Files.isDirectory(contentDir) ? loader.load(problems).orElse(null) : null;
        if (content == null && problems.sorted().isEmpty()) {
            problems.error(contentDir.toString(), 0, 0, null, "the content folder does not exist", "pass --content <folder>");
        }
        loadProblems = problems.sorted();
        statics = new TreeMap<>();
        if (content != null) {
            for (SourceFile file : content.staticFiles()) statics.put(file.relative(), Files.readAllBytes(file.path()));
        }
        reloadTheme();
        return new Rebuild("everything", render(), millis(start));
    }

    /** Templates, interface text or assets changed (jte recompiles the templates it renders by itself). */
    public Rebuild themeChanged() {
        long start = System.nanoTime();
        reloadTheme();
        return new Rebuild("templates", render(), millis(start));
    }

    /** One page file was saved: parse it alone, then render what depends on it. */
    public Rebuild reloadPage(String relative) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Optional<Page> page = loader.reload(content.config(), relative, problems);
        String shown = loader.display(relative);
        List<Problem> kept = new ArrayList<>(loadProblems.stream().filter(p -> !p.file().equals(shown)).toList());
        kept.addAll(problems.sorted());
        kept.sort(Problem.ORDER);
        loadProblems = List.copyOf(kept);
        List<Page> pages = new ArrayList<>(content.pages().stream().filter(p -> !p.source().relative().equals(relative)).toList());
        page.ifPresent(pages::add);
        pages.sort(Comparator.comparing(p -> p.source().relative()));
        content = new ContentLoader.Content(content.config(), List.copyOf(pages), content.data(), content.staticFiles(),
                content.pageFiles());
        return new Rebuild(relative, render(), millis(start));
    }

    /** Whether {@code relative} (under content/) is a page file read at the last full load. */
    public boolean isKnownPage(String relative) {
        return content != null && content.pageFiles().contains(relative);
    }

    private void reloadTheme() {
        themeVersion++;
        Problems problems = new Problems();
        texts = content == null ? Map.of() : theme.texts(content.config().languageCodes(), problems);
        themeProblems = problems.sorted();
        assets = theme.assets();
    }

    /** Renders what changed and publishes a new snapshot; returns how many pages were rendered. */
    private int render() {
        Problems problems = new Problems();
        int rendered = 0;
        if (content != null && texts.size() == content.config().languageCodes().size()) {
            try {
                rendered = renderSite(problems);
            } catch (TemplateException e) {
                problems.error("templates", 0, 0, null, "a template cannot be rendered: " + e.getMessage(),
                        "fix the template and save it; the preview rebuilds by itself");
            }
        }
        Map<String, byte[]> files = new HashMap<>(assets);
        files.putAll(statics);
        files.putAll(outputs);
        articles.forEach((url, r) -> files.put(url, r.html()));
        lists.forEach((url, r) -> files.put(url, r.html()));
        // A file that cannot be read is the cause of what follows from it (links to it fail): listed first.
        List<Problem> errors = Stream.of(loadProblems, themeProblems, problems.sorted()).flatMap(List::stream)
                .filter(Problem::isError).toList();
        boolean same = errors.equals(snapshot.errors()) && sameFiles(files, snapshot.files());
        snapshot = new Snapshot(same ? snapshot.version() : snapshot.version() + 1, Map.copyOf(files), errors);
        return rendered;
    }

    private int renderSite(Problems problems) {
        Instant buildTime = BuildClock.resolve(environment, content.pages(), content.config().timezone());
        Site site = SiteModel.build(content.config(), content.pages(), content.pageFiles(), content.data(),
                content.staticFiles(), buildTime, true, problems);
        Map<String, String> urls = new TreeMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        if (!urls.equals(addresses)) markdown.clear(); // links in every page may point elsewhere now
        addresses = urls;
        MarkdownRenderer renderer = new MarkdownRenderer(SiteBuilder.linkTargets(site, content));
        SiteRenderer pages = new SiteRenderer(site, theme.templates(), texts, theme.inlineStylesheet());
        int count = 0;
        List<Page> alerts = site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).map(Page::withoutBody).toList();
        Map<String, Rendered> nextArticles = new HashMap<>();
        for (Page page : site.pages()) {
            Markdown body = markdown.get(page.source().relative());
            if (body == null || !body.page().equals(page)) {
                Problems found = new Problems();
                body = new Markdown(page, renderer.render(page, found), found.sorted());
                markdown.put(page.source().relative(), body);
            }
            body.problems().forEach(problems::add);
            ArticleKey key = new ArticleKey(page, site.translationOf(page).map(Page::url), alerts, buildTime,
                    body.rendered().html(), themeVersion);
            Rendered article = articles.get(page.url());
            if (article == null || !article.key().equals(key)) {
                article = rendered(key, pages.article(page, body.rendered().html()));
                count++;
            }
            nextArticles.put(page.url(), article);
        }
        markdown.keySet().retainAll(site.bySource().keySet());
        articles = nextArticles;
        ListsKey listsKey = new ListsKey(site.pages().stream().map(Page::withoutBody).toList(),
                Set.copyOf(site.translations().keySet()), buildTime, themeVersion);
        if (lists.isEmpty() || !lists.values().iterator().next().key().equals(listsKey)) {
            Map<String, Rendered> nextLists = new HashMap<>();
            for (SiteRenderer.Generated g : pages.generatedPages()) nextLists.put(g.url(), rendered(listsKey, g.html().get()));
            lists = nextLists;
            count += nextLists.size();
            outputs = wholeSiteFiles(site, problems);
        }
        Map<String, Set<String>> ids = new HashMap<>();
        articles.forEach((url, r) -> ids.put(url, r.ids()));
        lists.forEach((url, r) -> ids.put(url, r.ids()));
        for (Page page : site.pages()) {
            LinkChecker.checkFragments(page, markdown.get(page.source().relative()).rendered().links(), ids, problems);
        }
        return count;
    }

    /** What {@link SiteBuilder#outputs()} make of this site, by address, as a build would publish them. */
    private Map<String, byte[]> wholeSiteFiles(Site site, Problems problems) {
        try {
            Publisher.deleteTree(scratch);
            OutputTree tree = new OutputTree(scratch);
            for (SiteOutput output : SiteBuilder.outputs()) output.write(site, tree, problems);
            Map<String, byte[]> files = new HashMap<>();
            tree.files().forEach(file -> files.put(file, tree.read(file)));
            return files;
        } catch (IOException | UncheckedIOException e) {
            problems.error(scratch.toString(), 0, 0, null, "the preview cannot make the search index, feeds and sw.js: " + e.getMessage(),
                    "check that the temporary folder is writable and the disk is not full, then save a page again");
            return Map.of();
        }
    }

    private static Rendered rendered(Object key, String html) {
        return new Rendered(key, html.getBytes(UTF_8), HtmlIds.of(html));
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String key : a.keySet()) {
            if (!Arrays.equals(a.get(key), b.get(key))) return false;
        }
        return true;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
