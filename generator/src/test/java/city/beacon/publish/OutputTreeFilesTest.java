package city.beacon.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link OutputTree#files()}: every file of the build so far, sorted, whatever order the build
 * kept and wrote them in, and however the published site's names were ordered. The manifest,
 * the service worker's version and the checks read them in this order.
 */
class OutputTreeFilesTest {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A site in memory as a build would publish it: {@code names} written in the order given. */
    private static MemorySite published(List<String> names) {
        OutputTree first = OutputTree.inMemory(MemorySite.EMPTY);
        names.forEach(name -> first.write(name, text("v1 " + name)));
        return first.published();
    }

    @Test
    void filesWrittenInAnyOrderAreListedSorted() {
        OutputTree tree = OutputTree.inMemory(MemorySite.EMPTY);
        for (String name : List.of("uk/index.html", "en/a/index.html", "404.html", "en/index.html", "en/a/index.html.gz")) {
            tree.write(name, text(name));
        }
        assertEquals(List.of("404.html", "en/a/index.html", "en/a/index.html.gz", "en/index.html", "uk/index.html"), tree.files());
    }

    @Test
    void keptWrittenAndNewFilesMergeInOrderOverThePublishedSite() {
        List<String> names = IntStream.range(0, 300).mapToObj(i -> "en/page-" + i + "/index.html").toList();
        MemorySite site = published(names);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            OutputTree tree = OutputTree.inMemory(site);
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, random);
            TreeSet<String> expected = new TreeSet<>();
            for (String name : shuffled.subList(0, 250)) { // 50 published files left out: removed by this build
                if (random.nextBoolean()) tree.reuse(name);
                else tree.write(name, text("v2 " + name));
                expected.add(name);
                if (random.nextInt(10) == 0) {
                    String added = name.replace("index.html", "new-" + round + ".html");
                    tree.write(added, text(added));
                    expected.add(added);
                }
                if (random.nextInt(50) == 0) assertEquals(List.copyOf(expected), tree.files(), "asked half-way through"); // then more are added
            }
            assertEquals(List.copyOf(expected), tree.files());
        }
    }

    @Test
    void theListDoesNotChangeWhenFilesAreWrittenAfterIt() {
        OutputTree tree = OutputTree.inMemory(published(List.of("b.html", "d.html")));
        tree.reuse("b.html");
        List<String> before = tree.files();
        tree.write("a.html", text("a"));
        tree.reuse("d.html");
        assertEquals(List.of("b.html"), before);
        assertEquals(List.of("a.html", "b.html", "d.html"), tree.files());
        assertThrows(UnsupportedOperationException.class, () -> tree.files().add("z.html"));
    }

    @Test
    void asMuchAsNothingChangedTheSameListIsGivenAgain() {
        OutputTree tree = OutputTree.inMemory(published(List.of("a.html", "b.html")));
        tree.reuse("a.html");
        tree.reuse("b.html");
        List<String> first = tree.files();
        tree.write("a.html", text("v1 a.html")); // the same bytes again: no new name
        assertSame(first, tree.files());
    }

    @Test
    void publishedNamesOutOfOrderStillGiveSortedFiles() {
        // A hand-made or damaged record of the published site may list its files in any order.
        MemorySite site = published(List.of("a.html", "b.html", "c.html"));
        MemorySite shuffled = new MemorySite(site.files(), site.stamps(), List.of("c.html", "a.html", "b.html"));
        OutputTree tree = OutputTree.inMemory(shuffled);
        tree.reuse("c.html");
        tree.reuse("a.html");
        tree.reuse("b.html");
        assertEquals(List.of("a.html", "b.html", "c.html"), tree.files());
    }
}
