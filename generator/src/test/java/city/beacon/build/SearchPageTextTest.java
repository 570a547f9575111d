package city.beacon.build;

import city.beacon.outputs.SearchKeys;
import city.beacon.render.Theme;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the search index holds the words of each page's text, not only its title, summary and
 * details; never the words of code, comments or scripts. It is made from what each page's rendering kept
 * in the build cache, so an edit of one page's text, built by the plan that renders only that page,
 * finds the new words at once (and {@link WarmEqualsColdTest} holds it to a cold build's bytes).
 */
class SearchPageTextTest {
    @TempDir
    Path dir;

    @Test
    void aWordOnlyInAPagesTextFindsThePageButOneInCodeOrACommentDoesNot() throws IOException {
        SiteFixture site = new SiteFixture(dir, Theme.bundled());
        site.edit("en/services/passport.md", text -> text + """

                Ask the clerk about the quokkafund.

                ```
                numbatcode --help
                ```

                Run `wombatinline` first. <span>dingoshown</span> <!-- emunote -->

                <div class="note">Bring the koalaform.<!-- possumnote --><script>echidnascript()</script></div>
                """);
        build(site);

        assertEquals(List.of("services/passport/"), found(site, "quokkafund"));
        assertEquals(List.of(), found(site, "numbatcode"), "the words of a code block");
        assertEquals(List.of(), found(site, "wombatinline"), "the words of inline code");
        assertEquals(List.of(), found(site, "emunote"), "an HTML comment's words");
        assertEquals(List.of(), found(site, "possumnote"), "an HTML comment's words in a block of raw HTML");
        assertEquals(List.of(), found(site, "echidnascript"), "a script's words");
        assertEquals(List.of("services/passport/"), found(site, "dingoshown"), "the text raw HTML shows, inline");
        assertEquals(List.of("services/passport/"), found(site, "koalaform"), "the text raw HTML shows, in a block");
        assertEquals(List.of("services/passport/"), found(site, "application"), "the fixture's own text: 'The application and a photo.'");
    }

    @Test
    void anEditOfOnePagesTextIsFoundAtOnceThoughOnlyThatPageIsRendered() throws IOException {
        SiteFixture site = new SiteFixture(dir, Theme.bundled());
        build(site);
        assertEquals(List.of(), found(site, "quokkafund"));

        site.edit("en/services/passport.md", text -> text.replace("The application and a photo.",
                "The application, a photo and a receipt from the quokkafund."));
        SiteBuilder.Result edit = build(site);

        assertEquals(1, edit.rendered(), "the plan of text edits renders the edited page alone: " + edit.timings());
        assertEquals(0, edit.listPagesRendered(), edit.timings());
        assertEquals(List.of("services/passport/"), found(site, "quokkafund"));
    }

    private static SiteBuilder.Result build(SiteFixture site) throws IOException {
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        return result;
    }

    /** The addresses (relative to en/search-index.js) of the pages whose title or other words hold {@code word}, folded. */
    private static List<String> found(SiteFixture site, String word) throws IOException {
        String script = Files.readString(site.out().resolve("en/search-index.js"));
        JsonNode index = new ObjectMapper().readTree(script.substring("beaconSearch(".length(), script.lastIndexOf(')')));
        String key = SearchKeys.words(word).iterator().next();
        List<String> pages = new ArrayList<>();
        JsonNode postings = index.get("keys").get(key);
        if (postings == null) return pages;
        for (JsonNode list : postings) {
            int id = 0;
            if (list.asText().isEmpty()) continue;
            for (String step : list.asText().split(",")) {
                id += Integer.parseInt(step, 36);
                pages.add(index.get("pages").get(id).get(0).asText());
            }
        }
        return pages;
    }
}
