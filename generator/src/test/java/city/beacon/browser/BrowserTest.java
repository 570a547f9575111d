package city.beacon.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built sample portal in a real browser, served from 127.0.0.1 under a sub-path as a mirror would. */
class BrowserTest {
    /** A page of each kind: home, service guide, support page (with quick exit), list, A–Z. */
    private static final List<String> PAGES = List.of("uk/", "uk/poslugy/vidnovlennia-pasporta/",
            "uk/pidtrymka/domashnie-nasylstvo/", "en/services/", "en/a-z/", "en/support/mental-health-hotline/");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ServedPortal portal = new ServedPortal();

    @Test
    void mainTextIsTheSameWithJavaScriptOnAndOff() throws IOException {
        try (Chromium on = Chromium.start(true); Chromium off = Chromium.start(false)) {
            for (String page : PAGES) {
                on.driver.get(portal.server().base() + page);
                off.driver.get(portal.server().base() + page);
                String withScript = on.driver.findElement(By.tagName("main")).getText();
                assertFalse(withScript.isBlank(), page);
                assertEquals(withScript, off.driver.findElement(By.tagName("main")).getText(), page);
            }
            off.driver.get(portal.server().base() + "uk/pidtrymka/domashnie-nasylstvo/");
            on.driver.get(portal.server().base() + "uk/pidtrymka/domashnie-nasylstvo/");
            // the keyboard hint is added by the script only, where a keyboard is likely
            assertTrue(off.driver.findElements(By.cssSelector(".exit span")).isEmpty());
            boolean keyboard = (Boolean) on.driver.executeScript("return matchMedia('(hover: hover) and (pointer: fine)').matches");
            assertEquals(keyboard, !on.driver.findElements(By.cssSelector(".exit span")).isEmpty());
        }
    }

    @Test
    void pagesLogNoConsoleErrorAndRequestNothingFromAnotherOrigin() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            for (String page : PAGES) browser.driver.get(portal.server().base() + page);
            browser.driver.findElement(By.id("q")).sendKeys("help");
            new WebDriverWait(browser.driver, WAIT).until(d -> !d.findElements(By.cssSelector("#hits li")).isEmpty());
            List<String> errors = new ArrayList<>();
            for (LogEntry entry : browser.driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(entry.getMessage());
            }
            assertEquals(List.of(), errors);
            List<String> urls = requestedUrls(browser);
            assertTrue(urls.stream().anyMatch(u -> u.endsWith("/en/search-index.js")), "the search index was fetched: " + urls);
            String origin = portal.server().base().substring(0, portal.server().base().indexOf('/', "http://".length()));
            // chrome:// pages are the browser's own (its new-tab page), not the network
            List<String> foreign = urls.stream().filter(u -> u.matches("(?i)(https?|wss?|ftp)://.*") && !u.startsWith(origin + "/")).toList();
            assertEquals(List.of(), foreign);
            assertTrue(portal.server().requests.stream().allMatch(r -> r.startsWith(LocalServer.PREFIX)), portal.server().requests.toString());
        }
    }

    @Test
    void searchBoxFindsAPageByATransliteratedQuery() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.get(portal.server().base() + "uk/");
            browser.driver.findElement(By.id("q")).sendKeys("pasport");
            String found = wait(browser).until(d -> {
                List<org.openqa.selenium.WebElement> links = d.findElements(By.cssSelector("#hits a"));
                return links.isEmpty() ? null : links.get(0).getText();
            });
            assertEquals("Відновлення втраченого паспорта або ID-картки", found);
            browser.driver.findElement(By.id("q")).clear();
            browser.driver.findElement(By.id("q")).sendKeys("dovidka vpo");
            wait(browser).until(d ->
                    d.findElements(By.cssSelector("#hits a")).stream().anyMatch(a -> a.getAttribute("href").endsWith("/uk/poslugy/dovidka-vpo/")));
        }
    }

    @Test
    void withoutJavaScriptTheSearchBoxOpensTheAToZPage() throws IOException {
        try (Chromium browser = Chromium.start(false)) {
            browser.driver.get(portal.server().base() + "en/");
            browser.driver.findElement(By.id("q")).sendKeys("passport");
            browser.driver.findElement(By.cssSelector("form.search button")).click();
            new WebDriverWait(browser.driver, WAIT).until(d -> d.getCurrentUrl().contains("/en/a-z/?q=passport"));
            assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("Replacing a lost passport"));
        }
    }

    @Test
    void aPageVisitedBeforeOpensThroughTheServiceWorkerWhenTheServerIsGone() throws IOException {
        String page = "en/services/replacing-passport/";
        try (Chromium browser = Chromium.start(true)) {
            String base;
            String title;
            try (LocalServer own = new LocalServer(BuiltSite.get())) {
                base = own.base();
                installServiceWorker(browser, base);
                browser.driver.get(base + page);
                title = browser.driver.getTitle();
                assertTrue(title.startsWith("Replacing a lost passport"), title);
            }
            browser.driver.get(base + page);
            assertEquals(title, browser.driver.getTitle());
            browser.driver.get(base + "uk/pidtrymka/");
            assertTrue(browser.driver.getTitle().startsWith("Психологічна підтримка"), "precached support section");
            browser.driver.get(base + "en/services/heating-points/");
            assertNotNull(browser.driver.findElement(By.id("cached")), "a page never opened shows the offline page");
            assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("offline"));
        }
    }

    @Test
    void onAVerySlowConnectionAVisitedPageOpensFromTheCacheAfterTheTimeout() throws IOException {
        String page = "en/services/replacing-passport/";
        try (Chromium browser = Chromium.start(true); LocalServer own = new LocalServer(BuiltSite.get())) {
            installServiceWorker(browser, own.base());
            browser.driver.get(own.base() + page);
            String title = browser.driver.getTitle();
            own.stall(); // the server now answers nothing for a minute: without the worker's timeout the page would not load
            browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.driver.get(own.base() + page);
            assertEquals(title, browser.driver.getTitle());
        }
    }

    @Test
    void nothingIsCutOffOnA320PixelScreen() throws IOException {
        try (Chromium phone = Chromium.narrow()) {
            for (String page : PAGES) {
                phone.driver.get(portal.server().base() + page);
                Object wider = phone.driver.executeScript("var w = document.documentElement.clientWidth;"
                        + "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                        + "  var r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5 && !e.closest('table'); })"
                        + ".map(function (e) { return e.tagName + ' ' + e.textContent.trim().slice(0, 30); });");
                assertEquals(List.of(), wider, page + " has elements past the right edge of a 320 px screen");
                assertEquals(List.of(320L, 320L), phone.driver.executeScript(
                        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"), page);
            }
        }
    }

    @Test
    void printedGuideShowsLinkAddressesAndTheNumbersWithoutScreenClutter() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.get(portal.server().base() + "uk/poslugy/vidnovlennia-pasporta/");
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            JavascriptExecutor js = browser.driver;
            Object external = js.executeScript("var a = document.querySelector('main a[href^=\"http\"]');"
                    + "return a.getAttribute('href') + '|' + getComputedStyle(a, '::after').content;");
            String[] parts = ((String) external).split("\\|", 2);
            assertEquals("\" (" + parts[0] + ")\"", parts[1], "the address of a link to another site is printed after it");
            for (String hidden : List.of("form.search", "header nav", "nav.crumbs", "footer nav")) {
                assertFalse(browser.driver.findElement(By.cssSelector(hidden)).isDisplayed(), hidden + " is not printed");
            }
            assertTrue(browser.driver.findElement(By.cssSelector(".help")).getText().contains("112"), "the numbers are printed");
            assertEquals(8L, js.executeScript("return Array.from(document.querySelectorAll('.help a')).filter(function (a) {"
                    + " return a.checkVisibility(); }).length"), "every number is printed, also those behind 'Other numbers'");
            assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('.sos a')).borderTopStyle"),
                    "the numbers print as plain text, not buttons");
        }
    }

    @Test
    void aPrintedLinkWhoseTextIsItsAddressIsNotFollowedByTheAddressAgain() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            // a support page's "Online" address (written by the template) and an address in an alert's text (Markdown)
            for (String page : List.of("en/support/mental-health-hotline/", "en/alerts/winter-power-outages/")) {
                browser.driver.get(portal.server().base() + page);
                browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
                Object printed = browser.driver.executeScript("return Array.from(document.querySelectorAll('main a[href^=\"http\"]'))"
                        + ".filter(function (a) { return a.textContent === a.getAttribute('href'); })"
                        + ".map(function (a) { return a.textContent + getComputedStyle(a, '::after').content; });");
                assertFalse(((List<?>) printed).isEmpty(), page);
                for (Object link : (List<?>) printed) assertTrue(link.toString().endsWith("none"), page + " prints " + link);
            }
        }
    }

    @Test
    void onAMirrorUnderASubPathThe404PagesLinksAreMovedIntoItsFolderByItsScript() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.get(portal.server().base() + "uk/poslugy/nemaie-takoi/");
            Object hrefs = browser.driver.executeScript("return Array.from(document.querySelectorAll('a[href^=\"http\"], form'))"
                    + ".map(function (e) { return e.href || e.action; }).filter(function (h) { return h.indexOf('127.0.0.1') >= 0; });");
            assertFalse(((List<?>) hrefs).isEmpty());
            for (Object href : (List<?>) hrefs) assertTrue(href.toString().startsWith(portal.server().base()), href.toString());
            browser.driver.findElement(By.linkText("Головна сторінка")).click();
            assertEquals(portal.server().base() + "uk/", browser.driver.getCurrentUrl());
        }
    }

    /** Opens the home page and waits until the service worker controls it. */
    private static void installServiceWorker(Chromium browser, String base) {
        browser.driver.get(base + "en/");
        Object ready = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(function (r) { done(r.scope); });");
        assertEquals(base, ready);
        new WebDriverWait(browser.driver, WAIT).until(d ->
                Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!navigator.serviceWorker.controller")));
    }

    /** Waits while the results are re-drawn at each key press. */
    private static WebDriverWait wait(Chromium browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Every URL the browser asked for, from Chrome's DevTools network events. */
    private static List<String> requestedUrls(Chromium browser) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }
}
