package city.beacon.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Sort by distance from me" on a list of places: with a script, the button sorts the list by the
 * browser's position (fixed here by the DevTools protocol, as a phone's GPS would give it); without
 * one there is no button, and the list, sorted by name, is all there is.
 */
class PlacesSortBrowserTest {
    private static final String LIST = "en/places/heating/";
    /** Near heating-desnianskyi-1 (50.5010, 30.6100) in the sample, in the north-east of the city. */
    private static final double LAT = 50.5000;
    private static final double LON = 30.6090;

    @RegisterExtension
    static final ServedPortal portal = new ServedPortal();

    @BeforeAll
    static void browser() {
        Chromium.assumeInstalled();
    }

    private static List<String> names(Chromium browser) {
        return browser.driver.findElements(By.cssSelector("ol.places > li > a")).stream().map(WebElement::getText).toList();
    }

    private static double km(WebElement li) {
        double lat = Math.toRadians(Double.parseDouble(li.getAttribute("data-lat")));
        double lon = Math.toRadians(Double.parseDouble(li.getAttribute("data-lon")));
        double la = Math.toRadians(LAT);
        double h = Math.pow(Math.sin((lat - la) / 2), 2)
                + Math.cos(la) * Math.cos(lat) * Math.pow(Math.sin((lon - Math.toRadians(LON)) / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }

    @Test
    void sortByDistanceOrdersTheListFromTheNearestWithAFixedPosition() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"),
                    "origin", portal.server().base().replaceAll("(https?://[^/]+)/.*", "$1")));
            browser.driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT, "longitude", LON, "accuracy", 10));
            browser.driver.get(portal.server().base() + LIST);
            List<String> byName = names(browser);
            assertTrue(byName.size() > 5, "the sample has heating points: " + byName);
            WebElement button = browser.driver.findElement(By.xpath("//button[text()='Sort by distance from me']"));
            assertTrue(browser.driver.findElement(By.tagName("main")).getText()
                    .contains("Your position is used on this device only: nothing is sent or stored."));
            button.click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !names(browser).equals(byName));
            List<WebElement> items = browser.driver.findElements(By.cssSelector("ol.places > li"));
            assertEquals("Resilience point at school No. 128", items.get(0).findElement(By.tagName("a")).getText(),
                    "heating-desnianskyi-1 is nearest");
            List<WebElement> sorted = items.stream().sorted(Comparator.comparingDouble(PlacesSortBrowserTest::km)).toList();
            assertEquals(sorted, items, "nearest first all the way down");
            assertEquals(byName.stream().sorted().toList(), names(browser).stream().sorted().toList(), "the same places, none lost");
            WebElement said = browser.driver.findElement(By.cssSelector("p.sort-note"));
            assertEquals("polite", said.getAttribute("aria-live"), "the note is read out when it changes");
            assertEquals("Sorted by distance from you: the nearest first.", said.getText(), "a screen reader hears the new order");
            double nearest = km(items.get(0));
            assertTrue(items.get(0).getText().endsWith(" · " + String.format(java.util.Locale.ROOT, "%.1f", nearest) + " km"),
                    "each place says how far it is: " + items.get(0).getText() + " (" + nearest + " km)");
        }
    }

    @Test
    void withoutJavaScriptThereIsNoButtonAndTheListIsByName() throws IOException {
        try (Chromium browser = Chromium.start(false)) {
            browser.driver.get(portal.server().base() + LIST);
            assertEquals(List.of(), browser.driver.findElements(By.tagName("button")).stream()
                    .filter(b -> b.getText().contains("distance")).toList());
            assertTrue(!browser.driver.findElement(By.tagName("main")).getText().contains("nothing is sent"),
                    "no word about a button that is not there");
            List<String> names = names(browser);
            assertTrue(names.size() > 5, names.toString());
            assertNotEquals(List.of(), browser.driver.findElements(By.cssSelector("figure.map svg a")), "the map is there without a script");
        }
    }
}
