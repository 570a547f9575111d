package city.beacon.browser;

import city.beacon.build.SiteBuilder;
import city.beacon.mirror.MirrorOptions;
import city.beacon.mirror.OfflineBundle;
import city.beacon.render.Theme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search box as a resident uses it, typing key by key: from the offline zip opened from
 * disk (file://), with and without its index, and on a served copy.
 */
class SearchBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    private static Path bundle;
    private static LocalServer server;

    @BeforeAll
    static void buildAndUnzip() throws IOException {
        Chromium.assumeInstalled();
        Path out = dir.resolve("public");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(BuiltSite.repo().resolve("content"), out, false, false,
                Theme.bundled(), Map.of("SOURCE_DATE_EPOCH", "1795996800"), null, new MirrorOptions(null, true, false))).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        try (InputStream in = Files.newInputStream(out.resolve(OfflineBundle.FILE)); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve("usb-stick").resolve(entry.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        bundle = dir.resolve("usb-stick").resolve(OfflineBundle.FOLDER);
        server = new LocalServer(BuiltSite.get());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void fromTheOfflineZipOpenedFromDiskAQueryFindsThePageAndItsLinkOpensIt() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.get(bundle.resolve("uk/index.html").toUri().toString());
            browser.driver.findElement(By.id("q")).sendKeys("gfcgjhn"); // "паспорт" with the English layout on
            WebElement first = firstHit(browser);
            assertEquals("Відновлення втраченого паспорта або ID-картки", first.getText());
            assertTrue(first.getAttribute("href").endsWith("/uk/poslugy/vidnovlennia-pasporta/index.html"), first.getAttribute("href"));
            String heading = browser.driver.findElement(By.cssSelector("#hits [aria-live=polite] h2")).getText();
            assertTrue(heading.matches("Знайдено сторінок: \\d+"), heading);
            WebElement all = browser.driver.findElement(By.linkText("Усі сторінки від А до Я"));
            assertTrue(all.getAttribute("href").endsWith("/uk/a-ya/index.html"), all.getAttribute("href"));
            first.click();
            new WebDriverWait(browser.driver, WAIT).until(d -> d.getTitle().startsWith("Відновлення втраченого паспорта"));
        }
    }

    @Test
    void fromDiskWithoutItsIndexTheFormOpensTheAToZPageItself() throws IOException {
        Path copy = dir.resolve("no-index");
        copyTree(bundle, copy);
        Files.delete(copy.resolve("en/search-index.js"));
        try (Chromium browser = Chromium.start(true)) {
            browser.driver.get(copy.resolve("en/services/index.html").toUri().toString());
            browser.driver.findElement(By.id("q")).sendKeys("passport" + Keys.ENTER);
            new WebDriverWait(browser.driver, WAIT).until(d -> d.getCurrentUrl().contains("/en/a-z/index.html?q=passport"));
            String main = browser.driver.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("This is every page of the site") && main.contains("Replacing a lost passport"), main);
        }
    }

    @Test
    void withoutJavaScriptTheOfflineZipsFormOpensTheAToZPageNotAFolderList() throws IOException {
        try (Chromium browser = Chromium.start(false)) {
            browser.driver.get(bundle.resolve("en/index.html").toUri().toString());
            browser.driver.findElement(By.id("q")).sendKeys("passport" + Keys.ENTER);
            new WebDriverWait(browser.driver, WAIT).until(d -> d.getCurrentUrl().contains("/en/a-z/index.html?q=passport"));
            assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("Replacing a lost passport"));
        }
    }

    @Test
    void servedQueriesFindSingularWordsBodyTextAndWordsTypedInTheOtherLayout() throws IOException {
        try (Chromium browser = Chromium.start(true)) {
            assertFinds(browser, "en/", "point", "Heating points");
            assertFinds(browser, "en/", "passport document", "Replacing a lost passport");
            assertFinds(browser, "en/", "ірудеук", "Air-raid alerts and shelters"); // "shelter", Ukrainian layout on
            assertFinds(browser, "uk/", "ЦНАП", "Відновлення втраченого паспорта"); // in the service's steps and places
            browser.driver.findElement(By.id("q")).clear();
            browser.driver.findElement(By.id("q")).sendKeys("zanzibarqq");
            String none = new WebDriverWait(browser.driver, WAIT).until(d ->
                    d.findElements(By.cssSelector("#hits h2")).stream().map(WebElement::getText).filter(t -> t.startsWith("Нічого")).findFirst().orElse(null));
            assertTrue(none.startsWith("Нічого не знайдено"), none);
            assertTrue(browser.driver.findElement(By.linkText("Усі сторінки від А до Я")).getAttribute("href").endsWith("/uk/a-ya/"),
                    "no result still leads to the A–Z page");
        }
    }

    private static void assertFinds(Chromium browser, String page, String query, String title) {
        browser.driver.get(server.base() + page);
        browser.driver.findElement(By.id("q")).sendKeys(query);
        new WebDriverWait(browser.driver, WAIT).until(d -> d.findElements(By.cssSelector("#hits li a")).stream()
                .anyMatch(a -> a.getText().startsWith(title)));
    }

    private static WebElement firstHit(Chromium browser) {
        return new WebDriverWait(browser.driver, WAIT).until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#hits li a"));
            return links.isEmpty() ? null : links.get(0);
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
