package city.beacon.cli;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import city.beacon.starter.StarterTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code beacon init}: a new city's portal that builds, passes check --strict and is served as written. */
class InitCommandTest {

    @Test
    void aUkrainianEnglishCityIsWrittenBuildsPassesCheckStrictAndIsServed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("testohrad");
        assertEquals(0, Main.run("init", dir.toString(), "--city", "Testohrad", "--city-name", "uk=Тестоград",
                "--languages", "uk,en", "--emergency", "112", "--emergency", "101=uk:Пожежна охорона|en:Fire and rescue",
                "--timezone", "Europe/Kyiv"));
        endToEnd(dir, List.of("uk", "en"), "Тестоград. Довідник мешканця", "Testohrad Resident Guide");
        String emergency = Files.readString(dir.resolve("content/data/emergency.yaml"));
        assertTrue(emergency.contains("- number: \"101\"\n  label: {uk: \"Пожежна охорона\", en: \"Fire and rescue\"}\n"), emergency);
        assertFalse(emergency.contains("example: true"), "every number was given: none is example data\n" + emergency);
        assertTrue(Files.readString(dir.resolve("FIRST-STEPS.md")).startsWith("# Перші кроки для редакторів порталу Тестоград"),
                "the first steps in the first language's words (uk and en are shipped)");
    }

    @Test
    void aSpanishEnglishCityIsWrittenBuildsPassesCheckStrictAndIsServed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("madrid");
        assertEquals(0, Main.run("init", dir.toString(), "--city", "Madrid", "--languages", "es,en",
                "--emergency", "112", "--emergency", "091=es:Policía Nacional|en:National Police", "--timezone", "Europe/Madrid"));
        endToEnd(dir, List.of("es", "en"), "Madrid: guía para residentes", "Madrid Resident Guide");
    }

    @Test
    void anArabicEnglishCityIsWrittenBuildsPassesCheckStrictAndIsServed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("amman");
        assertEquals(0, Main.run("init", dir.toString(), "--city", "Amman", "--city-name", "ar=عمّان", "--languages", "ar,en",
                "--emergency", "911", "--timezone", "Asia/Amman"));
        endToEnd(dir, List.of("ar", "en"), "دليل سكان عمّان", "Amman Resident Guide");
    }

    @Test
    void everyShippedLanguagesPortalHasNoFinding(@TempDir Path tmp) throws Exception {
        List<String> portals = new ArrayList<>();
        for (String lang : StarterTexts.SHIPPED) portals.add(lang.equals("en") ? "en,uk" : lang + ",en");
        portals.add(String.join(",", StarterTexts.SHIPPED));
        for (String languages : portals) {
            Path dir = tmp.resolve(languages.replace(',', '-'));
            assertEquals(0, Main.run("init", dir.toString(), "--city", "Testville", "--languages", languages, "--timezone", "UTC"));
            assertEquals(List.of(), findings(dir.resolve("content")), languages);
        }
    }

    @Test
    void numbersNotGivenAreWrittenAsExampleData(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("city");
        assertEquals(0, Main.run("init", dir.toString(), "--city", "Testville", "--languages", "en", "--timezone", "UTC"));
        assertEquals("""
                # Emergency numbers shown on every page, in this order.
                # EXAMPLE DATA: a number marked 'example: true' was not given to 'beacon init'. Check it is your
                # country's number, add the others (fire, police, ambulance, gas), then delete 'example: true'.
                - number: "112"
                  label: {en: "Single emergency number"}
                  example: true
                """, Files.readString(dir.resolve("content/data/emergency.yaml")));
        assertTrue(Files.readString(dir.resolve("content/data/crisis-lines.yaml")).contains("  example: true\n"));
        assertTrue(Files.readString(dir.resolve("content/en/support/crisis-line.md")).contains("    example: true\n"));
    }

    @Test
    void itNeverOverwritesAFileAndWritesNothingWhenOneExists(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("city");
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("content/site.yaml"), "my settings\n");
        Files.writeString(dir.resolve(".gitignore"), "my ignores\n");
        Run run = run("init", dir.toString(), "--city", "Testville", "--languages", "uk,en", "--timezone", "UTC");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("already holds 2 of the files it would write (content/site.yaml, .gitignore); nothing was written"),
                run.err());
        assertEquals("my settings\n", Files.readString(dir.resolve("content/site.yaml")));
        assertEquals("my ignores\n", Files.readString(dir.resolve(".gitignore")));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(4, files.count(), "dir, content/, site.yaml and .gitignore: nothing else written");
        }
    }

    @Test
    void aFolderWithOtherFilesSuchAsARepositorysReadmeIsFine(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("city");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("README.md"), "# Our city\n");
        assertEquals(0, Main.run("init", dir.toString(), "--city", "Testville", "--languages", "en", "--timezone", "UTC"));
        assertEquals("# Our city\n", Files.readString(dir.resolve("README.md")));
        assertTrue(Files.isRegularFile(dir.resolve("content/site.yaml")));
    }

    @Test
    void withoutATerminalAMissingCityOrLanguageIsAUsageErrorNamingTheOption(@TempDir Path tmp) {
        Run noCity = run("init", tmp.resolve("a").toString(), "--languages", "en");
        assertEquals(2, noCity.exit());
        assertTrue(noCity.err().contains("--city is required when there is no terminal to ask on"), noCity.err());
        Run noLanguages = run("init", tmp.resolve("b").toString(), "--city", "Testville");
        assertEquals(2, noLanguages.exit());
        assertTrue(noLanguages.err().contains("--languages is required when there is no terminal to ask on"), noLanguages.err());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")));
    }

    @Test
    void aLanguageWithoutStarterTextIsRefusedNamingTheShippedOnesAndHowToAddIt(@TempDir Path tmp) {
        Run run = run("init", tmp.resolve("tbilisi").toString(), "--city", "Tbilisi", "--languages", "ka,en");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--languages: there is no starter text for 'ka'; beacon init writes pages in uk, en, es, pl, ar"),
                run.err());
        assertTrue(run.err().contains("docs/new-city.md"), run.err());
        assertFalse(Files.exists(tmp.resolve("tbilisi")));
    }

    @Test
    void aMistypedEmergencyNumberIsAUsageError(@TempDir Path tmp) {
        Run run = run("init", tmp.resolve("c").toString(), "--city", "X", "--languages", "en", "--emergency", "Police=102");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--emergency: expected a number, then optionally '=' and a label"), run.err());
    }

    /** Check --strict passes, the build publishes each language's home with the site's title, serve answers each. */
    private static void endToEnd(Path dir, List<String> languages, String... titles) throws Exception {
        for (String file : List.of("content/site.yaml", "content/data/emergency.yaml", "content/data/crisis-lines.yaml",
                ".github/workflows/beacon.yml", ".gitignore", "FIRST-STEPS.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        try (Stream<Path> pages = Files.walk(dir.resolve("content"))) {
            assertEquals(6 * languages.size(), pages.filter(p -> p.toString().endsWith(".md")).count(),
                    "service, support, about, privacy, offline and alert pages in each language");
        }
        Path content = dir.resolve("content");
        assertEquals(0, Main.run("check", "--strict", "--content", content.toString()), "check --strict, as written");
        Path out = dir.resolve("public");
        assertEquals(0, Main.run("build", "--content", content.toString(), "--out", out.toString()));
        for (int i = 0; i < languages.size(); i++) {
            String home = Files.readString(out.resolve(languages.get(i) + "/index.html"));
            assertTrue(home.contains(titles[i]), languages.get(i) + "/index.html lacks " + titles[i]);
        }
        serveAnswers(dir, languages, titles);
    }

    /** {@code beacon serve}, run in the new portal's folder as its editors run it (no templates/ there: the bundled theme). */
    private static void serveAnswers(Path dir, List<String> languages, String... titles) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "city.beacon.cli.Main", "serve", "--port", String.valueOf(port)));
        Process serve = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("Preview at")) seen.append(line).append('\n');
            assertTrue(line != null, "serve stopped before it served:\n" + seen);
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < languages.size(); i++) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"
                        + languages.get(i) + "/")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, page.statusCode(), languages.get(i));
                assertTrue(page.body().contains(titles[i]), languages.get(i) + "/ lacks " + titles[i]);
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }

    private static List<Problem> findings(Path content) throws Exception {
        return new SiteBuilder(new SiteBuilder.Options(content, null, true, false, Theme.bundled(), Map.of())).build().problems().sorted();
    }

    private record Run(int exit, String err) {
    }

    /** Main.run with what it prints on standard error. */
    private static synchronized Run run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }
}
