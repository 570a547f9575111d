package city.beacon.markdown;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.ShortcodePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hugo shortcodes left in a page: never published silently; site.yaml's 'shortcodes:' says what to do with them. */
class ShortcodesTest {
    private static final LinkTargets NO_PAGES = new LinkTargets() {
        @Override
        public Optional<String> urlOf(String contentPath) {
            return Optional.empty();
        }

        @Override
        public boolean isUnpublished(String contentPath) {
            return false;
        }

        @Override
        public Collection<String> knownPaths() {
            return List.of();
        }
    };

    private static final String FILE = "content/uk/dovidka/about.md";
    private final Problems problems = new Problems();

    /** content/uk/dovidka/about.md with {@code body}, whose first line is line 4 of the file. */
    private String render(String body, Map<String, ShortcodePolicy> policies, boolean migrate) {
        Page page = Fixtures.page("uk/dovidka/about.md", "---\ntitle: Про нас\n---\n" + body);
        return new MarkdownRenderer(NO_PAGES, false, new Shortcodes(policies, migrate)).render(page, problems).html();
    }

    private String render(String body) {
        return render(body, Map.of(), false);
    }

    @Test
    void aShortcodeLeftInTheTextIsAnErrorAtItsLineAndColumnAndItsClosingTagIsNotReportedAgain() {
        render("Перший абзац.\n\nДив. {{< note >}}\nПам'ятайте про документи.\n{{< /note >}}\n");
        assertEquals(List.of(FILE + ":6:6: error: the Hugo shortcode {{< note >}} is not Beacon Markdown: residents would see it as text; "
                + "write a quote instead: '> **Note:** ...' (or say in site.yaml what to do with it: 'shortcodes: {note: unwrap}' keeps "
                + "the text between its tags, 'drop' removes it)"), Fixtures.lines(problems));
    }

    /** vitessio/website imported: findings on a line with unwrapped shortcodes named a column of the text without them. */
    @Test
    void findingsAfterAnUnwrappedShortcodeNameTheColumnInTheFileAsWritten() {
        render("""
                A line with {{< note >}}inline{{< /note >}} and ![](map.png) here.
                {{< note >}}
                Over lines {{< /note >}} then ![](plan.png).
                """, Map.of("note", ShortcodePolicy.UNWRAP), false);
        // line 4 of the file: the image is at column 49; line 6, after the closing tag: at column 31
        String noAlt = ": error: an image without a description (alt text); "
                + "write what the image shows between the brackets: ![Map of shelters near the metro](map.png)";
        assertEquals(List.of(FILE + ":4:49" + noAlt, FILE + ":4:49: error: the link \"map.png\" points to a page that does not exist",
                        FILE + ":6:31" + noAlt, FILE + ":6:31: error: the link \"plan.png\" points to a page that does not exist"),
                Fixtures.lines(problems));
    }

    /** Seen on 18F's Jekyll handbook: "{% slack_channel ... %}" and links to "{{base.baseurl}}/software/" published as text. */
    @Test
    void jekyllsLiquidTagsAndExpressionsAreFindingsAtTheirPlaceNotTextAndNotBrokenLinks() {
        render("""
                Ask in {% slack_channel "help" %}.

                See [the software]({{base.baseurl}}/software/) and {{ site.title | upcase }}.

                `{% include kept-in-code.html %}` and {{< note >}}.
                """);
        assertEquals(List.of(
                FILE + ":4:8: error: the Jekyll (Liquid) tag {% slack_channel %} is not Beacon Markdown: residents would see it as text; "
                        + "write it in Markdown",
                FILE + ":6:20: error: the Jekyll (Liquid) expression {{ base.baseurl }} is not Beacon Markdown: residents would see it as text; "
                        + "write a link to the page's .md file, relative to this one: [text](../poslugy/forma.md)",
                FILE + ":6:52: error: the Jekyll (Liquid) expression {{ site.title }} is not Beacon Markdown: residents would see it as text; "
                        + "write it in Markdown",
                FILE + ":8:39: error: the Hugo shortcode {{< note >}} is not Beacon Markdown: residents would see it as text; "
                        + "write a quote instead: '> **Note:** ...' (or say in site.yaml what to do with it: 'shortcodes: {note: unwrap}' keeps "
                        + "the text between its tags, 'drop' removes it)"), Fixtures.lines(problems));
    }

    @Test
    void liquidUnderMigrateIsAWarning() {
        render("{% include banner.html %}\n", Map.of(), true);
        assertEquals(List.of(FILE + ":4:1: warning: the Jekyll (Liquid) tag {% include %} is not Beacon Markdown: residents would see it as text; "
                + "copy what it includes into the page, in Markdown"), Fixtures.lines(problems));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{{< figure src=\"map.png\" alt=\"Map\" >}}|1|{{< figure >}}|write an image instead: ![what it shows](map.png)",
            "Подайте [форму]({{< ref \"forma.md\" >}}).|17|{{< ref >}}|write a link to the page's .md file, relative to this one, instead: [text](../poslugy/forma.md)",
            "[форму]({{< relref \"forma.md\" >}})|9|{{< relref >}}|write a link to the page's .md file, relative to this one, instead: [text](../poslugy/forma.md)",
            "{{% youtube dQw4w9WgXcQ %}}|1|{{% youtube %}}|write a plain link instead: [Watch the video](https://www.youtube.com/watch?v=...)",
            "{{< vimeo 146022717 >}}|1|{{< vimeo >}}|write a plain link instead: [Watch the video](https://vimeo.com/...)",
            "{{< warning >}}Обережно{{< /warning >}}|1|{{< warning >}}|write a quote instead: '> **Warning:** ...'",
            "{{< callout >}}Обережно{{< /callout >}}|1|{{< callout >}}|write a quote instead: '> **Note:** ...'",
            "{{< tabs >}}|1|{{< tabs >}}|write it in Markdown",
    })
    void eachCommonShortcodeIsToldWhatToWriteInstead(String body, int column, String named, String suggestion) {
        render(body + "\n");
        List<String> lines = Fixtures.lines(problems);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(FILE + ":4:" + column + ": error: the Hugo shortcode " + named
                + " is not Beacon Markdown: residents would see it as text; " + suggestion), lines.get(0));
    }

    @Test
    void shortcodesInCodeAreTheEditorsTextAndAreNotReported() {
        String html = render("""
                Приклад:

                ```
                {{< note >}}Текст{{< /note >}}
                ```

                    {{< youtube abc >}}

                Напишіть `{{% figure src="a.png" %}}` у старому сайті.
                """);
        assertEquals(List.of(), Fixtures.lines(problems));
        assertTrue(html.contains("<code>{{% figure src=&quot;a.png&quot; %}}</code>"), html);
        assertTrue(html.contains("{{&lt; note &gt;}}Текст{{&lt; /note &gt;}}"), html);
    }

    @Test
    void aClosingTagWithoutItsOpeningIsReportedByItself() {
        render("Текст.\n{{< /note >}}\n");
        assertEquals(List.of(FILE + ":5:1: error: the Hugo shortcode {{< /note >}} is not Beacon Markdown: residents would see it as text; "
                + "write a quote instead: '> **Note:** ...' (or say in site.yaml what to do with it: 'shortcodes: {note: unwrap}' keeps "
                + "the text between its tags, 'drop' removes it)"), Fixtures.lines(problems));
    }

    @Test
    void underCheckMigrateAShortcodeIsAWarning() {
        render("{{< note >}}Текст{{< /note >}}\n", Map.of(), true);
        List<String> lines = Fixtures.lines(problems);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(FILE + ":4:1: warning: the Hugo shortcode {{< note >}} is not Beacon Markdown"), lines.get(0));
    }

    @Test
    void unwrapRemovesTheTagsAndKeepsTheMarkdownBetweenThem() {
        String html = render("{{< note >}}\n**Важливо:** візьміть паспорт.\n{{< /note >}}\n\nІ {{< note title=\"x\" >}}ще{{< /note >}} раз.\n",
                Map.of("note", ShortcodePolicy.UNWRAP), false);
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals("<p><strong>Важливо:</strong> візьміть паспорт.</p>\n<p>І ще раз.</p>\n", html);
    }

    @Test
    void dropRemovesTheShortcodeAndItsTextWithOneWarningPerPage() {
        String html = render("Вступ.\n\n{{< youtube abc >}}\n\nДалі.\n\n{{< youtube >}}Про відео{{< /youtube >}}\n\nКінець.\n",
                Map.of("youtube", ShortcodePolicy.DROP), false);
        assertEquals("<p>Вступ.</p>\n<p>Далі.</p>\n<p>Кінець.</p>\n", html);
        assertEquals(List.of(FILE + ":6:1: warning: 2 Hugo shortcodes {{< youtube >}} were removed from this page, as site.yaml says "
                + "('shortcodes: {youtube: drop}'); write what residents need of them in Markdown, or leave it"), Fixtures.lines(problems));
    }

    @Test
    void findingsAfterAnUnwrappedOrDroppedShortcodeKeepTheLinesOfTheFile() {
        render("{{< note >}}\nТекст\n{{< /note >}}\n{{< youtube\n  abc >}}\n\n# Заголовок\n",
                Map.of("note", ShortcodePolicy.UNWRAP, "youtube", ShortcodePolicy.DROP), false);
        List<String> lines = Fixtures.lines(problems);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(FILE + ":10:1: error: a level-1 heading")), lines.toString());
    }

    @Test
    void aShortcodeWithoutAPolicyIsStillReportedWhenOthersHaveOne() {
        render("{{< note >}}Текст{{< /note >}} {{< figure src=\"a.png\" >}}\n", Map.of("note", ShortcodePolicy.UNWRAP), false);
        List<String> lines = Fixtures.lines(problems);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(FILE + ":4:32: error: the Hugo shortcode {{< figure >}}"), lines.get(0));
    }

    @Test
    void theTextIsRewrittenWithoutAParserOfItsOwnAndKeepsItsLines() {
        assertEquals("\nТекст\n\n\n\n", Shortcodes.applied("{{< note >}}\nТекст\n{{< /note >}}\n{{< youtube\n  abc >}}\n",
                Map.of("note", ShortcodePolicy.UNWRAP, "youtube", ShortcodePolicy.DROP)));
    }

    @Test
    void aShortcodeInsideAnUnwrappedOneIsStillReportedAndOneInsideADroppedOneGoesWithIt() {
        String html = render("{{< note >}}Див. {{< figure src=\"a.png\" >}}{{< /note >}}\n\n{{< details >}}{{< tabs >}}Таб{{< /details >}}\n",
                Map.of("note", ShortcodePolicy.UNWRAP, "details", ShortcodePolicy.DROP), false);
        assertEquals("<p>Див. {{&lt; figure src=&quot;a.png&quot; &gt;}}</p>\n", html);
        List<String> lines = Fixtures.lines(problems);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(FILE + ":4:18: error: the Hugo shortcode {{< figure >}}"), lines.get(0));
        assertTrue(lines.get(1).startsWith(FILE + ":6:1: warning: a Hugo shortcode {{< details >}} was removed from this page"), lines.get(1));
    }

    @Test
    void aShortcodeInRawHtmlIsReportedAtItsLineAndOnlyAsAShortcode() {
        render("Текст.\n\n<p>Див. <a href=\"{{< ref \"forma.md\" >}}\">форму</a></p>\n");
        List<String> lines = Fixtures.lines(problems);
        assertEquals(List.of(FILE + ":6:18: error: the Hugo shortcode {{< ref >}} is not Beacon Markdown: residents would see it as text; "
                + "write a link to the page's .md file, relative to this one, instead: [text](../poslugy/forma.md) (or say in site.yaml what "
                + "to do with it: 'shortcodes: {ref: unwrap}' keeps the text between its tags, 'drop' removes it)"), lines);
    }
}
