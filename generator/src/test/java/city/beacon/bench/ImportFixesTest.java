package city.beacon.bench;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.mirror.MirrorOptions;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportFixesTest {
    @TempDir
    Path dir;

    /** A site as `beacon import hugo` leaves one: a language Beacon does not ship, links to pages the old site lacked too. */
    private static final Map<String, String> IMPORTED = Map.of(
            "site.yaml", """
                    title: {en: "Tool docs", zh: "Tool docs"}
                    languages:
                      - code: en
                        name: "English"
                      - code: zh
                        name: "中文 Chinese"
                    sections:
                      - id: docs
                        kind: page
                        folder: {en: docs, zh: docs}
                        title: {en: "Documentation", zh: "文档"}
                    menu: [docs]
                    """,
            "data/emergency.yaml", """
                    - number: "112"
                      label: {en: "Emergency number", zh: "Emergency number"}
                    """,
            "data/redirects.yaml", """
                    - from: "/docs/tool/"
                      to: "en/docs/tool.md"
                    - from: "/docs/flags/"
                      to: "en/docs/flags.md"
                    """,
            "en/docs/flags.md", """
                    ---
                    title: "Flags"
                    ---
                    See the [`vtctl`](../reference/vtctl/#listalltablets) commands and [the tool](tool/_index.md).

                    | flag | meaning |
                    |---|---|
                    | --debug-url | URL of a tablet (default "http://{{.GetTabletHostPort}}") |
                    """,
            "en/docs/tool.md", """
                    ---
                    title: "The tool"
                    ---
                    The tool backs up a shard.
                    """,
            "en/docs/tool/_index.md", """
                    ---
                    title: "The tool's programs"
                    ---
                    Every program of the tool.

                    # Its flags
                    {{< info >}}Run it nightly.{{< /info >}} ![](https://imgur.com/7Of96gT.png)
                    """,
            "zh/docs/flags.md", """
                    ---
                    title: "参数"
                    ---
                    接下来学习[Vitess concepts](../overview/concepts) 部分。
                    """);

    @Test
    void importedSitePublishesAfterTheFixesWithACountOfEach() throws IOException {
        Path content = dir.resolve("content");
        for (Map.Entry<String, String> file : IMPORTED.entrySet()) {
            Files.createDirectories(content.resolve(file.getKey()).getParent());
            Files.writeString(content.resolve(file.getKey()), file.getValue());
        }
        assertFalse(errors(content).isEmpty());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ImportFixes.Outcome outcome = ImportFixes.fix(content, this::errors, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(List.of(), outcome.left(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(Map.of(ImportFixes.Kind.LINK_TO_MISSING_PAGE, 2, ImportFixes.Kind.MALFORMED_ADDRESS, 1,
                ImportFixes.Kind.PAGE_ON_SUB_SECTION, 1, ImportFixes.Kind.LANGUAGE_WITHOUT_TEXTS, 1, ImportFixes.Kind.LEVEL_ONE_HEADING, 1,
                ImportFixes.Kind.SHORTCODE, 1, ImportFixes.Kind.IMAGE_FROM_ANOTHER_SITE, 1, ImportFixes.Kind.IMAGE_WITHOUT_ALT, 1), outcome.fixed());
        assertEquals(3, outcome.passes(), "the model's errors stop a check before the pages' links are read: " + printed);
        assertEquals("""
                ---
                title: "Flags"
                ---
                See the `vtctl` commands and [the tool](tool/_index.md).

                | flag | meaning |
                |---|---|
                | --debug-url | URL of a tablet (default "`http://{{.GetTabletHostPort}}`") |
                """, Files.readString(content.resolve("en/docs/flags.md")));
        assertTrue(Files.readString(content.resolve("zh/docs/flags.md")).contains("接下来学习Vitess concepts 部分。"));
        assertTrue(Files.readString(content.resolve("en/docs/tool/_index.md")).endsWith("""
                ## Its flags
                {{< info >}}Run it nightly.{{< /info >}} [7Of96gT](https://imgur.com/7Of96gT.png)
                """));
        assertTrue(Files.readString(content.resolve("site.yaml")).endsWith("menu: [docs]\nshortcodes: {info: unwrap}\n"));
        assertFalse(Files.exists(content.resolve("en/docs/tool.md")));
        assertTrue(Files.readString(content.resolve("en/docs/tool-guide.md")).contains("The tool backs up a shard."));
        assertTrue(Files.readString(content.resolve("theme/i18n/zh.yaml")).contains(ImportFixes.englishTexts()));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("import fixes: links to a missing page made their text: 2\n"),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void errorBeaconCannotFixIsLeftAndNamed() throws IOException {
        ImportFixes.Finding odd = new ImportFixes.Finding("error", dir.resolve("a.md").toString(), 3, 1, "the page has no title", null);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ImportFixes.Outcome outcome = ImportFixes.fix(dir, content -> List.of(odd), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(List.of(odd), outcome.left());
        assertEquals(1, outcome.passes(), "no fix made: no second check");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("1 error(s) left after 1 checks:\n  " + odd), printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void findingsAreReadFromCheckJson() throws IOException {
        String json = """
                {
                  "findings" : [ {
                    "severity" : "error",
                    "file" : "vc/en/docs/contributing/_index.md",
                    "line" : 42,
                    "column" : 68,
                    "field" : null,
                    "message" : "the link \\"../get-started/local\\" points to a page that does not exist",
                    "suggestion" : "did you mean '../18-0/get-started/local.md'?"
                  }, {
                    "severity" : "warning",
                    "file" : "vc/en/blog/a.md",
                    "line" : 0,
                    "column" : 0,
                    "field" : null,
                    "message" : "no translation into zh",
                    "suggestion" : null
                  } ],
                  "errors" : 1,
                  "warnings" : 1
                }
                """;
        assertEquals(List.of(
                new ImportFixes.Finding("error", "vc/en/docs/contributing/_index.md", 42, 68,
                        "the link \"../get-started/local\" points to a page that does not exist", "did you mean '../18-0/get-started/local.md'?"),
                new ImportFixes.Finding("warning", "vc/en/blog/a.md", 0, 0, "no translation into zh", null)), ImportFixes.readFindings(json));
    }

    /** What `beacon check --content CONTENT` finds, in the process. */
    private List<ImportFixes.Finding> errors(Path content) throws IOException {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of(),
                null, MirrorOptions.NONE, false)).build();
        return result.problems().sorted().stream().filter(Problem::isError)
                .map(p -> new ImportFixes.Finding(p.severity().label(), p.file(), p.line(), p.column(), p.plainMessage(), p.suggestion()))
                .toList();
    }
}
