package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.cache.BuildCache.Lists;
import city.beacon.cache.PageCache;
import city.beacon.check.HtmlChecker;
import city.beacon.check.LinkChecker;
import city.beacon.content.ContentLoader;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.Urls;
import city.beacon.outputs.AtomFeeds;
import city.beacon.outputs.OpenData;
import city.beacon.outputs.PlacesData;
import city.beacon.outputs.Redirects;
import city.beacon.outputs.SearchIndex;
import city.beacon.outputs.ServiceWorker;
import city.beacon.outputs.Sitemap;
import city.beacon.publish.OutputTree;
import city.beacon.publish.SiteOutput;
import city.beacon.render.ArticleContext;
import city.beacon.render.ArticleRenderer;
import city.beacon.render.SiteRenderer;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The render stages every build shares: an article kept as published or rendered again, the
 * lists and whole-site files kept or made again, each checked as it is written; what each made is
 * recorded in the build cache for the next build.
 */
final class Pages {
    private Pages() {
    }

    /** Files made from the whole site, in this order, after the pages; then the service worker and the files for mirrors. */
    static final List<SiteOutput> OUTPUTS = List.of(new AtomFeeds(), new Sitemap(), new OpenData(), new PlacesData(), new Redirects());
    /** Last of all: its version is a hash of every other file, so it changes with any of them. */
    static final SiteOutput SERVICE_WORKER = new ServiceWorker();

    /**
     * What renders an article: the Markdown, the templates, what each article shows besides its
     * text ({@code contexts}: made by every plan the same way, from a whole site or from the
     * previous build's record), the checker of what they make, and where it goes.
     */
    record Renderers(MarkdownRenderer markdown, ArticleRenderer articles, Function<Page, ArticleContext> contexts,
                     HtmlChecker htmlChecker, OutputTree out, String placesKey) {
    }

    /**
     * The key an article is kept or rendered under: that of its facts and text ({@code key}), and,
     * when it shows places of content/data/ ({@code places: {type: ...}}), of the places too
     * ({@link BuildInputs#placesKey}); the others do not depend on the places.
     */
    static String withPlaces(Page page, String key, Renderers with) {
        return page.details() instanceof Details.Service service && service.placeQuery() != null ? BuildCache.hash(key, with.placesKey()) : key;
    }

    /**
     * One page written in Markdown: kept as published when nothing it depends on changed (then
     * its file is not even read), else read, rendered, checked and written. Empty when its file
     * can no longer be read.
     */
    static Optional<BuildCache.Entry> article(Page bodiless, Renderers with, BuildCache cache, PageCache pageCache,
                                              Problems problems, AtomicInteger rendered) {
        String relative = bodiless.source().relative();
        Optional<String> knownKey = pageCache.current(relative).map(PageCache.Entry::articleKey).map(key -> withPlaces(bodiless, key, with));
        Optional<BuildCache.Entry> kept = knownKey.flatMap(key -> kept(bodiless, key, with.out(), cache));
        if (kept.isEmpty()) {
            Optional<Page> read = ContentLoader.withBody(bodiless, problems); // gone when the page is written
            if (read.isEmpty()) return Optional.empty();
            Page page = read.get();
            // The page is its facts and its text: hashing the facts' key with the text is hashing it all, for less.
            String key = pageCache.current(relative).map(e -> BuildCache.hash(e.factsKey(), page.body()))
                    .orElseGet(() -> BuildCache.hash(page));
            pageCache.putArticleKey(relative, key);
            String shown = withPlaces(page, key, with);
            kept = kept(page, shown, with.out(), cache);
            if (kept.isEmpty()) {
                rendered.incrementAndGet();
                return Optional.of(render(page, shown, with));
            }
        }
        with.htmlChecker().kept(bodiless.url(), kept.get().ids());
        return kept;
    }

    /** The previous build's entry of {@code page} when it was made from {@code key} and its file is still as published. */
    static Optional<BuildCache.Entry> kept(Page page, String key, OutputTree out, BuildCache cache) {
        return cache.reusable(page.url(), key).filter(e -> out.reuse(Urls.file(page.url()), e.sha256()));
    }

    /** Renders, checks and writes one page written in Markdown, with what the cache keeps to skip it next time. */
    static BuildCache.Entry render(Page page, String key, Renderers with) {
        Problems found = new Problems();
        RenderedMarkdown body = with.markdown().render(page, found);
        ArticleContext context = with.contexts().apply(page);
        SiteRenderer.Article article = with.articles().articleParts(context, body.html());
        String html = article.html();
        if (body.tags().isPresent()) {
            with.htmlChecker().article(page.url(), page.source().display(), article.layout(), body.tags().get(), body.checkedHrefs(), found);
        } else {
            with.htmlChecker().page(page.url(), page.source().display(), html, body.checkedHrefs(), found);
        }
        with.out().write(page.url(), html);
        return new BuildCache.Entry(key, with.out().sha256(Urls.file(page.url())), with.htmlChecker().ids(page.url()), body.links(),
                found.sorted(), Optional.of(SearchIndex.entry(page, context.settings(), body.prose())));
    }

    /**
     * A key of everything the lists and the files made from the whole site show: the site-wide
     * inputs and every page's facts (not their text).
     */
    static String listsKey(Site site, PageCache pageCache, BuildCache cache, String placesKey) {
        StringBuilder facts = new StringBuilder(cache.version()).append('\n').append(placesKey); // the places' pages and open data
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

    /**
     * Renders the lists (on every core) and writes the files made from the whole site (on a side
     * thread meanwhile: alone they kept one core of two idle for a second at 10 000 pages); what
     * they are is kept for the next build. A page of a list is kept as published when its key (the
     * site-wide inputs, its place in its list and its entries' facts) is the previous build's: a
     * title edit renders again only the pages of the lists that show the page.
     */
    static Lists renderLists(String key, Site site, SiteRenderer renderer, HtmlChecker htmlChecker, OutputTree out, Prefetch side,
                             BuildCache cache, PageCache pageCache, AtomicInteger rendered) throws IOException {
        Set<String> before = Set.copyOf(out.files());
        Problems found = new Problems();
        Prefetch.Later<Void> wholeSite = side.run(() -> {
            for (SiteOutput output : OUTPUTS) output.write(site, out, found);
        });
        Map<String, BuildCache.Entry> pages = new ConcurrentHashMap<>();
        try {
            Function<Page, String> facts = page -> pageCache.current(page.source().relative()).map(PageCache.Entry::factsKey).orElse("?");
            AllWorkers.forEach(renderer.generatedPages(), g -> {
                Optional<String> pageKey = g.describe(facts).map(text -> BuildCache.hash(cache.version(), text));
                Optional<BuildCache.Entry> kept = pageKey.flatMap(k -> Optional.ofNullable(cache.previousLists().pages().get(g.url()))
                        .filter(e -> e.key().equals(k) && out.reuse(Urls.file(g.url()), e.sha256())));
                if (kept.isPresent()) {
                    htmlChecker.kept(g.url(), kept.get().ids());
                    pages.put(g.url(), kept.get());
                    return;
                }
                rendered.incrementAndGet();
                Problems pageFound = new Problems();
                String html = g.html();
                htmlChecker.page(g.url(), null, html, Set.of(), pageFound);
                out.write(g.url(), html);
                pages.put(g.url(), new BuildCache.Entry(pageKey.orElse(key), out.sha256(Urls.file(g.url())), htmlChecker.ids(g.url()),
                        List.of(), pageFound.sorted(), Optional.empty()));
            });
        } finally { // even when a list page failed: nothing may still be writing when the staging folder is removed
            wholeSite.get();
        }
        Set<String> listFiles = pages.keySet().stream().map(Urls::file).collect(Collectors.toSet());
        Map<String, String> files = new TreeMap<>();
        for (String file : out.files()) if (!before.contains(file) && !listFiles.contains(file)) files.put(file, out.sha256(file));
        return new Lists(key, Map.copyOf(pages), files, found.sorted());
    }

    /**
     * Checks the text of every draft as if it were published, since every page 'beacon new' writes is
     * one: its findings (a broken link, a missing heading) are warnings, "in a draft", at their lines.
     * Kept with the link findings, so a build of text edits reports them too (editing a draft makes a full build).
     */
    static void checkDrafts(List<Page> pages, MarkdownRenderer markdown, Map<String, Set<String>> ids, Problems linkProblems) {
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

    /** The file an editor wrote for each written page file, so that findings about a page name it. */
    static Map<String, String> sourcesByFile(Site site) {
        Map<String, String> sources = new HashMap<>();
        site.pages().forEach(p -> sources.put(Urls.file(p.url()), p.source().display()));
        return sources;
    }

    /** What Markdown links can point at in {@code site}. */
    static LinkTargets linkTargets(Site site, ContentLoader.Content content) {
        Map<String, String> urls = new HashMap<>();
        site.bySource().forEach((path, page) -> urls.put(path, page.url()));
        site.staticFiles().forEach(f -> urls.put(f.relative(), f.relative()));
        urls.putAll(site.data().subSectionIndexes());
        Set<String> all = new HashSet<>(content.pageFiles());
        all.addAll(urls.keySet());
        Set<String> read = new HashSet<>();
        content.pages().forEach(p -> read.add(p.source().relative()));
        return new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                return Optional.ofNullable(urls.get(Normalizer.normalize(contentPath, Normalizer.Form.NFC)));
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
}
