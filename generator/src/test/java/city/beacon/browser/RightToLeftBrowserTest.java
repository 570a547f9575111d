package city.beacon.browser;

import city.beacon.TestContent;
import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 4, in a browser: the Arabic page of an Arabic-English portal
 * (src/test/resources/sites/arabic-english) is laid out right to left, its text starting on the
 * right, while a phone number in it ("112", "+380 44 123 45 67") still reads left to right: the
 * first character of the number is left of its last. A screenshot is kept in target/right-to-left/.
 */
class RightToLeftBrowserTest {
    private static final String PAGE = "ar/khadamat/jawaz-al-safar/";

    @TempDir
    static Path temp;

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
    }

    /** The left edges of the first and last characters of the text of the first element {@code selector} finds whose text is {@code text}. */
    private static final String EDGES = """
            const [selector, text] = arguments;
            const element = [...document.querySelectorAll(selector)].find(e => e.textContent === text);
            if (!element) return null;
            const node = element.firstChild, range = document.createRange();
            range.setStart(node, 0); range.setEnd(node, 1);
            const first = range.getBoundingClientRect();
            range.setStart(node, node.length - 1); range.setEnd(node, node.length);
            const last = range.getBoundingClientRect();
            return [first.left, last.left];
            """;

    /** The right edge of the first character of the first paragraph of the article, and of the paragraph. */
    private static final String START = """
            const p = document.querySelector('article > p:not(.lead):not(.note)');
            const range = document.createRange();
            range.setStart(p.firstChild, 0); range.setEnd(p.firstChild, 1);
            return [range.getBoundingClientRect().right, p.getBoundingClientRect().right, p.getBoundingClientRect().left,
                    getComputedStyle(p).direction];
            """;

    @Test
    void theArabicPageIsRightToLeftAndItsPhoneNumbersReadLeftToRight() throws IOException {
        Path out = temp.resolve("public");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(TestContent.site("arabic-english"), out, false, false,
                Theme.bundled(), Map.of("SOURCE_DATE_EPOCH", "1796284800"))).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        try (LocalServer server = new LocalServer(out); Chromium browser = Chromium.start(true)) {
            browser.driver.get(server.base() + PAGE);
            assertEquals("rtl", browser.driver.executeScript("return document.documentElement.dir"));
            assertEquals("rtl", browser.driver.executeScript("return getComputedStyle(document.body).direction"));
            for (String number : List.of("112", "+380 44 123 45 67")) {
                @SuppressWarnings("unchecked")
                List<Number> edges = (List<Number>) browser.driver.executeScript(EDGES, ".sos b", number);
                assertTrue(edges != null, number + " is in the emergency strip");
                assertTrue(edges.get(0).doubleValue() < edges.get(1).doubleValue(),
                        number + " reads left to right: its first character is left of its last " + edges);
            }
            @SuppressWarnings("unchecked")
            List<Object> start = (List<Object>) browser.driver.executeScript(START);
            assertEquals("rtl", start.get(3));
            double firstCharRight = ((Number) start.get(0)).doubleValue(), right = ((Number) start.get(1)).doubleValue();
            assertTrue(Math.abs(right - firstCharRight) < 2,
                    "the text starts on the right: its first character's right edge is the paragraph's " + start);
            Path dir = Files.createDirectories(Path.of("target/right-to-left"));
            byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve("ar-service-page.png"), png);
            assertTrue(png.length > 0);
        }
    }
}
