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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ZimTest {

    @Test
    void kiwixServeServesThePagesOfTheZimFile(@TempDir Path tmp) throws Exception {
        assumeTrue(MirrorSites.installed("zimwriterfs"), "zimwriterfs not installed: apt-get install zim-tools");
        assumeTrue(MirrorSites.installed("kiwix-serve"), "kiwix-serve not installed: apt-get install kiwix-tools");
        Path content = MirrorSites.copyOfContent(tmp);
        Path out = tmp.resolve("public");
        MirrorSites.build(content, out, new MirrorOptions(null, false, true));
        Path zim = out.resolve(ZimFile.FILE);
        assertTrue(Files.size(zim) > 10_000 && Files.exists(out.resolve(OfflineBundle.FILE)));
        byte[] first = Files.readAllBytes(zim);
        MirrorSites.build(content, out, new MirrorOptions(null, false, true));
        assertArrayEquals(first, Files.readAllBytes(zim), "an unchanged site keeps its ZIM file (which has a random id)");

        int port = MirrorSites.freePort();
        Process kiwix = new ProcessBuilder("kiwix-serve", "--address=127.0.0.1", "--port=" + port, zim.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("kiwix.out").toFile()).start();
        try {
            MirrorServersTest.waitForPort(kiwix, port, tmp.resolve("kiwix.out"));
            HttpClient http = HttpClient.newHttpClient();
            String book = "http://127.0.0.1:" + port + "/beacon-offline/";
            List<String> fetched = new ArrayList<>();
            for (String[] page : new String[][]{{"index.html", "Київ. Довідник мешканця"},
                    {"A/en/index.html", "This copy was built on 20 November 2026."},
                    {"A/uk/poslugy/index.html", "Послуги"},
                    {"A/en/info/mirrors/index.html", "Example university mirror"}}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(book + page[0])).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, response.statusCode(), page[0]);
                assertTrue(response.body().contains(page[1]), page[0] + " lacks " + page[1]);
                fetched.add(page[0]);
            }
            System.out.println("kiwix-serve served " + fetched);
        } finally {
            kiwix.destroy();
            kiwix.waitFor();
        }
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
