package city.beacon.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The quick exit of support pages (GOV.UK's exit-this-page): Shift pressed three times on its
 * own, or Esc, outside a form field, leaves; keys typed into a field never do. The keyboard hint
 * is added by the script where a keyboard is likely, never written in the page.
 */
class QuickExitTest {
    private static final String SUPPORT = "uk/pidtrymka/domashnie-nasylstvo/";
    @RegisterExtension
    static final ServedPortal portal = new ServedPortal();

    /** Opens the support page with its exit leading to this server's English home page (the test stays on 127.0.0.1). */
    private static void open(Chromium browser) {
        browser.driver.get(portal.server().base() + SUPPORT);
        browser.driver.executeScript("document.querySelector('.exit a').href = arguments[0];", portal.server().base() + "en/");
    }

    @Test
    void typingCapitalsAndEscInTheSearchBoxStaysOnThePage() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            open(browser);
            WebElement search = browser.driver.findElement(By.id("q"));
            search.sendKeys("Kyiv");
            search.sendKeys(Keys.ESCAPE);
            search.sendKeys("KYIV LVIV");
            search.sendKeys(Keys.SHIFT, Keys.SHIFT, Keys.SHIFT);
            search.sendKeys(Keys.ESCAPE);
            pause();
            assertEquals(portal.server().base() + SUPPORT, browser.driver.getCurrentUrl());
            assertTrue(browser.driver.findElement(By.tagName("h1")).isDisplayed(), "the page is still shown");
        }
    }

    @Test
    void shiftPressedThreeTimesOutsideAFieldLeaves() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            open(browser);
            browser.driver.findElement(By.tagName("h1")).click();
            new Actions(browser.driver).sendKeys(Keys.SHIFT).pause(100).sendKeys(Keys.SHIFT).pause(100).sendKeys(Keys.SHIFT).perform();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(portal.server().base() + "en/"));
        }
    }

    @Test
    void shiftTwiceThenALetterThenShiftDoesNotLeave() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            open(browser);
            browser.driver.findElement(By.tagName("h1")).click();
            new Actions(browser.driver).sendKeys(Keys.SHIFT).sendKeys(Keys.SHIFT).sendKeys("K").sendKeys(Keys.SHIFT).perform();
            pause();
            assertEquals(portal.server().base() + SUPPORT, browser.driver.getCurrentUrl());
        }
    }

    @Test
    void theKeyboardHintIsAddedByTheScriptOnlyWhereAKeyboardIsLikely() throws IOException {
        try (Chromium on = Chromium.start(true); Chromium off = Chromium.start(false)) {
            on.driver.get(portal.server().base() + SUPPORT);
            off.driver.get(portal.server().base() + SUPPORT);
            assertTrue(off.driver.findElements(By.cssSelector(".exit span")).isEmpty(), "no hint without the script");
            boolean keyboard = (Boolean) on.driver.executeScript("return matchMedia('(hover: hover) and (pointer: fine)').matches");
            assertEquals(keyboard, !on.driver.findElements(By.cssSelector(".exit span")).isEmpty(), "the hint where a keyboard is likely");
            on.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true, "maxTouchPoints", 5));
            on.driver.executeCdpCommand("Emulation.setEmitTouchEventsForMouse", java.util.Map.of("enabled", true, "configuration", "mobile"));
            on.driver.navigate().refresh();
            boolean phoneKeyboard = (Boolean) on.driver.executeScript("return matchMedia('(hover: hover) and (pointer: fine)').matches");
            assertEquals(phoneKeyboard, !on.driver.findElements(By.cssSelector(".exit span")).isEmpty(), "on a touch screen");
        }
    }

    @Test
    void aTextBrowserShowsNoKeyboardHint() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/w3m")), "w3m not installed (apt-get install w3m): text-browser test skipped");
        Path page = BuiltSite.get().resolve(SUPPORT + "index.html");
        Process w3m = new ProcessBuilder("w3m", "-dump", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html", page.toString())
                .redirectErrorStream(true).start();
        String text = new String(w3m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(w3m.waitFor(60, TimeUnit.SECONDS));
        assertTrue(text.contains("Швидко вийти з цієї сторінки"), text);
        assertFalse(text.contains("Esc"), text);
        assertFalse(text.contains("Shift"), text);
    }

    /** Long enough for a navigation to have started, had a key started one. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
