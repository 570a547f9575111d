package city.beacon.content;

import city.beacon.yaml.TextFiles;
import city.beacon.build.SiteBuilder;
import city.beacon.check.CheckRun;
import city.beacon.publish.OutputTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 3, item 5: every kind of bad input gets a clear finding (or is handled), never a crash. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String PAGE = "content/uk/dovidka/storinka.md";

    private Path contentWith(String text) {
        return contentWith(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path contentWith(byte[] bytes) {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/storinka.md", bytes);
        return content;
    }

    private List<String> checkPage(String text) {
        return CheckRun.findingsAbout(dir, contentWith(text), PAGE);
    }

    private List<String> checkPage(byte[] bytes) {
        return CheckRun.findingsAbout(dir, contentWith(bytes), PAGE);
    }

    @Test
    void malformedYamlIsReportedWithItsLineAndWhatWasExpected() {
        assertEquals(List.of(PAGE + ":4:8: error: the list in [ ] that starts on line 3 is not closed; "
                        + "add ']' after its last item (and put items containing ':' in double quotes)"),
                checkPage("---\ntitle: Сторінка\ntags: [a, b\nexample: true\n---\nТекст\n"));
    }

    @Test
    void yamlAliasBombIsRefusedAtItsFirstAnchor() {
        String laughs = """
                ---
                title: Сміх
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                ---
                Текст
                """;
        assertEquals(List.of(PAGE + ":3:4: error: YAML anchors and aliases (&name, *name) are not allowed; write the value out in full"),
                checkPage(laughs));
    }

    @Test
    void tabIndentationIsReportedOnItsLine() {
        assertEquals(List.of(PAGE + ":3:1: error: a tab character indents this line; "
                        + "YAML needs spaces for indentation: replace the tab with two spaces"),
                checkPage("---\ntitle: Сторінка\n\tsummary: Опис\n---\nТекст\n"));
    }

    @Test
    void byteOrderMarkIsDroppedAndThePageIsRead() {
        byte[] text = "---\ntitle: Сторінка\nexample: true\n---\nТекст\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals(List.of(PAGE + ": warning: no translation into en; residents reading en see it marked as available "
                        + "in one language only; add the translated file, or a line 'translation: <path>' naming it"),
                checkPage(withBom));
        assertEquals("---\ntitle: x\n", TextFiles.decode(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '-', '-', '-', '\n',
                't', 'i', 't', 'l', 'e', ':', ' ', 'x', '\n'}, "a.md", new city.beacon.findings.Problems()).orElseThrow());
    }

    @Test
    void crlfLineEndsAreReadAndFindingsKeepTheirLines() {
        assertEquals(List.of(PAGE + ":4:1: error: unknown field 'titel'; did you mean 'title'?"),
                checkPage("---\r\ntitle: Сторінка\r\nexample: true\r\ntitel: ще раз\r\n---\r\nТекст\r\n"));
    }

    @Test
    void invalidUtf8IsReportedWithTheLineOfTheFirstBadByte() {
        byte[] start = "---\ntitle: Сторінка\nsummary: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 2];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xC3; // a Latin-1 "é" saved by an old editor
        bytes[start.length + 1] = '\n';
        assertEquals(List.of(PAGE + ":3: error: the file is not valid UTF-8 text; "
                        + "save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)"),
                checkPage(bytes));
    }

    @Test
    void binaryFileNamedMdIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertEquals(List.of(PAGE + ": error: this is a binary file, not text; "
                        + "only Markdown text files belong here; put images and documents under content/static/"),
                checkPage(png));
    }

    @Test
    void emptyFileIsReported() {
        assertEquals(List.of(PAGE + ":1:1: error: the file is empty; "
                        + "start it with front matter: a line '---', fields such as 'title: ...', and another '---'"),
                checkPage(""));
    }

    @Test
    void twentyMegabyteMarkdownFileIsRefusedUnread() throws IOException {
        Path content = CheckRun.minimalContent(dir);
        Path huge = Files.createDirectories(content.resolve("uk/dovidka")).resolve("storinka.md");
        byte[] line = "Рядок тексту, який повторюється, щоб файл став дуже великим.\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("---\ntitle: Велика\n---\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) out.write(line);
        }
        assertEquals(List.of(PAGE + ": error: the file is 20.0 MB; at most 2 MB are accepted; "
                        + "a resident on a slow phone network cannot load a page this large: split it into several pages"),
                CheckRun.findingsAbout(dir, content, PAGE));
    }

    @ParameterizedTest(name = "10 000 levels of \"{0}\"")
    @ValueSource(strings = {"- ", "> ", "1. "})
    void tenThousandNestedListsOrQuotesAreReportedNotACrash(String marker) {
        int column = 10 * marker.length() + 1;
        assertEquals(List.of(PAGE + ":5:" + column + ": error: lists or quotes are nested more than 10 levels deep here; "
                        + "a guide needs at most a few levels: use headings and short lists instead"),
                checkPage("---\ntitle: Сторінка\nexample: true\n---\n" + marker.repeat(10_000) + "текст\n")
                        .stream().filter(f -> f.contains("nested")).toList());
    }

    @Test
    void linkWithAStrayPercentSignIsReportedNotACrash() {
        assertEquals(List.of(PAGE + ":5:1: error: the link \"a%zz.md\" points to a page that does not exist"),
                checkPage("---\ntitle: Сторінка\nexample: true\n---\n[x](a%zz.md)\n").stream().filter(f -> f.contains("%zz")).toList());
    }

    @Test
    void tenLevelsOfNestingAreStillFine() {
        assertEquals(List.of(), checkPage("---\ntitle: Сторінка\nexample: true\n---\n" + "> ".repeat(5) + "- ".repeat(5) + "x\n")
                .stream().filter(f -> f.contains("nested")).toList());
    }

    @Test
    void fileNamesWithSpacesAndCyrillicGetTransliteratedAddresses() throws IOException {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/Моя сторінка про щось.md", "---\ntitle: Моя\nexample: true\n---\nТекст\n");
        CheckRun.write(content, "en/info/My page about things.md", "---\ntitle: Mine\nexample: true\n---\nText\n");
        Path out = dir.resolve("public");
        SiteBuilder.Result result = CheckRun.check(content, out);
        assertTrue(result.published(), () -> result.problems().sorted().toString());
        assertTrue(Files.isRegularFile(out.resolve("uk/dovidka/moia-storinka-pro-shchos/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("en/info/my-page-about-things/index.html")));
    }

    @Test
    void slugWithParentFolderAbsolutePathOrDriveLetterIsRefused() {
        for (String slug : List.of("../../../etc/cron.d", "/etc/passwd", "C:\\Windows\\evil", "c:/temp/x")) {
            List<String> found = checkPage("---\ntitle: Сторінка\nexample: true\nslug: \"" + slug.replace("\\", "\\\\") + "\"\n---\nТекст\n");
            assertEquals(1, found.size(), found::toString);
            assertTrue(found.get(0).startsWith(PAGE + ":4:1: error: field 'slug': expected lower-case Latin letters, digits and '-' "
                    + "(no '/', '..' or drive letters), got \"" + slug + "\""), found.get(0));
        }
    }

    @Test
    void urlFieldIsExplainedAndNeverUsed() {
        assertEquals(List.of(PAGE + ":4:1: error: field 'url': a page's address is made from its language, section folder and "
                        + "file name; it cannot be set; to change the last part of the address, write 'slug: my-page-name' instead"),
                checkPage("---\ntitle: Сторінка\nexample: true\nurl: ../../../etc/passwd\n---\nТекст\n"));
    }

    @Test
    void craftedSlugNeverWritesOutsideTheOutputFolder() throws IOException {
        Path content = contentWith("---\ntitle: Сторінка\nexample: true\nslug: ../../../../escaped\n---\nТекст\n");
        Path out = dir.resolve("site/public");
        SiteBuilder.Result result = CheckRun.check(content, out);
        assertFalse(result.published());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains("escaped")).toList());
        }
    }

    @Test
    void outputTreeRefusesEveryAddressOutsideIt() {
        OutputTree tree = new OutputTree(dir.resolve("out"));
        for (String address : List.of("../escaped.html", "uk/../../escaped.html", "/etc/escaped", "C:/escaped", "c:\\escaped", "..\\escaped")) {
            assertThrows(IllegalArgumentException.class, () -> tree.write(address, "x"), address);
        }
        assertFalse(Files.exists(dir.resolve("escaped.html")));
    }

    @Test
    void symbolicLinkOutOfTheContentFolderIsNotFollowed() throws IOException {
        Path content = CheckRun.minimalContent(dir);
        Path secret = Files.writeString(dir.resolve("secret.md"), "---\ntitle: Секрет\nexample: true\n---\nсекрет\n");
        Files.createDirectories(content.resolve("uk/dovidka"));
        Files.createDirectories(content.resolve("en"));
        try {
            Files.createSymbolicLink(content.resolve("uk/dovidka/storinka.md"), secret);
            Files.createSymbolicLink(content.resolve("en/info"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        assertEquals(List.of(
                        "content/en/info: error: a symbolic link to a folder; it is not followed; "
                                + "move or copy the folder into the content folder instead of linking to it",
                        PAGE + ": error: a symbolic link that points outside the content folder; it is not followed; "
                                + "copy the file into the content folder instead of linking to it"),
                CheckRun.findings(dir, content).stream().filter(f -> f.contains("symbolic")).toList());
    }

    @Test
    void missingContentFolderIsReported() {
        Path missing = dir.resolve("nothing-here");
        assertEquals(List.of(missing + ": error: the content folder does not exist; "
                        + "run Beacon from the portal's repository, or pass --content <folder>"),
                CheckRun.check(missing, null).problems().sorted().stream().map(Object::toString).toList());
    }

    @Test
    void emptyContentFolderIsReported() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("content"));
        assertEquals(List.of(empty + ": error: the content folder is empty; "
                        + "it needs site.yaml and a folder per language with the pages (see docs/content-reference.md)"),
                CheckRun.check(empty, null).problems().sorted().stream().map(Object::toString).toList());
    }

    @Test
    void contentFolderWithSettingsButNoPagesIsReported() {
        Path content = CheckRun.minimalContent(dir);
        assertEquals(List.of("content: error: no pages found; pages live at content/<language>/<section>/<name>.md, "
                        + "e.g. content/uk/poslugy/example.md"),
                CheckRun.findings(dir, content));
    }
}
