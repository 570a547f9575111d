package city.beacon.outputs;

import city.beacon.Fixtures;
import city.beacon.config.SiteConfigLoader;
import city.beacon.findings.Problems;
import city.beacon.model.SearchEntry;
import city.beacon.model.SiteConfig;
import city.beacon.publish.OutputFiles;
import city.beacon.yaml.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build of text edits makes the search index from its parts as published and the edited pages'
 * words before and after ({@link SearchIndexEdit}); it must give, file for file and byte for byte,
 * the index a build of everything makes ({@link SearchIndex#write}) from every page's words.
 */
class SearchIndexEditTest {

    /** Edits of a few pages' words, one after the other, each compared with the whole index made again. */
    @ParameterizedTest(name = "{0} pages, budget {1} KiB")
    @CsvSource({
            "400, 1, 55", // deep parts of words (k-ab.js)
            "400, 2, 55",
            "400, 4, 55", // a part of words per first letter (k-a.js)
            "60, 2, 30",  // all words in one part (k-_.js), now and then the whole index in one file (made whole)
            "40, 3, 20"})
    void everyEditOfWordsGivesTheIndexABuildOfEverythingGives(int pages, int budgetKib, int fromParts) {
        SiteConfig config = config(budgetKib);
        Random random = new Random(budgetKib);
        Map<String, SearchEntry> entries = new HashMap<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String url = "en/services/page-" + i + "/";
            en.add(url);
            entries.put(url, entry(random, i));
        }
        Map<String, List<String>> order = Map.of("en", en, "uk", en.subList(0, pages / 3)); // pages only in English are in the other index too
        Map<String, byte[]> published = write(config, order, entries);
        assertTrue(published.containsKey("en/search-index/p-0.js"), "the index is split into parts: " + published.keySet());
        int edits = 0;
        for (int round = 0; round < 60; round++) {
            List<SearchIndexEdit.Change> changes = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                String url = en.get(random.nextInt(en.size()));
                SearchEntry before = entries.get(url);
                SearchEntry after = edited(random, before, round);
                entries.put(url, after);
                changes.add(new SearchIndexEdit.Change(url, before, after));
            }
            Map<String, byte[]> before = published;
            Optional<SearchIndexEdit.Files> edit = SearchIndexEdit.apply(config, order, changes, before.keySet(),
                    file -> Optional.ofNullable(before.get(file)));
            Map<String, byte[]> cold = write(config, order, entries);
            if (edit.isPresent()) {
                edits++;
                Map<String, byte[]> warm = new TreeMap<>(edit.get().written());
                edit.get().kept().forEach(file -> warm.put(file, before.get(file)));
                assertEquals(cold.keySet(), warm.keySet(), "round " + round + ": the files");
                for (String file : cold.keySet()) assertArrayEquals(cold.get(file), warm.get(file), "round " + round + ": " + file);
                Set<String> letters = new TreeSet<>();
                for (SearchIndexEdit.Change change : changes) letters.addAll(firstLettersChanged(change));
                for (String file : edit.get().written().keySet()) {
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    assertTrue(name.equals("search-index.js") || name.equals("k-_.js") || name.startsWith("k-") && letters.contains(name.substring(2, 3)),
                            "round " + round + ": " + file + " made again, though no word of its letter changed (" + letters + ")");
                }
            }
            published = cold;
        }
        assertTrue(edits >= fromParts, "the parts made " + edits + " of 60 edits; the others were made whole");
    }

    @Test
    void anEditOfOneWordMakesOnlyThePartOfThatWordAgain() {
        SiteConfig config = config(1);
        Random random = new Random(11);
        Map<String, SearchEntry> entries = new HashMap<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            en.add("en/p" + i + "/");
            entries.put("en/p" + i + "/", entry(random, i));
        }
        Map<String, List<String>> order = Map.of("en", en);
        Map<String, byte[]> published = write(config, order, entries);
        SearchEntry before = entries.get("en/p42/");
        List<String> words = new ArrayList<>(before.otherWords());
        words.add("sockets");
        SearchEntry after = new SearchEntry(before.title(), before.summary(), before.titleWords(), words);
        entries.put("en/p42/", after);

        SearchIndexEdit.Files edit = SearchIndexEdit.apply(config, order, List.of(new SearchIndexEdit.Change("en/p42/", before, after)),
                published.keySet(), file -> Optional.ofNullable(published.get(file))).orElseThrow();

        Map<String, byte[]> cold = write(config, order, entries);
        List<String> changed = cold.keySet().stream().filter(file -> !published.containsKey(file) || !java.util.Arrays.equals(published.get(file), cold.get(file))).toList();
        assertEquals(1, changed.size(), "one part holds the new word: " + changed);
        assertEquals(changed, List.copyOf(edit.written().keySet()));
        assertArrayEquals(cold.get(changed.get(0)), edit.written().get(changed.get(0)));
        assertEquals(cold.size() - 1, edit.kept().size(), "every other file is kept as published");
    }

    @Test
    void aChangedTitleOrAnIndexInOneFileIsMadeWhole() {
        SiteConfig split = config(1);
        Random random = new Random(7);
        Map<String, SearchEntry> entries = new HashMap<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            en.add("en/p" + i + "/");
            entries.put("en/p" + i + "/", entry(random, i));
        }
        Map<String, List<String>> order = Map.of("en", en);
        Map<String, byte[]> published = write(split, order, entries);
        SearchEntry before = entries.get("en/p3/");
        SearchEntry retitled = new SearchEntry("Another title", before.summary(), List.of("another", "title"), before.otherWords());
        assertEquals(Optional.empty(), SearchIndexEdit.apply(split, order, List.of(new SearchIndexEdit.Change("en/p3/", before, retitled)),
                published.keySet(), file -> Optional.ofNullable(published.get(file))));

        SiteConfig roomy = config(500);
        Map<String, byte[]> single = write(roomy, order, entries);
        assertEquals(Set.of("en/search-index.js", "uk/search-index.js"), single.keySet(), "each language's index in one file");
        SearchEntry reworded = edited(random, before, 1);
        assertEquals(Optional.empty(), SearchIndexEdit.apply(roomy, order, List.of(new SearchIndexEdit.Change("en/p3/", before, reworded)),
                single.keySet(), file -> Optional.ofNullable(single.get(file))));
    }

    @Test
    void aPartNoLongerAsPublishedMakesTheIndexWhole() {
        SiteConfig config = config(1);
        Random random = new Random(3);
        Map<String, SearchEntry> entries = new HashMap<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            en.add("en/p" + i + "/");
            entries.put("en/p" + i + "/", entry(random, i));
        }
        Map<String, List<String>> order = Map.of("en", en);
        Map<String, byte[]> published = write(config, order, entries);
        SearchEntry before = entries.get("en/p3/");
        SearchEntry after = new SearchEntry(before.title(), before.summary(), before.titleWords(), List.of("zebra"));
        assertEquals(Optional.empty(), SearchIndexEdit.apply(config, order, List.of(new SearchIndexEdit.Change("en/p3/", before, after)),
                published.keySet(), file -> Optional.empty()), "the parts cannot be read (edited by hand since)");
    }

    /** The first letters of the words {@code change} adds or removes. */
    private static Set<String> firstLettersChanged(SearchIndexEdit.Change change) {
        Set<String> letters = new TreeSet<>();
        Set<String> before = new java.util.HashSet<>(change.before().otherWords());
        Set<String> after = new java.util.HashSet<>(change.after().otherWords());
        for (String word : before) if (!after.contains(word)) letters.add(word.substring(0, 1));
        for (String word : after) if (!before.contains(word)) letters.add(word.substring(0, 1));
        return letters;
    }

    private static SiteConfig config(int searchKib) {
        Problems problems = new Problems();
        String yaml = Fixtures.SITE_YAML + "budget: {search_kib: " + searchKib + "}\n";
        return SiteConfigLoader.parse(YamlDocument.parse(yaml, "content/site.yaml", 1, problems), "content/site.yaml", problems)
                .orElseThrow(() -> new AssertionError(problems.sorted()));
    }

    /** A page's words: a few in its title, the others drawn from a vocabulary where some words are common and most rare. */
    private static SearchEntry entry(Random random, int i) {
        Set<String> title = new LinkedHashSet<>(List.of(word(random), word(random)));
        Set<String> other = new LinkedHashSet<>();
        for (int n = 10 + random.nextInt(30); n > 0; n--) other.add(word(random));
        other.removeAll(title);
        return new SearchEntry("Page " + i + " <&>", "What page " + i + " is for", List.copyOf(title), List.copyOf(other));
    }

    /** {@code entry} with some words gone and some new: common ones, rare ones, and now and then one of a letter no page has. */
    private static SearchEntry edited(Random random, SearchEntry entry, int round) {
        List<String> other = new ArrayList<>(entry.otherWords());
        for (int n = random.nextInt(4); n > 0 && !other.isEmpty(); n--) other.remove(random.nextInt(other.size()));
        for (int n = random.nextInt(5); n > 0; n--) other.add(word(random));
        if (round % 7 == 0) other.add("ґ" + round);
        if (round % 11 == 0) other.clear();
        Set<String> words = new LinkedHashSet<>(other);
        words.removeAll(entry.titleWords());
        return new SearchEntry(entry.title(), entry.summary(), entry.titleWords(), List.copyOf(words));
    }

    private static final String LETTERS = "abcdeklmnoprstuабвгд";

    private static String word(Random random) {
        int common = random.nextInt(10);
        StringBuilder word = new StringBuilder();
        int length = common < 4 ? 2 + random.nextInt(2) : 3 + random.nextInt(6);
        int alphabet = common < 4 ? 5 : LETTERS.length();
        for (int i = 0; i < length; i++) word.append(LETTERS.charAt(random.nextInt(alphabet)));
        return word.toString();
    }

    private static Map<String, byte[]> write(SiteConfig config, Map<String, List<String>> order, Map<String, SearchEntry> entries) {
        Files files = new Files();
        SearchIndex.write(config, order, url -> Optional.ofNullable(entries.get(url)), files);
        return files.bytes;
    }

    /** The files written, in memory. */
    private static final class Files implements OutputFiles {
        final Map<String, byte[]> bytes = new TreeMap<>();

        @Override
        public void write(String address, byte[] content) {
            bytes.put(address, content);
        }

        @Override
        public SortedSet<String> files() {
            return new TreeSet<>(bytes.keySet());
        }

        @Override
        public String sha256(String relative) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean has(String relative) {
            return bytes.containsKey(relative);
        }

        @Override
        public byte[] read(String relative) {
            return bytes.get(relative);
        }

        @Override
        public long size(String relative) {
            return bytes.get(relative).length;
        }
    }
}
