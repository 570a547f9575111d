package city.beacon.browser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a resident with only a text browser reads. */
class TextBrowserTest {

    @Test
    void w3mDumpOfAServicePageHasItsTitleStepsAndPhoneNumbers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/w3m")), "w3m not installed (apt-get install w3m): text-browser test skipped");
        Path page = BuiltSite.get().resolve("en/services/replacing-passport/index.html");
        String text = dump(page);
        List<String> expected = List.of(
                "Replacing a lost passport or ID card",
                "Report a theft to the police (102).",
                "Go to a migration service office or an administrative services centre.",
                "Collect the new document on the date you are given.",
                "+380 44 000 00 10",
                "112 Single emergency number", "103 Ambulance",
                "+380 44 000 00 90 Mental-health crisis line (example)");
        for (String line : expected) assertTrue(text.contains(line), "w3m shows \"" + line + "\":\n" + text);
    }

    @Test
    void w3mReadsAPlacePageItsStatusAddressPhoneAndChecks() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/w3m")), "w3m not installed (apt-get install w3m): text-browser test skipped");
        String text = dump(BuiltSite.get().resolve("en/places/heating/heating-podilskyi-1/index.html"));
        for (String line : List.of("Resilience point at school No. 163", "Status: closed (since 4 December 2026)",
                "Closed while the generator is repaired (example)", "Address", "27 Prykladna St", "+380 44 000 0009",
                "Open in a map app · See on OpenStreetMap", "Checked on 5 December 2026.", "Nearby, of the same type")) {
            assertTrue(text.contains(line), "w3m shows \"" + line + "\":\n" + text);
        }
    }

    private static String dump(Path page) throws IOException, InterruptedException {
        Process w3m = new ProcessBuilder("w3m", "-dump", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html", page.toString())
                .redirectErrorStream(true).start();
        String out = new String(w3m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(w3m.waitFor(60, TimeUnit.SECONDS), "w3m finished");
        return out;
    }
}
