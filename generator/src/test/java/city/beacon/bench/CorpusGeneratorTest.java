package city.beacon.bench;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void sameSizeGivesTheSameBytes() throws IOException {
        CorpusGenerator.writeBeacon(new Corpus(60), dir.resolve("a"));
        CorpusGenerator.writeBeacon(new Corpus(60), dir.resolve("b"));
        Map<String, String> a = files(dir.resolve("a"));
        assertEquals(60, a.keySet().stream().filter(f -> f.endsWith(".md")).count());
        assertEquals(a, files(dir.resolve("b")));
    }

    @Test
    void everyKindInBothLanguagesWithCyrillicTablesListsAndLinks() {
        var pages = new Corpus(60).pages();
        for (String lang : new String[]{"uk", "en"}) {
            for (Corpus.Section section : Corpus.Section.values()) {
                assertTrue(pages.stream().anyMatch(p -> p.lang().equals(lang) && p.section() == section), lang + " " + section);
            }
        }
        var ukrainian = pages.stream().filter(p -> p.lang().equals("uk")).findFirst().orElseThrow();
        assertTrue(ukrainian.body().chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC));
        assertTrue(pages.stream().anyMatch(p -> p.body().contains("|---|---|")), "a table");
        assertTrue(pages.stream().anyMatch(p -> p.body().contains("\n- ")), "a list");
        assertTrue(pages.stream().allMatch(p -> p.body().contains(".md)")), "links to other pages");
        int words = Words.count(ukrainian.body());
        assertTrue(words >= 400 && words <= 1400, "400-1200 words and a last section, got " + words);
    }

    @Test
    void anOddSizeHasOneMorePageInUkrainian() {
        var pages = new Corpus(61).pages();
        assertEquals(31, pages.stream().filter(p -> p.lang().equals("uk")).count());
        assertEquals(30, pages.stream().filter(p -> p.lang().equals("en")).count());
    }

    @Test
    void corpusBuildsWithoutAnyFinding() throws IOException {
        Path content = dir.resolve("content");
        CorpusGenerator.writeBeacon(new Corpus(120), content);
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, dir.resolve("public"), true, false,
                Theme.bundled(), Map.of())).build();
        assertEquals("[]", result.problems().sorted().toString());
        assertTrue(result.published());
        assertEquals(Map.of("en", 59, "uk", 59), result.pagesPerLanguage(),
                "60 topics less the expired alert (topic 59) in each language");
    }

    @Test
    void hugoCorpusHasTheSamePagesWithHugosFieldNames() throws IOException {
        CorpusGenerator.writeHugo(new Corpus(40), dir.resolve("hugo"));
        Map<String, String> files = files(dir.resolve("hugo"));
        assertEquals(40, files.keySet().stream().filter(f -> f.startsWith("content/") && f.endsWith(".md")).count());
        assertTrue(files.containsKey("data/crisis_lines.yaml"));
        String support = files.entrySet().stream().filter(e -> e.getKey().startsWith("content/en/support/"))
                .findFirst().orElseThrow().getValue();
        assertTrue(support.contains("\nsupport_type: "), support);
        assertTrue(support.contains("\ntranslationKey: \"topic-"), support);
        assertFalse(support.contains("\ntype: "), "'type' picks a layout in Hugo");
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }
}
