package city.beacon.importer;

import city.beacon.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code beacon import}: whole small sites written as text, imported, and the files of the result read. */
class ImporterTest {
    @TempDir
    Path temp;

    private Path site(Map<String, String> files) throws IOException {
        Path source = temp.resolve("old");
        for (var e : files.entrySet()) {
            Path file = source.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            if (e.getValue().startsWith("\u0089PNG")) Files.write(file, e.getValue().getBytes(StandardCharsets.ISO_8859_1));
            else Files.writeString(file, e.getValue());
        }
        return source;
    }

    private Importer.Result run(Importer.Kind kind, Path source, String into) throws Exception {
        return Importer.run(new Importer.Options(kind, source, temp.resolve(into), Optional.empty(), temp.resolve(into + "-report.md")));
    }

    private String read(String into, String file) throws IOException {
        return Files.readString(temp.resolve(into).resolve(file));
    }

    @Test
    void aPageWithoutATitleTakesItsFirstLevelOneHeadingElseItsFileNameAndTheReportNamesIt() throws Exception {
        Path source = site(Map.of(
                "content/docs/scheme-notes.md", "# Scheme documentation\n\nScheme works by evaluating expressions.\n",
                "content/docs/toc-word.md", "## Overview\n\nWords.\n",
                "content/docs/code-first.md", "```\n# not a heading\n```\n"));
        run(Importer.Kind.HUGO, source, "out");
        assertEquals("---\ntitle: \"Scheme documentation\"\n---\n\n\nScheme works by evaluating expressions.\n",
                read("out", "en/docs/scheme-notes.md"), "the heading becomes the title; its line is left blank, so lines keep their numbers");
        assertTrue(read("out", "en/docs/toc-word.md").startsWith("---\ntitle: \"Toc word\"\n---\n## Overview"));
        assertTrue(read("out", "en/docs/code-first.md").startsWith("---\ntitle: \"Code first\"\n---\n```\n# not a heading"),
                "a '#' line in code is not a heading");
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("`docs/scheme-notes.md`: no title; took \"Scheme documentation\" from its first heading"), report);
        assertTrue(report.contains("`docs/toc-word.md`: no title; made \"Toc word\" from its file name"), report);
    }

    @Test
    void hugoFrontMatterMapsToBeaconFieldsAndTheRestIsReportedByName() throws Exception {
        Path source = site(Map.of("content/services/heating.md", """
                ---
                title: "Heating points: where"
                description: Warm rooms open all night.
                date: 2024-01-05T10:00:00+02:00
                lastmod: 2024-03-01
                categories: [energy]
                tags: [heating, energy]
                slug: Warm-Rooms
                weight: 3
                draft: true
                author: Olena
                aliases: [/old/heating/]
                ---
                Text.
                """));
        run(Importer.Kind.HUGO, source, "out");
        assertEquals("""
                ---
                title: "Heating points: where"
                summary: "Warm rooms open all night."
                updated: 2024-03-01
                tags: ["heating", "energy"]
                slug: warm-rooms
                weight: 3
                draft: true
                ---
                Text.
                """, read("out", "en/services/heating.md"));
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("| author | 1 | not needed: remove the line (pages are the city's, not signed) |"), report);
        String redirects = read("out", "data/redirects.yaml");
        assertTrue(redirects.contains("- from: \"/old/heating/\"\n  to: \"en/services/heating.md\""), redirects);
        assertTrue(redirects.contains("- from: \"/services/Warm-Rooms/\"\n  to: \"en/services/heating.md\""), redirects);
    }

    @Test
    void tomlFrontMatterIsReadLikeYamlAndParamsAreReportedAsDropped() throws Exception {
        Path source = site(Map.of("content/info/about.md", """
                +++
                title = "About"
                date = 2023-05-06
                tags = ["city", "portal"]
                weight = 2
                draft = false
                [params]
                  color = "red"
                +++
                About us.
                """));
        run(Importer.Kind.HUGO, source, "out");
        assertEquals("""
                ---
                title: "About"
                updated: 2023-05-06
                tags: ["city", "portal"]
                weight: 2
                ---
                About us.
                """, read("out", "en/info/about.md"));
        assertTrue(Files.readString(temp.resolve("out-report.md")).contains("| params | 1 | no Beacon field"));
    }

    @Test
    void subFoldersBecomeNestedSectionsAndIndexFilesTheirIntroductions() throws Exception {
        Path source = site(Map.of(
                "content/docs/_index.md", "---\ntitle: Documentation\nweight: 1\n---\n",
                "content/docs/guides/_index.md", "---\ntitle: Guides\ndescription: How to.\n---\nThe guides.\n",
                "content/docs/guides/first.md", "---\ntitle: First\n---\nSee [second]({{< ref \"second.md#top\" >}}).\n",
                "content/docs/guides/deeper/second.md", "---\ntitle: Second\n---\nBack to [first](/docs/guides/first/) and [docs](/nowhere/).\n",
                "content/docs/bundle/index.md", "---\ntitle: Bundle\n---\n![map](map.png)\n",
                "content/docs/bundle/map.png", "\u0089PNG\r\n\u001a\n"));
        run(Importer.Kind.HUGO, source, "out");
        assertEquals("---\ntitle: \"Guides\"\nsummary: \"How to.\"\n---\nThe guides.\n", read("out", "en/docs/guides/_index.md"));
        assertEquals("---\ntitle: \"Deeper\"\n---\n", read("out", "en/docs/guides/deeper/_index.md"));
        assertTrue(read("out", "en/docs/guides/first.md").endsWith("See [second](deeper/second.md#top).\n"));
        assertTrue(read("out", "en/docs/guides/deeper/second.md").endsWith("Back to [first](../first.md) and [docs](/nowhere/).\n"));
        assertTrue(read("out", "en/docs/bundle.md").endsWith("![map](../../static/docs/bundle/map.png)\n"));
        assertTrue(Files.exists(temp.resolve("out/static/docs/bundle/map.png")));
        String site = read("out", "site.yaml");
        assertTrue(site.contains("  - id: docs\n    kind: page\n    folder: {en: docs}\n    title:\n      en: \"Documentation\"\n"), site);
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("| content/docs/guides/deeper/second.md | 4 | `/nowhere/` | no imported page or file had this address |"), report);
    }

    @Test
    void commonShortcodesBecomeMarkdownAndOthersAreCountedButCodeIsKept() throws Exception {
        Path source = site(Map.of("content/help/page.md", """
                ---
                title: Page
                ---
                {{< hint warning >}}
                Bring your passport.
                {{< /hint >}}

                {{< youtube dQw4w9WgXcQ >}}
                {{< figure src="/img/map.png" alt="The map" caption="Where to go" >}}
                {{< tabs "x" >}}text{{< /tabs >}}

                ```
                {{</* note */>}} in code {{< youtube abc >}}
                ```
                """, "static/img/map.png", "\u0089PNG\r\n\u001a\n"));
        run(Importer.Kind.HUGO, source, "out");
        assertTrue(read("out", "en/help/page.md").endsWith("""
                > **Warning:**
                > Bring your passport.


                [Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)
                ![The map](../../static/img/map.png "Where to go")
                {{< tabs "x" >}}text{{< /tabs >}}

                ```
                {{< note >}} in code {{< youtube abc >}}
                ```
                """), read("out", "en/help/page.md"));
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("| hint | 1 | 1 | 0 |") && report.contains("| tabs | 1 | 0 | 1 |")
                && report.contains("| youtube | 1 | 1 | 0 |") && report.contains("| figure | 1 | 1 | 0 |"), report);
    }

    @Test
    void hugoLanguageTreesBecomeLanguageFoldersWithTheDefaultLanguageFirst() throws Exception {
        Path source = site(Map.of("hugo.toml", """
                title = "Kyiv"
                [languages.uk]
                  contentDir = "content/uk"
                  weight = 1
                [languages.en]
                  contentDir = "content/en"
                  weight = 2
                """,
                "content/uk/info/pro.md", "---\ntitle: Про нас\ntranslationKey: about\n---\n",
                "content/en/info/about.md", "---\ntitle: About\ntranslationKey: about\n---\n"));
        run(Importer.Kind.HUGO, source, "out");
        String site = read("out", "site.yaml");
        assertTrue(site.contains("languages:\n  - code: en\n    name: \"English\"\n  - code: uk\n"), site);
        assertTrue(read("out", "uk/info/pro.md").contains("translation: \"en/info/about.md\"\n"));
        assertTrue(read("out", "data/redirects.yaml").contains("- from: \"/uk/info/pro/\"\n  to: \"uk/info/pro.md\""));
    }

    @Test
    void aLanguageWithNoPagesIsLeftOutOfSiteYaml() throws Exception {
        Path source = site(Map.of("hugo.toml", "defaultContentLanguage = \"en\"\n[languages.en]\n[languages.zh]\n",
                "content/info/about.md", "---\ntitle: About\n---\n"));
        run(Importer.Kind.HUGO, source, "out");
        String site = read("out", "site.yaml");
        assertFalse(site.contains("zh"), site);
        assertTrue(Files.readString(temp.resolve("out-report.md")).contains("the language 'zh' has no pages"));
    }

    @Test
    void jekyllPostsTakeTheirDateFromTheNameAndPermalinksAreOldAddresses() throws Exception {
        Path source = site(Map.of("_config.yml", "title: City\n",
                "_posts/2024-02-03-power-cuts.md", "---\nlayout: post\ncategories: news\n---\nCuts {% include note.html %} {{ site.baseurl }}\n",
                "about.md", "---\ntitle: About\npermalink: /about-us/\npublished: false\n---\n",
                "notes.md", "no front matter\n"));
        run(Importer.Kind.JEKYLL, source, "out");
        assertEquals("---\ntitle: \"Power cuts\"\nupdated: 2024-02-03\ntags: [\"news\"]\n---\nCuts {% include note.html %} {{ site.baseurl }}\n",
                read("out", "en/posts/power-cuts.md"));
        assertTrue(read("out", "en/pages/about.md").contains("draft: true\n"));
        String redirects = read("out", "data/redirects.yaml");
        assertTrue(redirects.contains("\"/about-us/\"") && redirects.contains("\"/news/2024/02/03/power-cuts.html\""), redirects);
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("| {% include %} | 1 |") && report.contains("| {{ site.baseurl }} | 1 |")
                && report.contains("| notes.md | Markdown without front matter"), report);
    }

    @Test
    void aRelativeLinkOfAJekyllPageIsFoundFromItsPrettyAddressToo() throws Exception {
        Path source = site(Map.of("tools/slack.md", "---\ntitle: Slack\n---\n[Start](getting-started/) [up](../)\n",
                "tools/slack/getting-started.md", "---\ntitle: Getting started\n---\n[Slack](../)\n"));
        run(Importer.Kind.JEKYLL, source, "out");
        assertTrue(read("out", "en/tools/slack/_index.md").endsWith("[Start](getting-started.md) [up](../)\n"),
                read("out", "en/tools/slack/_index.md"));
    }

    @Test
    void aPageBesideAFolderOfTheSameNameBecomesThatFoldersIntroduction() throws Exception {
        Path source = site(Map.of("tools/slack.md", "---\ntitle: Slack\ndescription: Chat.\ntags: [chat]\n---\nAbout Slack.\n",
                "tools/slack/emoji.md", "---\ntitle: Emoji\n---\n[Slack](../slack.md)\n", "tools/zoom.md", "---\ntitle: Zoom\n---\n"));
        run(Importer.Kind.JEKYLL, source, "out");
        assertEquals("---\ntitle: \"Slack\"\nsummary: \"Chat.\"\n---\nAbout Slack.\n", read("out", "en/tools/slack/_index.md"));
        assertFalse(Files.exists(temp.resolve("out/en/tools/slack.md")));
        assertTrue(read("out", "en/tools/slack/emoji.md").endsWith("[Slack](_index.md)\n"));
        assertTrue(Files.readString(temp.resolve("out-report.md")).contains("tools/slack.md is the introduction of the folder tools/slack/"));
    }

    @Test
    void twoRunsOverTheSameSourceWriteTheSameBytesAndTheSourceIsNotChanged() throws Exception {
        Path source = site(Map.of("hugo.toml", "title = 'T'\n",
                "content/a/_index.md", "---\ntitle: A\n---\n", "content/a/b/c.md", "+++\ntitle = 'C'\nauthor = 'x'\n+++\n[x](/a/)\n",
                "content/z.md", "---\ntitle: Z\naliases: [/q/, /p/]\n---\n{{< note >}}\nx\n{{< /note >}}\n",
                "static/doc.pdf", "%PDF-1.4\n", "static/app.js", "alert(1)"));
        Map<String, String> before = hashes(source);
        run(Importer.Kind.HUGO, source, "one");
        run(Importer.Kind.HUGO, source, "two");
        assertEquals(before, hashes(source));
        assertEquals(hashes(temp.resolve("one")), hashes(temp.resolve("two")));
        assertEquals(Files.readString(temp.resolve("one-report.md")), Files.readString(temp.resolve("two-report.md")));
    }

    @Test
    void aFolderThatIsNotEmptyOrInsideTheSourceIsRefused() throws Exception {
        Path source = site(Map.of("content/a.md", "---\ntitle: A\n---\n"));
        Files.createDirectories(temp.resolve("full"));
        Files.writeString(temp.resolve("full/site.yaml"), "mine");
        Importer.Refused full = assertThrows(Importer.Refused.class, () -> run(Importer.Kind.HUGO, source, "full"));
        assertTrue(full.getMessage().contains("is not empty"), full.getMessage());
        assertEquals("mine", Files.readString(temp.resolve("full/site.yaml")));
        Importer.Refused inside = assertThrows(Importer.Refused.class, () -> run(Importer.Kind.HUGO, source, "old/new"));
        assertTrue(inside.getMessage().contains("never changes the source"), inside.getMessage());
    }

    @Test
    void symbolicLinksOutOfTheSourceBinaryAndNonUtf8FilesAreReportedNotFollowed() throws Exception {
        Path secret = temp.resolve("secret.md");
        Files.writeString(secret, "---\ntitle: Secret\n---\npassword\n");
        Path source = site(Map.of("content/a/ok.md", "---\ntitle: OK\n---\n", "content/a/up..odd.md", "---\ntitle: Odd\n---\n"));
        Files.createSymbolicLink(source.resolve("content/a/link.md"), secret);
        Files.write(source.resolve("content/a/bin.md"), new byte[]{'-', '-', '-', 0, 1, 2});
        Files.write(source.resolve("content/a/latin1.md"), "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(source.resolve("content/a/json.md"), "{\"title\": \"J\"}\n");
        run(Importer.Kind.HUGO, source, "out");
        String report = Files.readString(temp.resolve("out-report.md"));
        assertTrue(report.contains("| content/a/link.md | a symbolic link to a folder or to a file outside the source: not followed |"), report);
        assertTrue(report.contains("| content/a/bin.md | a binary file"), report);
        assertTrue(report.contains("| content/a/latin1.md | not UTF-8 text"), report);
        assertTrue(report.contains("| content/a/json.md | JSON front matter is not read"), report);
        try (Stream<Path> files = Files.walk(temp.resolve("out"))) {
            List<String> written = files.map(f -> temp.resolve("out").relativize(f).toString()).sorted().toList();
            assertTrue(written.contains("en/a/up-odd.md") && written.contains("en/a/ok.md"), written.toString());
            assertTrue(written.stream().noneMatch(f -> f.contains("secret") || f.contains("link")), written.toString());
        }
    }

    @Test
    void theCommandLineWritesTheReportBesideTheContentFolder() throws Exception {
        Path source = site(Map.of("content/a/b.md", "---\ntitle: B\n---\n"));
        assertEquals(0, Main.run("import", "hugo", source.toString(), "--content", temp.resolve("site/content").toString()));
        assertTrue(Files.exists(temp.resolve("site/import-report.md")));
        assertEquals(2, Main.run("import", "wordpress", source.toString(), "--content", temp.resolve("x").toString()));
        assertEquals(1, Main.run("import", "hugo", source.toString(), "--content", temp.resolve("site/content").toString()));
    }

    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
