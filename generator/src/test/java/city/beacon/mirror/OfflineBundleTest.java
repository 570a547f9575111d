package city.beacon.mirror;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineBundleTest {

    @Test
    void linksToFoldersNameIndexHtmlAndOtherLinksStayAsTheyAre() {
        assertEquals("../uk/index.html", OfflineBundle.explicitIndex("../uk/"));
        assertEquals("./index.html#top", OfflineBundle.explicitIndex("./#top"));
        assertEquals("../index.html", OfflineBundle.explicitIndex(".."));
        assertEquals("../assets/beacon.css", OfflineBundle.explicitIndex("../assets/beacon.css"));
        assertEquals("#main", OfflineBundle.explicitIndex("#main"));
        assertEquals("tel:112", OfflineBundle.explicitIndex("tel:112"));
        assertEquals("https://example.org/", OfflineBundle.explicitIndex("https://example.org/"));
    }

    @Test
    void everyLinkOfEveryPageOfTheUnzippedBundleResolvesToAFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("public");
        MirrorSites.build(MirrorSites.copyOfContent(tmp), out, new MirrorOptions(null, true, false));
        Path unzipped = tmp.resolve("usb-stick");
        List<String> entries = unzip(out.resolve(OfflineBundle.FILE), unzipped);
        assertTrue(entries.contains(OfflineBundle.FOLDER + "index.html"));
        assertFalse(entries.stream().anyMatch(e -> e.endsWith(".gz") || e.endsWith(Manifest.FILE)), "mirror-only files stay out");

        Path root = unzipped.resolve(OfflineBundle.FOLDER);
        List<String> broken = new ArrayList<>();
        int pages = 0;
        int links = 0;
        try (var walk = Files.walk(root)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages++;
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                for (Element e : doc.select("[href], [src]")) {
                    String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    URI target = page.toUri().resolve(link.replace(" ", "%20"));
                    if (!"file".equals(target.getScheme())) continue; // other sites, tel:, mailto:
                    links++;
                    Path file = Path.of(URI.create(target.toString().replaceAll("[#?].*$", "")));
                    if (!Files.isRegularFile(file)) broken.add(root.relativize(page) + " -> " + link);
                }
            }
        }
        System.out.println("offline bundle: " + pages + " pages, " + links + " links checked as files, " + broken.size() + " broken");
        assertTrue(pages > 100 && links > 1000, pages + " pages, " + links + " links");
        assertEquals(List.of(), broken);
    }

    static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                names.add(entry.getName());
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into));
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        return names;
    }
}
