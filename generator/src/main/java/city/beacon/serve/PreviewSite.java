package city.beacon.serve;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.BuildClock;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Replacement;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.SourceFile;
import city.beacon.model.Routes;
import city.beacon.check.HtmlChecker;
import city.beacon.check.OutputFigures;
import city.beacon.check.ReviewPolicy;
import city.beacon.content.ContentCommit;
import city.beacon.outputs.ServiceWorker;
import city.beacon.publish.OutputTree;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import city.beacon.render.Alphabets;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import city.beacon.render.UiText;
import gg.jte.TemplateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site the live preview serves, held in memory and rebuilt piece by piece. An edited page
 * file is parsed again on its own. When only its text changed (its front matter is the same), the
 * site model, the lists and the whole-site files stay as they are: its Markdown and article alone
 * are rendered again, and the links to its headings checked again. When its front matter changed
 * within the page (a title, summary, tags, category, dates: not its address, translation, or
 * whether it is on the site), the model is patched ({@link SiteModel#replace}), its article is
 * rendered again, the list pages whose entries changed are rendered again, and the files made from
 * the whole site (search index, feeds, sw.js, open data) are put together again from the parts of
 * the pages, kept between rebuilds. Any other change (templates, site.yaml, data, a page added or
 * removed, an address, a translation, an alert in force) makes the model again and renders again
 * only the pages whose inputs changed (every page when an alert, the build date or an address
 * changed). Drafts are included. Rebuilt from one thread; read (snapshot, content) from any.
 */
public final class PreviewSite {
    /**
     * What the server serves: files by site address ("uk/", "assets/beacon.css"), and what a build
     * of the same content would report (sorted), of which the errors block them.
     */
    public record Snapshot(long version, SiteFiles files, List<Problem> findings) {
        /** The findings that would fail a build: the server shows them instead of the pages. */
        public List<Problem> errors() {
            return findings.stream().filter(Problem::isError).toList();
        }
    }

    /** How far a rebuild reached: a page's text, a page's facts (and what shows them), or the whole site. */
    public enum Reach {
        TEXT("its text"), PAGE("its front matter"), SITE("the whole site");

        private final String label;

        Reach(String label) {
            this.label = label;
        }

        /** As the terminal says it: "its text". */
        public String label() {
            return label;
        }
    }

    /** What one rebuild did, for the terminal. */
    public record Rebuild(String what, Reach reach, int pagesRendered, long millis) {
    }

    private record Markdown(Page page, RenderedMarkdown rendered, List<Problem> problems) {
    }

    /** Everything an article shows: the page, where its translation is, the alert banners, the build date. */
    private record ArticleKey(Page page, Optional<String> translation, List<Page> alerts, Instant buildTime,
                              String body, int themeVersion) {
    }

    /**
     * What every article is rendered with, and the model's findings. Made from the pages' facts,
     * not their texts (as in a build), so that it stays valid while only texts change.
     */
    private record Model(Site site, Instant buildTime, List<Page> alerts, MarkdownRenderer markdown, SiteRenderer renderer,
                         List<Problem> problems) {
    }

    private final Path contentDir;
    private final Theme theme;
    private final Map<String, String> environment;
    /** The A–Z indexes' sort keys, kept for this preview's life. */
    private final Alphabets alphabets = new Alphabets();

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
    private final PreviewLists lists = new PreviewLists();
    private final PreviewOutputs outputs = new PreviewOutputs();
    private final Headings headings = new Headings();
    /** The findings of the site stage: the model's and the review policy's, the whole-site files', a failing template. */
    private List<Problem> siteErrors = List.of();
    private volatile Snapshot snapshot = new Snapshot(0, SiteFiles.of(Map.of()), List.of());
    /** Dates the advice of findings, as a build's clock does. */
    private final Clock clock;
    /** The source file of each page file, for the figures' findings: made again when the model is. */
    private record Sources(Site site, Map<String, String> byFile) {
    }

    private Sources sources = new Sources(null, Map.of());
    /** The pages' weights the last figures measured, by the SHA-256 of their HTML: a page not changed is not measured again. */
    private Map<String, Integer> weights = Map.of();
    /** Files' compressed sizes, by SHA-256 ({@link ServedFiles}). */
    private final Map<String, Integer> compressedSizes = new java.util.concurrent.ConcurrentHashMap<>(); // the figures measure on every core
    /** Whether the content had a commit at the last full reload: only then is git asked at each save. */
    private boolean inGit;
    /** The hashes of the files served, kept while they are: sw.js's version is a hash of them all. */
    private final FileHashes hashes = new FileHashes();

    public PreviewSite(Path contentDir, Theme theme, Map<String, String> environment) {
        this(contentDir, theme, environment, Clock.systemUTC());
    }

    /** {@code clock}: what dates the advice of findings, unless SOURCE_DATE_EPOCH is set (a build's is the same). */
    public PreviewSite(Path contentDir, Theme theme, Map<String, String> environment, Clock clock) {
        this.contentDir = contentDir;
        this.theme = theme;
        this.environment = environment;
        this.clock = clock;
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
        inGit = Files.isDirectory(contentDir) && ContentCommit.of(contentDir).isPresent();
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
        return new Rebuild("everything", Reach.SITE, render(), millis(start));
    }

    /** Templates, interface text or assets changed (jte recompiles the templates it renders by itself). */
    public Rebuild themeChanged() {
        long start = System.nanoTime();
        reloadTheme();
        return new Rebuild("templates", Reach.SITE, render(), millis(start));
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
        if (model == null || before.isEmpty() || page.isEmpty()) return new Rebuild(relative, Reach.SITE, render(), millis(start));
        Page was = before.get().withoutBody();
        Page now = page.get().withoutBody();
        if (!buildTime().equals(model.buildTime())) return new Rebuild(relative, Reach.SITE, render(), millis(start)); // e.g. committed since
        if (was.equals(now)) return rebuilt(relative, Reach.TEXT, renderText(page.get()), start);
        Optional<Replacement> replacement = SiteModel.replace(model.site(), was, now, true);
        if (replacement.isEmpty() || model.alerts().contains(was)) { // an alert in force is on every page
            return new Rebuild(relative, Reach.SITE, render(), millis(start));
        }
        return rebuilt(relative, Reach.PAGE, renderFacts(page.get(), replacement.get()), start);
    }

    /** A rebuild that reached {@code reach}, or the whole site when {@code changes} is empty (it failed, and rendered the whole site). */
    private Rebuild rebuilt(String relative, Reach reach, Optional<Changes> changes, long start) {
        return new Rebuild(relative, changes.isPresent() ? reach : Reach.SITE, changes.map(c -> c.rendered).orElseGet(this::render),
                millis(start));
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
        assets = theme.assets();
        assets.forEach((address, bytes) -> {
            if (address.endsWith(".css")) {
                HtmlChecker.checkCss("templates/" + address, "the stylesheet", new String(bytes, StandardCharsets.UTF_8), problems);
            }
        });
        themeProblems = problems.sorted();
    }

    /** Renders the whole site (what changed) and publishes a new snapshot; returns how many pages were rendered. */
    private int render() {
        model = null;
        headings.clear();
        Problems problems = new Problems();
        Changes changes = new Changes();
        if (content != null && texts.size() == content.config().languageCodes().size()) {
            try {
                renderSite(problems, changes);
            } catch (TemplateException e) {
                problems.error("templates", 0, 0, null, "a template cannot be rendered: " + e.getMessage(),
                        "fix the template and save it; the preview rebuilds by itself");
            }
        }
        siteErrors = problems.sorted();
        Map<String, byte[]> files = new HashMap<>(assets);
        files.putAll(statics);
        files.putAll(outputs.files());
        articles.forEach((url, r) -> files.put(url, r.html()));
        lists.pages().forEach((url, r) -> files.put(url, r.html()));
        publish(sameFiles(files, snapshot.files().all()) ? snapshot.files() : SiteFiles.of(files));
        return changes.rendered;
    }

    /**
     * The build time a build of this content would take: SOURCE_DATE_EPOCH's, the last commit's,
     * else the newest page date. Git is asked at every rebuild: a commit may have been made since.
     */
    private Instant buildTime() {
        return BuildClock.resolve(environment, content.pages(), content.config().timezone(),
                inGit ? ContentCommit.of(contentDir).map(ContentCommit::time) : Optional.empty());
    }

    private void renderSite(Problems problems, Changes changes) {
        Instant buildTime = buildTime();
        List<Page> facts = content.pages().stream().map(Page::withoutBody).toList();
        Problems found = new Problems();
        Site site = SiteModel.build(content.config(), facts, content.pageFiles(), content.data(),
                content.staticFiles(), buildTime, true, found);
        ReviewPolicy.check(site, found);
        LocalDate today = BuildClock.today(environment, content.config().timezone(), clock);
        found.sorted().forEach(p -> problems.add(ReviewPolicy.advise(p, today)));
        Map<String, String> urls = new HashMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        if (!urls.equals(addresses)) markdown.clear(); // links in every page may point elsewhere now
        addresses = urls;
        List<Page> alerts = site.pages().stream().filter(p -> p.kind() == PageKind.ALERT).toList();
        Model next = new Model(site, buildTime, alerts, new MarkdownRenderer(SiteBuilder.linkTargets(site, content)),
                new SiteRenderer(site, theme.templates(), texts, theme.inlineStylesheet(), List.of(), alphabets), found.sorted());
        Map<String, Rendered> nextArticles = new HashMap<>();
        for (Page page : content.pages()) {
            if (!site.bySource().containsKey(page.source().relative())) continue;
            nextArticles.put(page.url(), article(next, page, articles.get(page.url()), changes));
        }
        markdown.keySet().retainAll(site.bySource().keySet());
        articles = nextArticles;
        lists.render(next.renderer(), listsContext(next), changes);
        outputs.write(site, changes);
        outputs.problems().forEach(problems::add);
        articles.forEach((url, r) -> headings.page(url, r.ids()));
        lists.pages().forEach((url, r) -> headings.page(url, r.ids()));
        for (String source : site.bySource().keySet()) headings.links(source, markdown.get(source).rendered().links(), true);
        for (String source : site.bySource().keySet()) check(source);
        model = next;
    }

    /**
     * Only the text of {@code page} changed, so its facts did not: the model, the lists and the
     * whole-site files stay as they are, and the page's article is all there is to render. Empty
     * when a template failed (the whole site was rendered, to report it).
     */
    private Optional<Changes> renderText(Page page) {
        Changes changes = new Changes();
        if (!model.site().bySource().containsKey(page.source().relative())) { // an alert not in force: on no page
            publish(changes);
            return Optional.of(changes);
        }
        try {
            renderArticle(page, changes);
        } catch (TemplateException e) {
            return Optional.empty();
        }
        publish(changes);
        return Optional.of(changes);
    }

    /**
     * The facts of {@code page} changed within it ({@code replacement}): its article is rendered
     * again, the list pages whose entries changed, and the whole-site files put together again with
     * its parts made again. The model's findings stay: {@link SiteModel#replace} patches only where
     * none changes. Empty when a template failed (the whole site was rendered, to report it).
     */
    private Optional<Changes> renderFacts(Page page, Replacement replacement) {
        Changes changes = new Changes();
        if (replacement.site() == model.site()) { // an alert not in force, and still not: on no page
            publish(changes);
            return Optional.of(changes);
        }
        model = new Model(replacement.site(), model.buildTime(), model.alerts(), model.markdown(),
                model.renderer().replaced(replacement), model.problems());
        try {
            renderArticle(page, changes);
            lists.render(model.renderer(), listsContext(model), changes);
        } catch (TemplateException e) {
            return Optional.empty();
        }
        outputs.write(replacement, changes);
        Problems problems = new Problems();
        model.problems().forEach(problems::add);
        outputs.problems().forEach(problems::add);
        siteErrors = problems.sorted();
        publish(changes);
        return Optional.of(changes);
    }

    /** Renders {@code page}'s article again when what it shows changed, and notes its links to headings. */
    private void renderArticle(Page page, Changes changes) {
        String source = page.source().relative();
        Markdown before = markdown.get(source);
        Rendered previous = articles.get(page.url());
        Rendered article = article(model, page, previous, changes);
        articles.put(page.url(), article);
        if (before != null) headings.links(source, before.rendered().links(), false);
        headings.links(source, markdown.get(source).rendered().links(), true);
        changes.toCheck.add(source);
        changes.page(page.url(), previous, article);
    }

    /** {@code page}'s article: {@code previous} when nothing it shows changed, else rendered again. */
    private Rendered article(Model model, Page page, Rendered previous, Changes changes) {
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
        changes.rendered++;
        return checkedArticle(key, model.renderer().articleParts(model.renderer().context(page), body.rendered().html()), page,
                body.rendered());
    }

    /** The article rendered, checked as a build checks it (its layout parsed, its text as the Markdown stage wrote it). */
    private static Rendered checkedArticle(ArticleKey key, SiteRenderer.Article article, Page page, RenderedMarkdown body) {
        Problems found = new Problems();
        HtmlChecker checker = new HtmlChecker();
        if (body.tags().isPresent()) {
            checker.article(page.url(), page.source().display(), article.layout(), body.tags().get(), body.checkedHrefs(), found);
        } else {
            checker.page(page.url(), page.source().display(), article.html(), body.checkedHrefs(), found);
        }
        return new Rendered(key, null, article.html().getBytes(StandardCharsets.UTF_8), checker.ids(page.url()), found.sorted());
    }

    private PreviewLists.Context listsContext(Model model) {
        return new PreviewLists.Context(model.site().config(), model.site().data(), model.alerts(), model.buildTime(), themeVersion);
    }

    /** Checks the links to headings of the page at {@code source}, and keeps its errors with its Markdown's. */
    private void check(String source) {
        Markdown body = markdown.get(source);
        headings.check(source, body.page(), body.rendered().links(), body.problems());
    }

    /**
     * Publishes the files {@code changes} names over the last snapshot's, once the heading ids are
     * noted and the links to the headings that changed, and those of the pages rendered, checked again.
     */
    private void publish(Changes changes) {
        for (String url : changes.headingsChanged) {
            Rendered page = articles.containsKey(url) ? articles.get(url) : lists.pages().get(url);
            headings.page(url, page == null ? null : page.ids());
            changes.toCheck.addAll(headings.linkingTo(url));
        }
        changes.toCheck.forEach(this::check);
        publish(changes.none() ? snapshot.files() : snapshot.files().with(changes.files, changes.removed));
    }

    /**
     * Publishes {@code files}, with sw.js made over them as a build makes it, as the new snapshot:
     * a new version unless they (the same object) and the findings are the same.
     */
    private void publish(SiteFiles files) {
        files = withServiceWorker(files);
        List<Problem> site = new ArrayList<>(siteErrors);
        site.addAll(figures(files));
        site.addAll(headings.findings());
        articles.values().forEach(page -> site.addAll(page.problems())); // the HTML checks, as a build's
        lists.pages().values().forEach(page -> site.addAll(page.problems()));
        List<Problem> findings = new ArrayList<>();
        Stream.of(loadProblems, themeProblems, site).forEach(findings::addAll);
        findings.sort(Problem.ORDER);
        boolean same = files == snapshot.files() && findings.equals(snapshot.findings());
        snapshot = new Snapshot(same ? snapshot.version() : snapshot.version() + 1, files, List.copyOf(findings));
    }

    /** What the build's figures find on {@code files} (page weights, the search index, the scripts, against the budgets). */
    private List<Problem> figures(SiteFiles files) {
        if (model == null) return List.of();
        if (sources.site() != model.site()) sources = new Sources(model.site(), SiteBuilder.sourcesByFile(model.site()));
        Problems found = new Problems();
        OutputFigures.Figures figures = OutputFigures.measure(model.site(),
                new ServedFiles(hashes, files.get(Routes.SERVICE_WORKER), compressedSizes), sources.byFile(), weights, found);
        weights = figures.weights();
        if (compressedSizes.size() > 4 * weights.size() + 1024) compressedSizes.clear(); // forgotten in bulk, now and then
        return found.sorted();
    }

    /**
     * {@code files} with sw.js made over every other file, as a build makes it (its version a hash
     * of every file written before it); the same object when sw.js is as it was.
     */
    private SiteFiles withServiceWorker(SiteFiles files) {
        if (model == null) return files;
        byte[] worker = ServiceWorker.script(model.site(), hashes.of(files)).getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(worker, files.get(Routes.SERVICE_WORKER)) ? files : files.with(Map.of(Routes.SERVICE_WORKER, worker), Set.of());
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
