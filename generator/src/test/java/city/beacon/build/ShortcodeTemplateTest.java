package city.beacon.build;

import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 item 3: site.yaml can say to write a Hugo shortcode with a template of the theme
 * ({@code shortcodes: {note: template}} and {@code templates/shortcodes/note.html}): the Markdown
 * between its tags rendered where the template says {@code {{inner}}}, its arguments escaped.
 */
class ShortcodeTemplateTest {
    @TempDir
    Path temp;

    private static final String NOTE_PAGE = """
            ---
            title: About the portal
            ---
            Read this first.

            {{< note >}}
            Bring **the koalaform** and [what to bring](../services/passport.md#what-to-bring).
            {{< /note >}}

            The end.
            """;

    @Test
    void aNoteIsWrittenWithTheBundledThemesTemplateItsMarkdownRenderedInside() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled());
        site.edit("site.yaml", text -> text + "shortcodes: {note: template}\n").write("en/info/about.md", NOTE_PAGE);
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        String html = Files.readString(site.out().resolve("en/info/about/index.html"));
        assertTrue(html.contains("<aside class=\"callout\" role=\"note\"><p>Bring <strong>the koalaform</strong> and "
                + "<a href=\"../../services/passport/#what-to-bring\">what to bring</a>.</p>\n</aside>"), html);
        assertFalse(html.contains("BEACONSC") || html.contains("{{"), html);
        assertTrue(result.problems().sorted().stream().noneMatch(p -> p.file().endsWith("about.md")),
                "no finding: the theme's HTML is not the editor's raw HTML " + result.problems().sorted());
        assertTrue(Files.readString(site.out().resolve("en/search-index.js")).contains("\"koalaform\""), "its words are searchable");
    }

    @Test
    void aThemesOwnTemplateGetsTheArgumentsEscapedAndAMissingOneIsAnErrorAtTheShortcode() throws IOException {
        SiteFixture site = new SiteFixture(temp, Theme.bundled()).themeCopy();
        Files.writeString(site.dir().resolve("templates/shortcodes/badge.html"), "<strong class=\"badge\" title=\"{{title}}\">{{0}}</strong>\n");
        site.edit("site.yaml", text -> text + "shortcodes: {badge: template, figure: template}\n")
                .write("en/info/about.md", "---\ntitle: About\n---\nOpen {{< badge \"<i>24/7</i>\" title=\"a \\\"quote\\\"\" >}} now.\n");
        SiteBuilder.Result result = new SiteBuilder(site.options(site.out())).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        String html = Files.readString(site.out().resolve("en/info/about/index.html"));
        assertTrue(html.contains("<p>Open <strong class=\"badge\" title=\"a &quot;quote&quot;\">&lt;i&gt;24/7&lt;/i&gt;</strong> now.</p>"), html);

        site.write("en/info/about.md", "---\ntitle: About\n---\nA map.\n\n{{< figure src=\"map.png\" >}}\n");
        SiteBuilder.Result missing = new SiteBuilder(site.options(site.out())).build();
        assertFalse(missing.published(), missing.problems().sorted().toString());
        List<String> errors = missing.problems().sorted().stream().filter(Problem::isError).map(Problem::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("en/info/about.md:6:1: error: site.yaml says to write {{< figure >}} with the theme's "
                + "templates/shortcodes/figure.html, which the theme does not have"), errors.get(0));
    }
}
