package city.beacon.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorFixesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "the [resharding guide](../resharding) instead.      | 5  | the resharding guide instead.",
            "The [`GetVSchema`](../vtctl/#getvschema) command    | 5  | The `GetVSchema` command",
            "接下来学习[Vitess concepts](../overview/concepts) 部分    | 6  | 接下来学习Vitess concepts 部分",
            "a [b](x.md) and [c](gone.md).                       | 17 | a [b](x.md) and c.",
            "see [the [old] list](../a_(b)/ ~\"Old (2019)\"~) now     | 5  | see the [old] list now",
            "a [`[x]`](gone.md) b                                | 3  | a `[x]` b",
            "a [text][ref] b                                     | 3  | a text b",
            "![a diagram](img/gone.png) b                        | 1  | a diagram b",
            "a [text](<a file.md>) b                             | 3  | a text b",
    })
    void markdownLinkToAMissingPageBecomesItsText(String line, int column, String expected) {
        assertEquals(Optional.of(expected), EditorFixes.linkBecomesText(line, column));
    }

    @Test
    void linkWhoseTextGoesOverALineBreakBecomesItsText() {
        assertEquals(Optional.of("In case of `vtgate` `vstream`\nevents, see"),
                EditorFixes.linkBecomesText("In case of [`vtgate` `vstream`\nevents](../../vstream/), see", 12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a [link that goes](over two lines | 3",
            "a <a href=\"gone.md\">link</a> b | 3",
            "no link here | 1",
            "[text] alone | 1",
            "a [b](c | 3",
            "short | 40",
    })
    void whatIsNotAMarkdownLinkOnTheLineIsLeftAlone(String line, int column) {
        assertEquals(Optional.empty(), EditorFixes.linkBecomesText(line, column));
    }

    @Test
    void malformedAddressWithATemplateLosesItsLink() {
        assertEquals(Optional.of("| URL of a tablet (default \"`http://{{.GetTabletHostPort}}`\") |"),
                EditorFixes.addressLosesLink("| URL of a tablet (default \"http://{{.GetTabletHostPort}}\") |", 29, "http://{{.GetTabletHostPort}}"));
        assertEquals(Optional.of("see `http://{{.Host}}/debug` now"),
                EditorFixes.addressLosesLink("see <http://{{.Host}}/debug> now", 5, "http://{{.Host}}/debug"));
        assertEquals(Optional.of("see the page now"),
                EditorFixes.addressLosesLink("see [the page](http://{{.Host}}/debug) now", 5, "http://{{.Host}}/debug"));
    }

    @Test
    void addressNotAtTheColumnIsLeftAlone() {
        assertEquals(Optional.empty(), EditorFixes.addressLosesLink("see http://{{.Host}} now", 1, "http://{{.Host}}"));
    }

    @Test
    void pageOnASubSectionsAddressBecomesTheFoldersIndexWhenItHasNone() {
        assertEquals("en/docs/programs/vtbackup/_index.md", EditorFixes.movedPage("en/docs/programs/vtbackup.md",
                "en/docs/programs/vtbackup/", false, "rename the file (e.g. vtbackup-guide.md), or move its text into en/docs/programs/vtbackup/_index.md"));
    }

    @Test
    void pageOnASubSectionsAddressTakesTheSuggestedNameWhenTheFolderHasAnIndex() {
        assertEquals("en/docs/programs/vtbackup-guide.md", EditorFixes.movedPage("en/docs/programs/vtbackup.md",
                "en/docs/programs/vtbackup/", true, "rename the file (e.g. vtbackup-guide.md), or move its text into en/docs/programs/vtbackup/_index.md"));
        assertEquals("en/docs/vtbackup-page.md", EditorFixes.movedPage("en/docs/vtbackup.md", "en/docs/vtbackup/", true, null));
    }

    @Test
    void languageWithoutInterfaceTextsGetsTheEnglishOnesUnderANote() {
        String texts = EditorFixes.interfaceTexts("zh", "skip_link: Skip to content\nemergency: In an emergency, call\n");
        assertTrue(texts.startsWith("# The interface texts of 'zh': a copy of Beacon's English texts"), texts);
        assertTrue(texts.endsWith("Translate each text.\nskip_link: Skip to content\nemergency: In an emergency, call\n"), texts);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "See [show](mysql-query-extensions.md#show-statements). | 5 | See [show](mysql-query-extensions.md).",
            "See [show](../vtctl/#getvschema ~Get~) now               | 5 | See [show](../vtctl/ ~Get~) now",
            "See [above](#gone) now                                  | 5 | See above now",
    })
    void linkToAMissingHeadingLinksToItsPage(String line, int column, String expected) {
        assertEquals(Optional.of(expected.replace('~', '"')), EditorFixes.fragmentDropped(line.replace('~', '"'), column));
    }

    @Test
    void linksToAnIdAPageLacksLinkToThePage() {
        assertEquals("[a](../architecture/) and [b](../architecture/ \"t\") and [c](x/#architecture-2)\n"
                        + "[ref]: ../vtctld.md\n<td><a href=\"#architecture-2\">Two</a> Arch</td>",
                EditorFixes.fragmentDroppedEverywhere("[a](../architecture/#architecture) and [b](../architecture/#architecture \"t\") and "
                        + "[c](x/#architecture-2)\n[ref]: ../vtctld.md#architecture\n<td><a href=\"#architecture-2\">Two</a> <a href=\"#architecture\">Arch</a></td>",
                        "architecture"));
    }

    @Test
    void htmlImageFromAnotherSiteBecomesALinkToIt() {
        assertEquals("<p><a href=\"https://x.org/a.png\">The flow</a> <img src=\"b.png\"></p>",
                EditorFixes.htmlImageBecomesLink("<p><img width=\"40\" src=\"https://x.org/a.png\" alt=\"The flow\"/> <img src=\"b.png\"></p>",
                        "https://x.org/a.png"));
    }

    @Test
    void headingOfADuplicateIdIsTheNearestWithThatTextAndNoIdOfItsOwn() {
        String[] lines = {"### Example 1:", "### Example:", "text", "### Example: {#example-1-4}", "### Example:", "### Examples"};
        assertEquals(4, EditorFixes.nearestHeading(lines, 3, "Example:"));
        assertEquals(1, EditorFixes.nearestHeading(lines, 1, "Example:"));
        assertEquals(-1, EditorFixes.nearestHeading(lines, 1, "Examples:"));
    }

    @Test
    void imageFromAnotherSiteBecomesALinkToIt() {
        assertEquals(Optional.of("[N|Solid](https://miro.medium.com/max/700/1.png) b"),
                EditorFixes.imageBecomesLink("![N|Solid](https://miro.medium.com/max/700/1.png) b", 1));
        assertEquals(Optional.of("a [https://imgur.com/7Of96gT.png](https://imgur.com/7Of96gT.png)"),
                EditorFixes.imageBecomesLink("a ![](https://imgur.com/7Of96gT.png)", 3));
        assertEquals(Optional.empty(), EditorFixes.imageBecomesLink("a [x](https://imgur.com/7.png)", 3));
    }

    @Test
    void imageWithoutDescriptionIsDescribedByItsFileName() {
        assertEquals(Optional.of("![vtgate flow v2](img/vtgate_flow-v2.png)"), EditorFixes.imageDescribedByItsName("![](img/vtgate_flow-v2.png)", 1));
        assertEquals(Optional.empty(), EditorFixes.imageDescribedByItsName("![flow](img/flow.png)", 1));
    }

    @Test
    void levelOneHeadingInTheTextBecomesLevelTwo() {
        assertEquals(Optional.of("## Kubecon+CloudNativeCon EU 2022"), EditorFixes.headingDemoted("# Kubecon+CloudNativeCon EU 2022"));
        assertEquals(Optional.empty(), EditorFixes.headingDemoted("#hashtag"));
    }

    @Test
    void headingWhoseIdIsTakenGetsAnIdOfItsOwn() {
        assertEquals(Optional.of("### Example: {#example-1-115}"), EditorFixes.headingWithId("### Example:  ", "example-1-115"));
    }

    @Test
    void settingOfSiteYamlIsReplacedOrAdded() {
        String yaml = "title: {en: Docs}\npaginate: 50\nmenu: [docs]\n";
        assertEquals("title: {en: Docs}\npaginate: 10000\nmenu: [docs]\n", EditorFixes.withSetting(yaml, "paginate", "10000"));
        assertEquals(yaml + "shortcodes: {info: unwrap, warning: unwrap}\n",
                EditorFixes.withSetting(yaml, "shortcodes", "{info: unwrap, warning: unwrap}"));
    }
}
