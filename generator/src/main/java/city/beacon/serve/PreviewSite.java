package city.beacon.serve;

import city.beacon.SiteBuilder;
import city.beacon.check.HtmlIds;
import city.beacon.check.LinkChecker;
import city.beacon.check.Problem;
import city.beacon.check.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.markdown.RenderedMarkdown.InternalLink;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site the live preview serves, held in memory and rebuilt piece by piece. An edited page
 * file is parsed again on its own. When only its text changed (its front matter is the same), the
 * site model, the lists and the whole-site files stay as they are: its Markdown and article alone
 * are rendered again, and the links to its headings checked again. Otherwise the model is made
 * again and only the pages whose inputs changed are rendered again (the page itself; its
 * translation; every page when an alert, the build date or an address changed; the lists, and the
 * files made from the whole site (search index, feeds, sw.js, open data), when a title, summary or
 * tag changed). Drafts are included. Rebuilt from one thread; read (snapshot, content) from any.
 */
public final class PreviewSite {
    /** What the server serves: files by site address ("uk/", "assets/beacon.css"), and the errors that block them. */
    public record Snapshot(long version, SiteFiles files, List<Problem> errors) {
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

    /** Everything the lists and whole-site files show: the pages without their text, which are translated, the build date. */
    private record ListsKey(List<Page> pages, Set<String> translated, Instant buildTime, int themeVersion) {
    }

    /**
     * One list page: its view (what its template is given) and the theme it was rendered with.
     * Equal views render the same HTML, so a title edit renders again only the lists that show it.
     */
    private record ListKey(SiteRenderer.View view, int themeVersion) {
    }

    /** A rendered page, encoded once: unchanged pages then cost the snapshot a reference, not a copy. */
    private record Rendered(Object key, byte[] html, Set<String> ids) {
    }

    /**
     * What every article is rendered with. Made from the pages' facts, not their texts (as in a
     * build), so that it stays valid while only texts change.
     */
    private record Model(Site site, Instant buildTime, List<Page> alerts, MarkdownRenderer markdown, SiteRenderer renderer) {
    }

    private final Path contentDir;
    private final Theme theme;
    private final Map<String, String> environment;
    /** Where the whole-site outputs are written (they write into a folder, as in a build) before being held in memory. */
    private final Path scratch;
    /** What {@link SiteBuilder#outputs()} makes, kept for this preview's life. */
    private final List<SiteOutput> siteOutputs = SiteBuilder.outputs();

    private ContentLoader loader;
    private volatile ContentLoader.Content content;
    /** The content's page files, for the watcher's questions. */
    private Set<String> pageFiles = Set.of();
    private List<Problem> loadProblems = List.of();
    private List<Problem> themeProblems = List.of();
    private Map<String, UiText> texts = Map.of();
    private Map<String, byte[]> assets = Map.of();
    private Map<String, byte[]> statics = Map.of();
    private int themeVersion;
    private Map<String, String> addresses = Map.of();
    /** Null until the whole site has been rendered with the current content and theme. */
    private Model model;
    /** By source path. */
    private final Map<String, Markdown> markdown = new HashMap<>();
    /** By address. */
    private Map<String, Rendered> articles = new HashMap<>();
    private Map<String, Rendered> lists = Map.of();
    /** What the lists and the whole-site files were last made from; null before the first full render. */
    private ListsKey listsKey;
    private Map<String, byte[]> outputs = Map.of();
    private List<Problem> outputProblems = List.of();
    /** The heading ids of every page, by address. */
    private final Map<String, Set<String>> ids = new HashMap<>();
    /** By address: the pages (source paths) linking to one of its headings, checked again when its headings change. */
    private final Map<String, Set<String>> linkedFrom = new HashMap<>();
    /** The errors of the site stage found by the last full render: the model's, the whole-site files', a failing template. */
    private List<Problem> siteErrors = List.of();
    /** By source path, the pages with errors in their Markdown or their links to headings. */
    private final Map<String, List<Problem>> pageErrors = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(0, SiteFiles.of(Map.of()), List.of());

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
        pageFiles = content == null ? Set.of() : Set.copyOf(content.pageFiles());
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
        Optional<Page> before = replace(relative, page);
        boolean textOnly = model != null && before.isPresent() && page.isPresent()
                && before.get().withoutBody().equals(page.get().withoutBody());
        return new Rebuild(relative, textOnly ? renderText(page.get()) : render(), millis(start));
    }

    /** Puts {@code page} in the content in place of the page read from {@code relative}; returns that one. */
    private Optional<Page> replace(String relative, Optional<Page> page) {
        List<Page> pages = new ArrayList<>(content.pages());
        int at = position(pages, relative);
        Optional<Page> before = at >= 0 ? Optional.of(pages.remove(at)) : Optional.empty();
        page.ifPresent(p -> pages.add(at >= 0 ? at : -at - 1, p));
        content = new ContentLoader.Content(content.config(), Collections.unmodifiableList(pages), content.data(),
                content.staticFiles(), content.pageFiles());
        return before;
    }

    /** Where {@code relative} is in {@code pages} (sorted by source path, as the loader reads them), as {@link Collections#binarySearch} says it. */
    private static int position(List<Page> pages, String relative) {
        int low = 0;
        int high = pages.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = pages.get(middle).source().relative().compareTo(relative);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -low - 1;
    }

    /** Whether {@code relative} (under content/) is a page file read at the last full load. */
    public boolean isKnownPage(String relative) {
        return pageFiles.contains(relative);
    }

    private void reloadTheme() {
        themeVersion++;
        Problems problems = new Problems();
        texts = content == null ? Map.of() : theme.texts(content.config().languageCodes(), problems);
        themeProblems = problems.sorted();
        assets = theme.assets();
    }

    /** Renders the whole site (what changed) and publishes a new snapshot; returns how many pages were rendered. */
    private int render() {
        model = null;
        pageErrors.clear();
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
        siteErrors = errors(problems.sorted());
        Map<String, byte[]> files = new HashMap<>(assets);
        files.putAll(statics);
        files.putAll(outputs);
        articles.forEach((url, r) -> files.put(url, r.html()));
        lists.forEach((url, r) -> files.put(url, r.html()));
        publish(sameFiles(files, snapshot.files().all()) ? snapshot.files() : SiteFiles.of(files));
        return rendered;
    }

    private int renderSite(Problems problems) {
        Instant buildTime = BuildClock.resolve(environment, content.pages(), content.config().timezone());
        List<Page> facts = content.pages().stream().map(Page::withoutBody).toList();
        Site site = SiteModel.build(content.config(), facts, content.pageFiles(), content.data(),
                content.staticFiles(), buildTime, true, problems);
        Map<String, String> urls = new HashMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        if (!urls.equals(addresses)) markdown.clear(); // links in every page may point elsewhere now
        addresses = urls;
        List<Page> alerts = site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).toList();
        SiteRenderer pages = new SiteRenderer(site, theme.templates(), texts, theme.inlineStylesheet());
        Model next = new Model(site, buildTime, alerts, new MarkdownRenderer(SiteBuilder.linkTargets(site, content)), pages);
        int count = 0;
        Map<String, Rendered> nextArticles = new HashMap<>();
        for (Page page : content.pages()) {
            if (!site.bySource().containsKey(page.source().relative())) continue;
            Rendered previous = articles.get(page.url());
            Rendered article = article(next, page, previous);
            if (article != previous) count++;
            nextArticles.put(page.url(), article);
        }
        markdown.keySet().retainAll(site.bySource().keySet());
        articles = nextArticles;
        ListsKey nextListsKey = new ListsKey(site.pages(), Set.copyOf(site.translations().keySet()), buildTime, themeVersion);
        if (!nextListsKey.equals(listsKey)) {
            Map<String, Rendered> nextLists = new HashMap<>();
            for (SiteRenderer.Generated g : pages.generatedPages()) {
                ListKey key = new ListKey(g.view().get(), themeVersion);
                Rendered previous = lists.get(g.url());
                boolean same = previous != null && previous.key().equals(key);
                nextLists.put(g.url(), same ? previous : rendered(key, key.view().html()));
                if (!same) count++;
            }
            lists = nextLists;
            listsKey = nextListsKey;
            Problems found = new Problems();
            outputs = wholeSiteFiles(site, found);
            outputProblems = found.sorted();
        }
        outputProblems.forEach(problems::add);
        ids.clear();
        articles.forEach((url, r) -> ids.put(url, r.ids()));
        lists.forEach((url, r) -> ids.put(url, r.ids()));
        linkedFrom.clear();
        for (String source : site.bySource().keySet()) index(source, markdown.get(source), true);
        for (String source : site.bySource().keySet()) check(source);
        model = next;
        return count;
    }

    /**
     * Only the text of {@code page} changed, so its facts did not: the model, the lists and the
     * whole-site files stay as they are, and the page's article is all there is to render.
     */
    private int renderText(Page page) {
        String source = page.source().relative();
        if (!model.site().bySource().containsKey(source)) { // an alert not in force: on no page
            publish(snapshot.files());
            return 0;
        }
        Markdown before = markdown.get(source);
        Rendered previous = articles.get(page.url());
        Rendered article;
        try {
            article = article(model, page, previous);
        } catch (TemplateException e) {
            return render(); // reports it
        }
        articles.put(page.url(), article);
        ids.put(page.url(), article.ids());
        index(source, before, false);
        index(source, markdown.get(source), true);
        check(source);
        if (previous == null || !previous.ids().equals(article.ids())) {
            List.copyOf(linkedFrom.getOrDefault(page.url(), Set.of())).forEach(this::check);
        }
        boolean same = previous != null && Arrays.equals(previous.html(), article.html());
        publish(same ? snapshot.files() : snapshot.files().with(page.url(), article.html()));
        return article == previous ? 0 : 1;
    }

    /** {@code page}'s article: {@code previous} when nothing it shows changed, else rendered again. */
    private Rendered article(Model model, Page page, Rendered previous) {
        String source = page.source().relative();
        Markdown body = markdown.get(source);
        if (body == null || !body.page().equals(page)) {
            Problems found = new Problems();
            body = new Markdown(page, model.markdown().render(page, found), found.sorted());
            markdown.put(source, body);
        }
        ArticleKey key = new ArticleKey(page, model.site().translationOf(page).map(Page::url), model.alerts(),
                model.buildTime(), body.rendered().html(), themeVersion);
        if (previous != null && previous.key().equals(key)) return previous;
        return rendered(key, model.renderer().article(page, body.rendered().html()));
    }

    /** Notes ({@code add}) or forgets the pages {@code body} links to a heading of. */
    private void index(String source, Markdown body, boolean add) {
        if (body == null) return;
        for (InternalLink link : body.rendered().links()) {
            if (link.fragment() == null || link.fragment().isEmpty()) continue;
            if (add) {
                linkedFrom.computeIfAbsent(link.targetUrl(), url -> new HashSet<>()).add(source);
            } else if (linkedFrom.containsKey(link.targetUrl())) {
                linkedFrom.get(link.targetUrl()).remove(source);
            }
        }
    }

    /** Checks the links to headings of the page at {@code source}, and keeps its errors with its Markdown's. */
    private void check(String source) {
        Markdown body = markdown.get(source);
        Problems found = new Problems();
        body.problems().forEach(found::add);
        LinkChecker.checkFragments(body.page(), body.rendered().links(), ids, found);
        List<Problem> errors = errors(found.sorted());
        if (errors.isEmpty()) pageErrors.remove(source);
        else pageErrors.put(source, errors);
    }

    /** Publishes {@code files} as the new snapshot: a new version unless they (the same object) and the errors are the same. */
    private void publish(SiteFiles files) {
        List<Problem> site = new ArrayList<>(siteErrors);
        pageErrors.values().forEach(site::addAll);
        site.sort(Problem.ORDER);
        // A file that cannot be read is the cause of what follows from it (links to it fail): listed first.
        List<Problem> errors = Stream.of(loadProblems, themeProblems, site).flatMap(List::stream).filter(Problem::isError).toList();
        boolean same = files == snapshot.files() && errors.equals(snapshot.errors());
        snapshot = new Snapshot(same ? snapshot.version() : snapshot.version() + 1, files, errors);
    }

    private static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** What {@link SiteBuilder#outputs()} make of this site, by address, as a build would publish them. */
    private Map<String, byte[]> wholeSiteFiles(Site site, Problems problems) {
        try {
            Publisher.deleteTree(scratch);
            OutputTree tree = new OutputTree(scratch);
            for (SiteOutput output : siteOutputs) output.write(site, tree, problems);
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
