package city.beacon.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's headless Chromium driven by its own chromedriver: nothing is downloaded, nothing leaves loopback. */
final class Chromium implements AutoCloseable {
    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(boolean javascript, int width, int height) throws IOException {
        profile = Files.createTempDirectory("beacon-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER)),
                "chromium or chromium-driver not installed (apt-get install chromium chromium-driver): browser tests skipped");
    }

    static Chromium start(boolean javascript) throws IOException {
        return new Chromium(javascript, 360, 640);
    }

    /** The narrowest phone screen the portal is made for (a window cannot be that narrow: the screen is emulated). */
    static Chromium narrow() throws IOException {
        Chromium phone = new Chromium(true, 360, 640);
        phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        return phone;
    }

    /** A screen of {@code width} x {@code height} CSS pixels (emulated: a window cannot be as narrow as a phone); a phone below 600 px. */
    static Chromium screen(int width, int height) throws IOException {
        Chromium browser = new Chromium(true, Math.max(width, 360), height);
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        return browser;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> walk = Files.walk(profile)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
