package city.beacon.content;

import city.beacon.build.SiteBuilder;
import city.beacon.check.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 5: content/static/ publishes only the documents and images a city publishes, each
 * checked to be what its name says; SVG only without script, event handlers, outside references
 * or foreign HTML; HTML, XML, scripts and anything else are refused with the reason and what to do.
 */
class StaticFilesTest {
    @TempDir
    Path dir;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final String SAFE_SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
              <title>Map</title>
              <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
              <style>.a { fill: url(#g); }</style>
              <rect class="a" width="10" height="10" style="fill: url(#g)"/>
              <use xlink:href="#g"/>
              <text x="1" y="5">Укриття</text>
              <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
            </svg>
            """;

    private Path content() {
        Path content = CheckRun.minimalContent(dir);
        CheckRun.write(content, "uk/dovidka/about.md", "---\ntitle: Про нас\nexample: true\n---\nТекст\n");
        CheckRun.write(content, "en/info/about.md", "---\ntitle: About\nexample: true\n---\nText\n");
        return content;
    }

    private List<String> staticFindings(Path content) {
        return CheckRun.findings(dir, content).stream().filter(f -> f.startsWith("content/static/")).toList();
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void documentsAndImagesOfTheAllowedTypesArePublishedAsTheyAre() throws IOException {
        Path content = content();
        CheckRun.write(content, "static/map.png", PNG);
        CheckRun.write(content, "static/photo.JPG", JPEG);
        CheckRun.write(content, "static/plan.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        CheckRun.write(content, "static/shelters.csv", "name,address\nУкриття 1,вул. Прикладна 1\n");
        CheckRun.write(content, "static/readme.txt", "Список укриттів.\n");
        CheckRun.write(content, "static/map.svg", SAFE_SVG);
        CheckRun.write(content, "static/form.docx", zip("[Content_Types].xml", "word/document.xml"));
        CheckRun.write(content, "static/table.ods", zip("mimetype", "content.xml"));
        Path out = dir.resolve("public");
        SiteBuilder.Result result = CheckRun.check(content, out);
        assertTrue(result.published(), () -> city.beacon.Fixtures.lines(result.problems()).toString());
        for (String name : List.of("map.png", "photo.JPG", "plan.pdf", "shelters.csv", "readme.txt", "map.svg", "form.docx", "table.ods")) {
            assertTrue(Files.isRegularFile(out.resolve("static/" + name)), name);
        }
        assertEquals(SAFE_SVG, Files.readString(out.resolve("static/map.svg")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "evil.html | <script>alert(document.cookie)</script> | files of type .html are not published: a script in it would run on the portal's address; write it as a Markdown page, or convert it to PDF",
            "evil.htm  | <p>x</p>                                | files of type .htm are not published: a script in it would run on the portal's address; write it as a Markdown page, or convert it to PDF",
            "evil.xml  | <x/>                                    | files of type .xml are not published: a script in it would run on the portal's address; publish the data as CSV, or the document as PDF",
            "evil.js   | alert(1)                                | files of type .js are not published: a script in it would run on the portal's address; Beacon publishes no scripts of the content",
            "setup.exe | MZ                                      | files of type .exe are not published; publish documents as PDF, TXT, CSV, DOCX, XLSX, ODT or ODS and images as PNG, JPEG, WebP, GIF, AVIF or SVG",
            "noextension | text                                  | files without an extension are not published; publish documents as PDF, TXT, CSV, DOCX, XLSX, ODT or ODS and images as PNG, JPEG, WebP, GIF, AVIF or SVG",
            "evil.png  | <script>alert(1)</script>               | the file is named .png but is not a PNG image; save it again as PNG, or name it after what it is",
            "evil.pdf  | <html><script>alert(1)</script>         | the file is named .pdf but is not a PDF document; save it again as PDF, or name it after what it is",
            "evil.txt  | <!DOCTYPE html><script>x</script>       | the file is named .txt but holds HTML, which a browser may run; convert it to PDF, or write it as a Markdown page",
    })
    void otherTypesAndFilesThatAreNotWhatTheirNameSaysAreRefused(String name, String text, String message) {
        Path content = content();
        CheckRun.write(content, "static/" + name, text);
        assertEquals(List.of("content/static/" + name + ": error: " + message), staticFindings(content));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>                              | the element <script>",
            "<rect width='1' height='1' onload='alert(1)'/>          | the attribute onload of <rect>",
            "<foreignObject><p>hi</p></foreignObject>              | the element <foreignObject>",
            "<image href='https://evil.example/x.png'/>               | the attribute href=\"https://evil.example/x.png\" of <image> (only references inside the file, like #id)",
            "<use xlink:href='other.svg#a'/>                        | the attribute xlink:href=\"other.svg#a\" of <use> (only references inside the file, like #id)",
            "<style>rect { fill: url(https://evil.example/a) }</style> | a <style> with url( or @import leading out of the file",
            "<rect style='fill: url(https://evil.example/a)'/>      | the attribute style of <rect> (url( leading out of the file)",
            "<a href='javascript:alert(1)'><text>x</text></a>       | the element <a>",
            "<set attributeName='href' to='javascript:alert(1)'/>   | the element <set>",
            "<image href='data:image/svg+xml;base64,PHN2Zz4='/>     | the attribute href=\"data:image/svg+xml;base64,PHN2Zz4=\" of <image> (only references inside the file, like #id)",
    })
    void svgWithScriptHandlersOrOutsideReferencesIsRefusedNamingWhatWasFound(String inside, String found) {
        Path content = content();
        CheckRun.write(content, "static/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + inside.replace('\'', '"') + "</svg>");
        assertEquals(List.of("content/static/icon.svg: error: the SVG image holds " + found
                        + ", which could run a script or load something from elsewhere; "
                        + "remove it in an SVG editor (or export the image as PNG)"),
                staticFindings(content));
    }

    @Test
    void svgWithADoctypeIsRefused() {
        Path content = content();
        CheckRun.write(content, "static/icon.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>");
        assertEquals(List.of("content/static/icon.svg: error: the SVG image holds a <!DOCTYPE>, which could run a script or load "
                        + "something from elsewhere; remove it in an SVG editor (or export the image as PNG)"),
                staticFindings(content));
    }

    @Test
    void officeFileWithMacrosIsRefused() throws IOException {
        Path content = content();
        CheckRun.write(content, "static/form.docx", zip("[Content_Types].xml", "word/vbaProject.bin"));
        CheckRun.write(content, "static/table.ods", zip("mimetype", "Basic/Standard/Module1.xml"));
        assertEquals(List.of(
                "content/static/form.docx: error: the document holds macros, which could run on a resident's computer; "
                        + "save it again without macros, or convert it to PDF",
                "content/static/table.ods: error: the document holds macros, which could run on a resident's computer; "
                        + "save it again without macros, or convert it to PDF"),
                staticFindings(content));
    }
}
