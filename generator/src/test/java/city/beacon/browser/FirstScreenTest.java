package city.beacon.browser;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.OutputType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a resident sees first, measured in Chromium at 320, 360 and 1280 px wide (800 px tall):
 * on a guide or a list, 112 and one crisis line, the other numbers one tap away, and the page's
 * own title within the first 640 px; on the home page and support pages, every number. Every
 * number and the control that shows the others is at least 44x44 CSS px (WCAG 2.5.5).
 * Screenshots are left in target/first-screen/ to look at.
 */
class FirstScreenTest {
    /** Pages with the compact strip: a service guide and a list. */
    private static final List<String> COMPACT = List.of("uk/poslugy/vidnovlennia-pasporta/", "uk/poslugy/");
    /** Pages with every number shown: the home page and a support page. */
    private static final List<String> FULL = List.of("uk/", "uk/pidtrymka/domashnie-nasylstvo/");
    private static final List<String> EVERY_NUMBER = List.of("112", "101", "102", "103", "104",
            "+380 44 000 00 90", "+380 44 000 00 91", "+380 44 000 00 92");
    private static final int FIRST_SCREEN = 640;
    private static final double TAP = 44;

    /** The page's measures: the h1's top and bottom, the numbers shown without opening anything, the tap targets. */
    private static final String MEASURE = """
            function shown(e) { return e.checkVisibility(); }
            var h1 = document.querySelector('main h1').getBoundingClientRect();
            var numbers = Array.from(document.querySelectorAll('.help a[href^="tel:"]')).filter(shown)
                .map(function (a) { return a.querySelector('b').textContent; });
            var small = Array.from(document.querySelectorAll('.help a, .help summary')).filter(shown)
                .map(function (e) { var r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 24), r.width, r.height]; })
                .filter(function (t) { return t[1] < 44 || t[2] < 44; })
                .map(function (t) { return t[0] + ' ' + Math.round(t[1]) + 'x' + Math.round(t[2]); });
            var font = parseFloat(getComputedStyle(document.querySelector('.help a')).fontSize);
            return {h1Top: h1.top + scrollY, h1Bottom: h1.bottom + scrollY, numbers: numbers, small: small, font: font,
                    more: document.querySelectorAll('.help details summary').length};
            """;

    @RegisterExtension
    static final ServedPortal portal = new ServedPortal();

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {320, 360, 1280})
    void guidesAndListsShowTheirTitleOnTheFirstScreenAndHomeAndSupportPagesEveryNumber(int width) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Chromium browser = Chromium.screen(width, 800)) {
            for (String page : concat(COMPACT, FULL)) {
                browser.driver.get(portal.server().base() + page);
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(MEASURE);
                screenshot(browser, width, page);
                System.out.printf("first screen %4d px %-40s h1 top %4.0f bottom %4.0f, numbers shown %s%n", width, page,
                        num(m.get("h1Top")), num(m.get("h1Bottom")), m.get("numbers"));
                if (!((List<?>) m.get("small")).isEmpty()) problems.add(page + ": tap targets under 44x44: " + m.get("small"));
                if (num(m.get("font")) < 16) problems.add(page + ": the numbers are in a " + m.get("font") + " px font");
                if (COMPACT.contains(page)) {
                    if (!List.of("112", "+380 44 000 00 90").equals(m.get("numbers"))) {
                        problems.add(page + ": shows " + m.get("numbers") + " before anything is opened, not 112 and one crisis line");
                    }
                    if (num(m.get("more")) != 1) problems.add(page + ": no <details> with the other numbers");
                    if (num(m.get("h1Bottom")) > FIRST_SCREEN) {
                        problems.add(page + ": the h1 ends at y=" + m.get("h1Bottom") + ", below the first " + FIRST_SCREEN + " px");
                    }
                } else {
                    if (!EVERY_NUMBER.equals(m.get("numbers"))) problems.add(page + ": shows " + m.get("numbers") + ", not every number");
                }
            }
            // The other numbers are one tap away, with no script needed.
            browser.driver.get(portal.server().base() + COMPACT.get(0));
            List<org.openqa.selenium.WebElement> more = browser.driver.findElements(org.openqa.selenium.By.cssSelector(".help summary"));
            if (!more.isEmpty()) more.get(0).click();
            @SuppressWarnings("unchecked")
            Map<String, Object> opened = (Map<String, Object>) browser.driver.executeScript(MEASURE);
            if (!new java.util.TreeSet<>(EVERY_NUMBER).equals(new java.util.TreeSet<Object>((List<?>) opened.get("numbers")))) problems.add("opened, the strip shows " + opened.get("numbers"));
            if (!((List<?>) opened.get("small")).isEmpty()) problems.add("opened, tap targets under 44x44: " + opened.get("small"));
        }
        assertEquals(List.of(), problems, width + " px wide");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void screenshot(Chromium browser, int width, String page) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/first-screen"));
        byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(width + "-" + page.replaceAll("[^a-z0-9]+", "-") + ".png"), png);
        assertTrue(png.length > 0);
    }
}
