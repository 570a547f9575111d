package city.beacon.mirror;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ZimTest {

    @Test
    void kiwixServeServesThePagesOfEachLanguagesZimFile(@TempDir Path tmp) throws Exception {
        assumeTrue(MirrorSites.installed("zimwriterfs"), "zimwriterfs not installed: apt-get install zim-tools");
        assumeTrue(MirrorSites.installed("kiwix-serve"), "kiwix-serve not installed: apt-get install kiwix-tools");
        Path content = MirrorSites.copyOfContent(tmp);
        Path out = tmp.resolve("public");
        MirrorSites.build(content, out, new MirrorOptions(null, false, true));
        Path uk = out.resolve(ZimFile.file("uk"));
        Path en = out.resolve(ZimFile.file("en"));
        assertTrue(Files.size(uk) > 10_000 && Files.size(en) > 10_000 && Files.exists(out.resolve(OfflineBundle.FILE)));
        assertArrayEquals(Files.readAllBytes(uk), Files.readAllBytes(out.resolve(ZimFile.FILE)),
                "beacon-offline.zim, the name operators' scripts know, is the first language's file");
        byte[] first = Files.readAllBytes(uk);
        byte[] firstEn = Files.readAllBytes(en);
        MirrorSites.build(content, out, new MirrorOptions(null, false, true));
        assertArrayEquals(first, Files.readAllBytes(uk), "an unchanged site keeps its ZIM files (which have a random id)");
        assertArrayEquals(firstEn, Files.readAllBytes(en));

        int port = MirrorSites.freePort();
        Process kiwix = new ProcessBuilder("kiwix-serve", "--address=127.0.0.1", "--port=" + port, uk.toString(), en.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("kiwix.out").toFile()).start();
        try {
            MirrorServersTest.waitForPort(kiwix, port, tmp.resolve("kiwix.out"));
            HttpClient http = HttpClient.newHttpClient();
            String server = "http://127.0.0.1:" + port + "/";
            List<String> fetched = new ArrayList<>();
            for (String[] page : new String[][]{{"beacon-offline-uk/A/uk/index.html", "Київ. Довідник мешканця"},
                    {"beacon-offline-en/A/en/index.html", "This copy was built on 20 November 2026."},
                    {"beacon-offline-uk/A/uk/poslugy/index.html", "Послуги"},
                    {"beacon-offline-en/A/en/info/mirrors/index.html", "Example university mirror"}}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server + page[0])).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, response.statusCode(), page[0]);
                assertTrue(response.body().contains(page[1]), page[0] + " lacks " + page[1]);
                fetched.add(page[0]);
            }
            HttpResponse<String> otherLanguage = http.send(HttpRequest.newBuilder(URI.create(server + "beacon-offline-en/A/uk/index.html"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(404, otherLanguage.statusCode(), "the English file holds no Ukrainian page");
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(server
                    + "search?content=beacon-offline-en&pattern=shelter")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(search.body().contains("/beacon-offline-en/en/services/air-raid-alerts-and-shelters/"),
                    "Kiwix's full-text search finds an English page in the English file:\n" + search.body());
            System.out.println("kiwix-serve served " + fetched);
        } finally {
            kiwix.destroy();
            kiwix.waitFor();
        }
    }

    @Test
    void eachLanguagesZimFileHasItsLanguagesCodeTitleAndDescriptionAndOnlyItsPages(@TempDir Path tmp) throws Exception {
        assumeTrue(MirrorSites.installed("zimwriterfs"), "zimwriterfs not installed: apt-get install zim-tools");
        assumeTrue(MirrorSites.installed("zimdump"), "zimdump not installed: apt-get install zim-tools");
        assumeTrue(MirrorSites.installed("kiwix-manage"), "kiwix-manage (which reads a ZIM file's metadata) not installed: "
                + "apt-get install kiwix-tools");
        Path content = MirrorSites.copyOfContent(tmp);
        Path out = tmp.resolve("public");
        MirrorSites.build(content, out, new MirrorOptions(null, false, true));
        Path library = tmp.resolve("library.xml");
        run(tmp, "kiwix-manage", library.toString(), "add", out.resolve("beacon-offline-uk.zim").toString(),
                out.resolve("beacon-offline-en.zim").toString());
        String books = Files.readString(library);
        // site.yaml's title and description of each language; a ZIM file's description is 80 characters at most
        assertTrue(books.contains("title=\"Київ. Довідник мешканця\" description=\"Як отримати міські послуги та психологічну "
                + "підтримку під час війни, відключень …\" language=\"ukr\""), books);
        assertTrue(books.contains("title=\"Kyiv Resident Guide\" description=\"How to get city services and mental-health support "
                + "during the war, blackouts an…\" language=\"eng\""), books);

        List<String> ukEntries = run(tmp, "zimdump", "list", out.resolve("beacon-offline-uk.zim").toString()).lines().toList();
        List<String> enEntries = run(tmp, "zimdump", "list", out.resolve("beacon-offline-en.zim").toString()).lines().toList();
        assertTrue(ukEntries.contains("uk/poslugy/vidnovlennia-pasporta/index.html") && ukEntries.contains("assets/beacon.css"), ukEntries.toString());
        assertTrue(enEntries.contains("en/services/replacing-passport/index.html") && enEntries.contains("assets/beacon.css"), enEntries.toString());
        assertEquals(List.of(), ukEntries.stream().filter(e -> e.startsWith("en/")).toList(), "no English page in the Ukrainian file");
        assertEquals(List.of(), enEntries.stream().filter(e -> e.startsWith("uk/")).toList(), "no Ukrainian page in the English file");
        assertTrue(run(tmp, "zimdump", "info", out.resolve("beacon-offline-en.zim").toString()).contains("main page: en/index.html"));

        // The page for mirrors links the files it lists for download: each language's ZIM file among them.
        List<Path> mirrorPages;
        try (var walk = Files.walk(out)) {
            mirrorPages = walk.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    return Files.readString(f).contains("beacon-manifest.sha256\"");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertFalse(mirrorPages.isEmpty(), "a page links the manifest");
        for (Path page : mirrorPages) {
            String html = Files.readString(page);
            assertTrue(html.contains("beacon-offline-uk.zim\"") && html.contains("beacon-offline-en.zim\""), page + " links each language's ZIM file");
        }
    }

    @Test
    void theIso3CodesOfTheShippedLanguages() {
        assertEquals(List.of("ukr", "eng", "spa", "pol", "ara"), List.of("uk", "en", "es", "pl", "ar").stream().map(ZimFile::iso3).toList());
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    @Test
    void withoutZimwriterfsTheBuildStopsWithAClearMessage(@TempDir Path tmp) throws Exception {
        Path content = MirrorSites.copyOfContent(tmp);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "city.beacon.cli.Main",
                "build", "--zim", "--content", content.toString(), "--out", tmp.resolve("public").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", tmp.resolve("no-tools").toString());
        Process build = builder.start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, build.waitFor(), output);
        assertTrue(output.contains("zimwriterfs is not installed") && output.contains("apt-get install zim-tools"), output);
        assertTrue(Files.notExists(tmp.resolve("public")), "nothing is published");
    }
}
