package city.beacon.markdown;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {
    /** content path -> site address of the pages the links below may point at. */
    private static final Map<String, String> PAGES = Map.of(
            "uk/dovidka/about.md", "uk/dovidka/about/",
            "uk/dovidka/pasport.md", "uk/dovidka/pasport/",
            "uk/dovidka/гуманітарна-допомога.md", "uk/dovidka/humanitarna-dopomoha/",
            "uk/pidtrymka/liniia.md", "uk/pidtrymka/liniia/",
            "files/plan.pdf", "files/plan.pdf");

    private static final LinkTargets TARGETS = new LinkTargets() {
        @Override
        public Optional<String> urlOf(String contentPath) {
            return Optional.ofNullable(PAGES.get(contentPath));
        }

        @Override
        public boolean isUnpublished(String contentPath) {
            return contentPath.equals("uk/dovidka/chernetka.md");
        }

        @Override
        public Collection<String> knownPaths() {
            return PAGES.keySet();
        }
    };

    private final Problems problems = new Problems();

    /**
     * The page content/uk/dovidka/about.md with {@code body}; the body's first line is line 4 of the file.
     * A footnote's link back is named as the Ukrainian texts name it ({@code footnote_back}).
     */
    private RenderedMarkdown render(String body) {
        Page page = Fixtures.page("uk/dovidka/about.md", "---\ntitle: Про нас\n---\n" + body);
        return new MarkdownRenderer(TARGETS, false, Shortcodes.NONE, java.util.Map.of("uk", "Назад до посилання {n}")).render(page, problems);
    }

    @Test
    void headingIdsAreTheSameInATurkishJvm() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
        try {
            String html = render("## Important IDs\n").html();
            assertTrue(html.contains("id=\"important-ids\""), html);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aLinkWhoseTextIsItsAddressIsMarkedSoPrintDoesNotRepeatTheAddress() {
        assertEquals("<p>Chat: <a href=\"https://example.org/chat\" class=\"bare\">https://example.org/chat</a></p>\n",
                render("Chat: <https://example.org/chat>\n").html());
        assertEquals("<p>Chat: <a href=\"https://example.org/chat\" class=\"bare\">https://example.org/chat</a></p>\n",
                render("Chat: https://example.org/chat\n").html());
        assertEquals("<p><a href=\"https://example.org/chat\">the chat</a></p>\n", render("[the chat](https://example.org/chat)\n").html());
    }

    @Test
    void gfmTableBecomesAnHtmlTable() {
        String html = render("| Етап | Строк |\n|---|---|\n| Огляд | 30 днів |\n").html();
        assertEquals("<table>\n<thead>\n<tr>\n<th>Етап</th>\n<th>Строк</th>\n</tr>\n</thead>\n"
                + "<tbody>\n<tr>\n<td>Огляд</td>\n<td>30 днів</td>\n</tr>\n</tbody>\n</table>\n", html);
    }

    @Test
    void strikethroughAndAutolink() {
        assertEquals("<p><del>closed</del> see <a href=\"https://example.org/a\" class=\"bare\">https://example.org/a</a></p>\n",
                render("~~closed~~ see https://example.org/a\n").html());
    }

    @Test
    void headingsGetIdsThatKeepCyrillicLetters() {
        RenderedMarkdown md = render("## Як подати заяву\n\n## What to bring?\n\n## Як подати заяву\n");
        assertEquals("<h2 id=\"як-подати-заяву\">Як подати заяву</h2>\n<h2 id=\"what-to-bring\">What to bring?</h2>\n"
                + "<h2 id=\"як-подати-заяву-1\">Як подати заяву</h2>\n", md.html());
        assertEquals(new RenderedMarkdown.Heading(2, "What to bring?", "what-to-bring", 6), md.headings().get(1));
    }

    @Test
    void headingNeverTakesAnIdTheTemplatesUse() {
        assertEquals("<h2 id=\"documents-1\">Documents</h2>\n<h2 id=\"main-1\">Main</h2>\n",
                render("## Documents\n\n## Main\n").html());
    }

    @Test
    void linksToPagesBecomeRelativeAddresses() {
        String html = render("""
                [same folder](pasport.md)
                [other section](../pidtrymka/liniia.md#hours)
                [Cyrillic name](гуманітарна-допомога.md)
                [encoded](%D0%B3%D1%83%D0%BC%D0%B0%D0%BD%D1%96%D1%82%D0%B0%D1%80%D0%BD%D0%B0-%D0%B4%D0%BE%D0%BF%D0%BE%D0%BC%D0%BE%D0%B3%D0%B0.md)
                [a file](../../files/plan.pdf)
                [this page](#top)
                """).html();
        assertEquals("<p><a href=\"../pasport/\">same folder</a>\n"
                + "<a href=\"../../pidtrymka/liniia/#hours\">other section</a>\n"
                + "<a href=\"../humanitarna-dopomoha/\">Cyrillic name</a>\n"
                + "<a href=\"../humanitarna-dopomoha/\">encoded</a>\n"
                + "<a href=\"../../../files/plan.pdf\">a file</a>\n"
                + "<a href=\"#top\">this page</a></p>\n", html);
        assertEquals(List.of(), Fixtures.lines(problems));
    }

    @Test
    void internalLinksAreHandedOnWithTheirFragmentAndLine() {
        RenderedMarkdown md = render("Text\n\nSee [lines](../pidtrymka/liniia.md#hours).\n");
        assertEquals(List.of(new RenderedMarkdown.InternalLink("uk/pidtrymka/liniia/", "hours", "../pidtrymka/liniia.md#hours", 6, 5)),
                md.links());
    }

    @Test
    void linkToAMissingPageIsReportedWithLineAndDidYouMean() {
        render("Intro\n\nRead [the guide](pasprt.md).\n");
        assertEquals(List.of("content/uk/dovidka/about.md:6:6: error: the link \"pasprt.md\" points to a page that does not exist; "
                + "did you mean 'pasport.md'?"), Fixtures.lines(problems));
    }

    @Test
    void linkToADraftSaysItIsNotPublished() {
        render("[draft](chernetka.md)\n");
        assertEquals(List.of("content/uk/dovidka/about.md:4:1: error: the link \"chernetka.md\" points to a page that is not published "
                + "(a draft or an inactive alert); publish that page first, or remove the link"), Fixtures.lines(problems));
    }

    @Test
    void absolutePathIsRefused() {
        render("[guide](/uk/dovidka/pasport/)\n");
        assertEquals(List.of("content/uk/dovidka/about.md:4:1: error: the link \"/uk/dovidka/pasport/\" starts with '/', "
                + "which breaks on mirrors under a sub-path; link to the page's .md file with a relative path, like ../poslugy/pasport.md"),
                Fixtures.lines(problems));
    }

    @Test
    void javascriptLinkIsAnErrorAndNeverReachesTheOutput() {
        String html = render("[click](javascript:alert(1))\n").html();
        assertFalse(html.contains("javascript:"), html);
        assertEquals(List.of("content/uk/dovidka/about.md:4:1: error: the link \"javascript:alert(1)\" uses 'javascript:', "
                + "which is not allowed; links may start with https://, http://, mailto: or tel:"), Fixtures.lines(problems));
    }

    @Test
    void linksAreNotMarkedNofollow() {
        // commonmark adds rel="nofollow" when it sanitizes URLs; these are the city's own pages and trusted sites.
        String html = render("[same folder](pasport.md) and https://example.org/\n").html();
        assertFalse(html.contains("nofollow"), html);
    }

    @Test
    void rawHtmlIsSanitizedWithAWarningNamingWhatWasRemoved() {
        String html = render("""
                <script>alert(1)</script>

                <iframe src="https://evil.example/"></iframe>

                <p style="color:red" onclick="steal()">Hello <a href="javascript:alert(2)">there</a> <abbr title="Центр">ЦНАП</abbr></p>
                """).html();
        for (String bad : List.of("<script", "alert(1)", "<iframe", "evil.example", "onclick", "style=", "javascript:")) {
            assertFalse(html.contains(bad), bad + " in " + html);
        }
        assertTrue(html.contains("<p>Hello <a>there</a> <abbr title=\"Центр\">ЦНАП</abbr></p>"), html);
        assertEquals(List.of(
                "content/uk/dovidka/about.md:4:1: warning: raw HTML was changed for safety: <script> removed; write it in Markdown instead",
                "content/uk/dovidka/about.md:6:1: warning: raw HTML was changed for safety: <iframe> removed; write it in Markdown instead",
                "content/uk/dovidka/about.md:8:1: warning: raw HTML was changed for safety: the href attribute of <a>, "
                        + "the onclick attribute of <p>, the style attribute of <p> removed; write it in Markdown instead"),
                Fixtures.lines(problems));
    }

    @Test
    void linksInRawHtmlFollowTheRulesOfMarkdownLinksWithTheirLine() {
        String html = render("""
                [md](//evil.example/a)

                <p>Intro
                <a href="//evil.example/b">protocol-relative</a> <img src="//evil.example/c.png" alt="c">
                <a href="/uk/dovidka/pasport/">rooted</a> <a href="ftp://files.example/d">ftp</a></p>

                Text <a href="pasprt.md">typo</a> and <a href="https://example.org/ok">fine</a>.
                """).html();
        assertEquals(List.of(
                "content/uk/dovidka/about.md:4:1: error: the link \"//evil.example/a\" starts with '/', which breaks on mirrors "
                        + "under a sub-path; link to the page's .md file with a relative path, like ../poslugy/pasport.md",
                "content/uk/dovidka/about.md:7:1: error: the link \"//evil.example/b\" starts with '/', which breaks on mirrors "
                        + "under a sub-path; link to the page's .md file with a relative path, like ../poslugy/pasport.md",
                "content/uk/dovidka/about.md:7:50: error: the link \"//evil.example/c.png\" starts with '/', which breaks on mirrors "
                        + "under a sub-path; link to the page's .md file with a relative path, like ../poslugy/pasport.md",
                "content/uk/dovidka/about.md:8:1: error: the link \"/uk/dovidka/pasport/\" starts with '/', which breaks on mirrors "
                        + "under a sub-path; link to the page's .md file with a relative path, like ../poslugy/pasport.md",
                "content/uk/dovidka/about.md:8:43: error: the link \"ftp://files.example/d\" uses 'ftp:', which is not allowed; "
                        + "links may start with https://, http://, mailto: or tel:",
                "content/uk/dovidka/about.md:10:6: error: the link \"pasprt.md\" points to a page that does not exist; "
                        + "did you mean 'pasport.md'?"),
                Fixtures.lines(problems));
        assertTrue(html.contains("<a href=\"https://example.org/ok\">fine</a>"), html);
    }

    @Test
    void linkToAPageInRawHtmlBecomesItsAddress() {
        RenderedMarkdown md = render("<p><a href=\"pasport.md#how\">passport</a> <img src=\"../../files/plan.pdf\" alt=\"plan\"></p>\n");
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("<p><a href=\"../pasport/#how\">passport</a> <img src=\"../../../files/plan.pdf\" alt=\"plan\"></p>\n", md.html());
        assertEquals(List.of(new RenderedMarkdown.InternalLink("uk/dovidka/pasport/", "how", "pasport.md#how", 4, 4),
                new RenderedMarkdown.InternalLink("files/plan.pdf", null, "../../files/plan.pdf", 4, 42)), md.links());
    }

    @Test
    void levelOneHeadingIsAnErrorBecauseTheTitleIsTheOnlyOne() {
        render("# Title again\n");
        assertEquals(List.of("content/uk/dovidka/about.md:4:1: error: a level-1 heading ('# ...') in the text; "
                + "the page title is the only one; start the sections of the text with '## '"), Fixtures.lines(problems));
    }

    @Test
    void aClosingTypographicQuoteOrBracketIsNotPartOfAnAutolinkedAddress() {
        String html = render("Дивіться «https://example.org/a», “https://example.org/b” і ‘www.example.org/c’ (https://example.org/d).\n").html();
        assertEquals("<p>Дивіться «<a href=\"https://example.org/a\" class=\"bare\">https://example.org/a</a>», "
                + "“<a href=\"https://example.org/b\" class=\"bare\">https://example.org/b</a>” "
                + "і ‘<a href=\"http://www.example.org/c\">www.example.org/c</a>’ "
                + "(<a href=\"https://example.org/d\" class=\"bare\">https://example.org/d</a>).</p>\n", html);
    }

    @Test
    void rawHtmlKeepsTheAttributesThatCarryMeaning() {
        String html = render("""
                <p id="intro" lang="en" dir="ltr" title="In English" role="note" aria-label="Note">Hello
                <a name="old-anchor" id="up" href="#intro" aria-describedby="intro">up</a> <span lang="uk">привіт</span></p>
                """).html();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("<p id=\"intro\" lang=\"en\" dir=\"ltr\" title=\"In English\" role=\"note\" aria-label=\"Note\">Hello\n"
                + "<a name=\"old-anchor\" id=\"up\" href=\"#intro\" aria-describedby=\"intro\">up</a> <span lang=\"uk\">привіт</span></p>\n", html);
    }

    @Test
    void targetBlankIsKeptWithRelNoopenerAndNoFinding() {
        String html = render("""
                Text <a href="https://example.org/" target="_blank">new tab</a> and
                <a href="https://example.org/b" target="_blank" rel="noopener">another</a>.
                """).html();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("<p>Text <a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\">new tab</a> and\n"
                + "<a href=\"https://example.org/b\" target=\"_blank\" rel=\"noopener noreferrer\">another</a>.</p>\n", html);
    }

    @Test
    void anHtmlCommentIsDroppedWithoutAFinding() {
        String html = render("""
                <!-- a note for the next editor -->

                Text <!-- inline note --> here.
                """).html();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("\n<p>Text  here.</p>\n", html);
    }

    @Test
    void whatCleaningRemovesIsNamedWithTheLineOfItsElement() {
        render("""
                Text.

                <div>
                <p>First</p>
                <p onclick="steal()" style="color:red">Second</p>
                </div>
                """);
        assertEquals(List.of("content/uk/dovidka/about.md:8:1: warning: raw HTML was changed for safety: the onclick attribute of <p>, "
                + "the style attribute of <p> removed; write it in Markdown instead"), Fixtures.lines(problems));
    }

    @Test
    void anIdWrittenTwiceOrTakenFromTheLayoutIsAnErrorWithItsLine() {
        String html = render("""
                <p id="where">Written in HTML</p>

                ## Contacts

                <span id="contacts">Also contacts</span> <a name="top"></a>

                ## Help {#contacts}

                ## Places {#top}
                """).html();
        assertEquals(List.of(
                "content/uk/dovidka/about.md:4:1: error: the id \"where\" is one the page's layout uses; "
                        + "choose another id (the layout's ids are: documents, help-title, hits, main, mirror-files, mirror-list, phones, q, steps, where)",
                "content/uk/dovidka/about.md:8:1: error: the id \"contacts\" is already used on this page (line 6); "
                        + "give each element its own id",
                "content/uk/dovidka/about.md:10:1: error: the id \"contacts\" is already used on this page (line 6); "
                        + "give each element its own id",
                "content/uk/dovidka/about.md:12:1: error: the id \"top\" is already used on this page (line 8); "
                        + "give each element its own id"),
                Fixtures.lines(problems));
        assertEquals(1, html.split("id=\"contacts\"", -1).length - 1, "the page's HTML has each id once: " + html);
        assertFalse(html.contains("id=\"where\""), html);
    }

    @Test
    void aHeadingWhoseIdAnElementAboveAlreadyHasIsAnErrorWithItsLine() {
        String html = render("""
                <p id="contacts">Written in HTML</p>

                ## Contacts
                """).html();
        assertEquals(List.of("content/uk/dovidka/about.md:6:1: error: the heading \"Contacts\" gets the id \"contacts\", which is "
                + "already used on this page (line 4); write an id of its own after the heading, as in '## Contacts {#other-id}', "
                + "or change the other one"), Fixtures.lines(problems));
        assertEquals("<p id=\"contacts\">Written in HTML</p>\n<h2 id=\"contacts-1\">Contacts</h2>\n", html);
    }

    @Test
    void aHeadingTakesTheIdItsEditorWrote() {
        RenderedMarkdown md = render("""
                ## Як отримати довідку {#dovidka}

                [down](#dovidka)
                """);
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("<h2 id=\"dovidka\">Як отримати довідку</h2>\n<p><a href=\"#dovidka\">down</a></p>\n", md.html());
        assertEquals(List.of(new RenderedMarkdown.Heading(2, "Як отримати довідку", "dovidka", 4)), md.headings());
    }

    /** Seen 17 times on 18F's handbook ("edit##gid=0"): the advice was about spaces, which it has none of. */
    @Test
    void aMalformedAddressIsToldWhatToWriteInsteadOfTheCharacterAtFault() {
        render("""
                [sheet](https://docs.example.org/d/1/edit##gid=0) and [form](<https://example.org/a b>) and [x](https://example.org/a|b)
                """);
        List<String> lines = Fixtures.lines(problems);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("is malformed: Illegal character in fragment; an address has one '#': write any other as %23 "
                + "(a browser drops what follows the second); check the address in a browser"), lines.get(0));
        assertTrue(lines.get(1).endsWith("spaces must be written as %20; check the address in a browser"), lines.get(1));
        assertTrue(lines.get(2).endsWith("write '|' as %7C; check the address in a browser"), lines.get(2));
    }

    /** Seen on a real Jekyll site (kramdown reads neither): the braces were published as text, and the id made of them doubled. */
    @Test
    void anIdWrittenWithCharactersAnIdCannotHaveIsAnErrorWithTheIdToWrite() {
        RenderedMarkdown md = render("""
                ## Delivery (aka crew) {#delivery-(aka-crew)}

                ## Help wanted {##help-wanted}
                """);
        assertEquals(List.of(
                "content/uk/dovidka/about.md:4:1: error: the heading ends with '{#delivery-(aka-crew)}', which is not an id; "
                        + "an id is letters, digits, '-' and '_' after one '#'; write '{#delivery-aka-crew}'",
                "content/uk/dovidka/about.md:6:1: error: the heading ends with '{##help-wanted}', which is not an id; "
                        + "an id is letters, digits, '-' and '_' after one '#'; write '{#help-wanted}'"), Fixtures.lines(problems));
        assertEquals("<h2 id=\"delivery-aka-crew\">Delivery (aka crew)</h2>\n<h2 id=\"help-wanted\">Help wanted</h2>\n", md.html());
    }

    @Test
    void footnotesAreNumberedInOrderAndListedAtTheEndWithLinksBackInThePagesLanguage() {
        String html = render("""
                Допомога безоплатна.[^1] Див. також сайт міста[^сайт].

                [^сайт]: Розділ «Послуги».
                [^1]: Постанова № 1.
                """).html();
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("""
                <p>Допомога безоплатна.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> \
                Див. також сайт міста<sup class="footnote-ref"><a href="#fn-сайт" id="fnref-сайт">2</a></sup>.</p>
                <section class="footnotes">
                <ol>
                <li id="fn-1">
                <p>Постанова № 1. <a href="#fnref-1" class="footnote-backref" aria-label="Назад до посилання 1">↩</a></p>
                </li>
                <li id="fn-сайт">
                <p>Розділ «Послуги». <a href="#fnref-сайт" class="footnote-backref" aria-label="Назад до посилання 2">↩</a></p>
                </li>
                </ol>
                </section>
                """, html);
    }

    @Test
    void footnotesLookTheSameOnAPageWithRawHtml() {
        String plain = render("Text.[^a]\n\n[^a]: A note.\n").html();
        String withRawHtml = render("Text.[^a]\n\n[^a]: A note.\n\n<p lang=\"en\">Raw</p>\n").html();
        assertEquals(plain.replace("<section", "<p lang=\"en\">Raw</p>\n<section"), withRawHtml);
    }

    @Test
    void aTaskListShowsReadOnlyCheckBoxes() {
        String html = render("- [ ] Passport\n- [x] Photo\n").html();
        String cleaned = render("- [ ] Passport\n- [x] Photo\n\n<!-- raw HTML: the page is cleaned -->\n").html();
        assertTrue(cleaned.contains("<li><input type=\"checkbox\" disabled checked> Photo</li>"), "kept by cleaning: " + cleaned);
        assertEquals("<ul>\n<li><input type=\"checkbox\" disabled=\"\"> Passport</li>\n"
                + "<li><input type=\"checkbox\" disabled=\"\" checked=\"\"> Photo</li>\n</ul>\n", html);
    }

    @Test
    void anImageFromAnotherSiteIsAnErrorWithItsLineInMarkdownAndInRawHtml() {
        RenderedMarkdown md = render("""
                ![Map of shelters](https://maps.example.org/shelters.png)

                <p>The plan: <img src="https://cdn.example.org/plan.png" alt="plan"></p>
                """);
        assertEquals(List.of(
                "content/uk/dovidka/about.md:4:1: error: the image \"https://maps.example.org/shelters.png\" would load from "
                        + "another site; pages may load only files of this site: copy the file into content/static/ and show it "
                        + "from there, or link to it instead",
                "content/uk/dovidka/about.md:6:14: error: the image \"https://cdn.example.org/plan.png\" would load from "
                        + "another site; pages may load only files of this site: copy the file into content/static/ and show it "
                        + "from there, or link to it instead"),
                Fixtures.lines(problems));
        assertTrue(md.checkedHrefs().containsAll(List.of("https://maps.example.org/shelters.png", "https://cdn.example.org/plan.png")),
                "the check of the page's HTML does not report them again, without a line: " + md.checkedHrefs());
    }

    @Test
    void imageWithoutAltTextIsAnError() {
        render("![](../../files/plan.pdf)\n");
        assertTrue(Fixtures.lines(problems).get(0).startsWith("content/uk/dovidka/about.md:4:1: error: an image without a description"));
    }
}
