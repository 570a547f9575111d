package city.beacon.check;

import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.build.SiteBuilder;
import city.beacon.TestContent;
import city.beacon.bench.Corpus;
import city.beacon.bench.CorpusGenerator;
import city.beacon.content.ContentLoader;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.render.SiteRenderer;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page written in Markdown is checked as its layout (parsed) plus the tags its text was
 * rendered to ({@link HtmlChecker#article}); that must find exactly what parsing the whole page
 * finds ({@link HtmlChecker#page}), on real content and on texts made to break a page.
 */
class ArticleCheckTest {
    @TempDir
    Path dir;

    /** The findings (formatted) and ids of one page, checked one way. */
    private record Checked(List<String> findings, Object ids) {
    }

    /** The site of a content folder, rendered as a build renders it. */
    private record Rendered(Site site, SiteRenderer renderer, MarkdownRenderer markdown, List<String> files) {
        /** {@code files}: what the pages may link to, what a build of the same addresses wrote ({@link #built}). */
        static Rendered of(Path content, List<String> files) throws IOException {
            Problems problems = new Problems();
            ContentLoader.Content loaded = new ContentLoader(content).load(problems, false).orElseThrow(() -> new AssertionError(problems.sorted()));
            Site site = SiteModel.build(loaded.config(), loaded.pages(), loaded.pageFiles(), loaded.data(), loaded.staticFiles(),
                    Instant.parse("2026-12-03T10:00:00Z"), false, problems);
            Theme theme = Theme.bundled();
            SiteRenderer renderer = new SiteRenderer(site, theme.templates(), theme.texts(site.config().languageCodes(), problems),
                    theme.inlineStylesheet());
            return new Rendered(site, renderer, new MarkdownRenderer(SiteBuilder.linkTargets(site, loaded), true), files);
        }

        /** The page checked whole and checked as layout plus tags: what each found. */
        /** The files a build of {@code content} writes; it must publish. */
        static List<String> built(Path content) throws IOException {
            Path out = Files.createTempDirectory(content.getParent(), "built");
            assertTrue(new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), Map.of())).build().published());
            return new ArrayList<>(TestContent.tree(out).keySet());
        }

        List<Checked> bothWays(Page bodiless) {
            Page page = ContentLoader.withBody(bodiless, new Problems()).orElseThrow();
            RenderedMarkdown body = markdown.render(page, new Problems());
            SiteRenderer.Article article = renderer.articleParts(page, body.html());
            HtmlChecker whole = new HtmlChecker();
            Problems wholeFound = new Problems();
            whole.page(page.url(), page.source().display(), article.html(), body.checkedHrefs(), wholeFound);
            whole.finish(files, wholeFound);
            HtmlChecker split = new HtmlChecker();
            Problems splitFound = new Problems();
            split.article(page.url(), page.source().display(), article.layout(), body.tags().orElseThrow(), body.checkedHrefs(), splitFound);
            split.finish(files, splitFound);
            return List.of(new Checked(format(wholeFound), whole.ids(page.url())), new Checked(format(splitFound), split.ids(page.url())));
        }

        private static List<String> format(Problems problems) {
            return problems.sorted().stream().map(Problem::format).toList();
        }
    }

    @Test
    void everyPageOfTheSamplePortalIsFoundTheSameEitherWay() throws IOException {
        assertEveryArticleTheSameBothWays(TestContent.copy("content", dir));
    }

    @Test
    void everyPageOfTheBenchmarkCorpusIsFoundTheSameEitherWay() throws IOException {
        Path content = dir.resolve("corpus");
        CorpusGenerator.writeBeacon(new Corpus(40), content);
        assertEveryArticleTheSameBothWays(content);
    }

    private static void assertEveryArticleTheSameBothWays(Path content) throws IOException {
        Rendered rendered = Rendered.of(content, Rendered.built(content));
        int checked = 0;
        for (Page page : rendered.site().pages()) {
            List<Checked> ways = rendered.bothWays(page);
            assertEquals(ways.get(0), ways.get(1), page.source().display());
            assertFalse(((java.util.Set<?>) ways.get(0).ids()).isEmpty(), "every page has the layout's ids: " + page.url());
            checked++;
        }
        assertTrue(checked >= 40, "pages checked: " + checked);
    }

    /** A text (\n for new lines) and a finding the check of the page must give for it (empty: none). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            ^## Steps\\nA list:\\n\\n- one\\n- two\\n\\n| Stop | Time |\\n|:--|--:|\\n| Metro | 24/7 |\\n\\n~~closed~~ **open**^ |
            # An image from another site: the Markdown stage reports it with its line, the check of the page does not again
            ![Map of shelters](https://maps.example.org/shelters.png)  |
            ![Map of shelters](//cdn.example.org/shelters.png)         |
            # A heading never takes an id of the layout's (the search field's here: it becomes q-1)
            ^## Q\\n\\nA heading named as the search field.^              |
            # A level-1 heading: the Markdown stage reports it with its line, the check of the page does not again
            ^# A second title^                                          |
            ^## Main\\n\\n## Main\\n\\n[up](#main-1) [down](#main-2)^   |
            # Footnotes (their links are in-page anchors), task lists, an id written after a heading
            ^A fact.[^^1] Another.[^^note]\\n\\n[^^1]: The source.\\n[^^note]: A note.^ |
            ^- [ ] Passport\\n- [x] Photo^                                 |
            ^## Steps to take {#kroky}\\n\\n[to the steps](#kroky)^        |
            # Links the Markdown stage reports itself, with the editor's line: the HTML check skips them
            ^## Кроки\\n\\n[до кроків](#кроки) [нікуди](#нема)^          |
            [other page](other.md#nowhere) [home](../../index.md)      |
            [script](javascript:alert(1)) [space](<other page.md>)     |
            See <https://example.org/a?b=1&c=2> and www.example.org.   |
            ```sh\\nbeacon build\\n```\\n\\n> quoted [link](other.md) |
            """)
    void aTextMadeToBreakAPageIsFoundTheSameEitherWay(String text, String finding) throws IOException {
        Path content = TestContent.settingsOnly(dir);
        TestContent.write(content.resolve("en/info/other.md"), "---\ntitle: Other\n---\n\nAnother page.\n");
        Path checkedPage = content.resolve("en/info/checked.md");
        TestContent.write(checkedPage, "---\ntitle: Checked\n---\n\nText.\n");
        List<String> files = Rendered.built(content);
        TestContent.write(checkedPage, "---\ntitle: Checked\n---\n\n" + text.replace("\\n", "\n") + "\n");
        Rendered rendered = Rendered.of(content, files);
        Page page = rendered.site().pages().stream().filter(p -> p.source().relative().equals("en/info/checked.md")).findFirst().orElseThrow();
        assertEquals(PageKind.PAGE, page.kind());

        List<Checked> ways = rendered.bothWays(page);

        assertEquals(ways.get(0), ways.get(1));
        if (finding == null) {
            assertEquals(List.of(), ways.get(0).findings());
        } else {
            assertTrue(ways.get(0).findings().stream().anyMatch(f -> f.contains(finding)), ways.get(0).findings().toString());
        }
    }

    @Test
    void aLevelOneHeadingInTheTextIsOneFindingAtItsLineAndNoneForThePage() throws IOException {
        Path content = TestContent.settingsOnly(dir);
        TestContent.write(content.resolve("en/info/titles.md"), "---\ntitle: Titles\n---\n\n# Another title\n\nText.\n\nA third\n=======\n");
        TestContent.write(content.resolve("en/info/raw.md"), "---\ntitle: Raw\n---\n\nText.\n\n<h1>Written in HTML</h1>\n");

        SiteBuilder.Result check = new SiteBuilder(new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of())).build();

        assertEquals(List.of(
                        "en/info/raw.md:7:1: error: a level-1 heading (<h1>) in the text; the page title is the only one; "
                                + "start the sections of the text with <h2>",
                        "en/info/titles.md:5:1: error: a level-1 heading ('# ...') in the text; the page title is the only one; "
                                + "start the sections of the text with '## '",
                        "en/info/titles.md:9:1: error: a level-1 heading ('# ...') in the text; the page title is the only one; "
                                + "start the sections of the text with '## '"),
                check.problems().sorted().stream().filter(Problem::isError).map(Problem::format)
                        .map(f -> f.substring(f.indexOf("en/info/"))).toList());
    }

    @Test
    void anchorsWrittenInRawHtmlAreTargetsOfInPageLinks() throws IOException {
        Path content = TestContent.settingsOnly(dir);
        TestContent.write(content.resolve("en/info/notes.md"), """
                ---
                title: Notes
                ---

                <a name="top"></a>A claim.<sup><a href="#fn1" id="ref1">1</a></sup>

                <ol><li id="fn1">The source. <a href="#ref1">Back</a></li></ol>

                [Up](#top), [to the note](#fn1).
                """);

        SiteBuilder.Result check = new SiteBuilder(new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of())).build();

        assertEquals(List.of(), check.problems().sorted().stream().filter(Problem::isError).map(Problem::format).toList());
    }

    @Test
    void aTextWithRawHtmlHasNoTagsAndTheBuildChecksItsWholePage() throws IOException {
        Path content = TestContent.settingsOnly(dir);
        TestContent.write(content.resolve("en/info/raw.md"), "---\ntitle: Raw\n---\n\n<h2 id=\"q\">Written in HTML</h2>\n");
        Rendered rendered = Rendered.of(content, List.of());
        Page page = ContentLoader.withBody(rendered.site().pages().get(0), new Problems()).orElseThrow();
        assertTrue(rendered.markdown().render(page, new Problems()).tags().isEmpty(), "only parsing tells what raw HTML became");

        SiteBuilder.Result check = new SiteBuilder(new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of())).build();

        // The id is the search field's: the Markdown stage reports it with its line, and cleaning leaves it out of the page.
        List<String> errors = check.problems().sorted().stream().filter(Problem::isError).map(Problem::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("/en/info/raw.md:5:1: error: the id \"q\" is one the page's layout uses"), errors.toString());
    }
}
