package city.beacon.mirror;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A rebuild after a one-page edit costs a mirror only the files that really changed. */
class RsyncTest {

    @Test
    void afterAOnePageEditRsyncTransfersOnlyThatPageAndWhatDependsOnIt(@TempDir Path tmp) throws Exception {
        assumeTrue(MirrorSites.installed("rsync"), "rsync not installed: apt-get install rsync");
        Path content = MirrorSites.copyOfContent(tmp);
        Path out = tmp.resolve("public");
        Path mirror = tmp.resolve("mirror");
        MirrorSites.build(content, out, MirrorOptions.NONE);
        List<String> first = rsync(out, mirror);
        assertTrue(first.size() > 300, "the first mirror copies everything: " + first.size());

        Path page = content.resolve("en/services/heating-points.md");
        Files.writeString(page, Files.readString(page).replace("## ", "Bring a phone charger.\n\n## "));
        MirrorSites.build(content, out, MirrorOptions.NONE);
        List<String> second = rsync(out, mirror);

        System.out.println("rsync after a one-page edit transferred " + second.size() + " of " + first.size() + " files: " + second);
        Set<String> expected = new TreeSet<>(List.of("en/services/heating-points/index.html",
                "en/services/heating-points/index.html.gz", Manifest.FILE));
        assertTrue(second.containsAll(expected), second.toString());
        Set<String> unexpected = new TreeSet<>(second);
        unexpected.removeAll(expected);
        // What else may change: lists, feeds, indexes that show the page, the page's language's search
        // index (it holds the page's text: "charger" is a new word there), and the service worker, whose
        // cache version is a hash of the site's files.
        assertTrue(second.contains("en/search-index.js"), "the edited text's words are searchable: " + second);
        unexpected.removeIf(f -> f.matches("en/(services|categories|tags|a-z)/.*index\\.html(\\.gz)?|.*\\.(xml|json)(\\.gz)?|sw\\.js(\\.gz)?"
                + "|en/search-index\\.js(\\.gz)?"));
        assertEquals(Set.of(), unexpected, "files that do not depend on the edited page were transferred");
        assertTrue(second.size() <= 20, "too many files for one edit: " + second.size());
    }

    /** Mirrors {@code from} into {@code to} with rsync's default quick check; returns the files transferred. */
    static List<String> rsync(Path from, Path to) throws Exception {
        Process p = new ProcessBuilder("rsync", "-a", "--delete", "--out-format=%n", "--stats", from + "/", to + "/")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        List<String> files = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.isBlank() || line.endsWith("/") || line.contains(": ") || line.startsWith("sent ") || line.startsWith("total ")) continue;
            files.add(line);
        }
        String transferred = output.lines().filter(l -> l.startsWith("Number of regular files transferred:")).findFirst().orElseThrow();
        assertEquals(files.size(), Integer.parseInt(transferred.replaceAll("\\D", "")), output);
        return files;
    }
}
