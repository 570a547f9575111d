package city.beacon.outputs;

import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Place;
import city.beacon.model.Routes;
import city.beacon.model.SearchEntry;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.Deflater;

/**
 * {@code <lang>/search-index.js}: what the search box looks through, per language, as a script
 * that calls {@code beaconSearch({...})}: a page opened from {@code file://} (the offline zip) can
 * load a script, not fetch a file. An inverted index: {@code keys} maps each folded word
 * ({@link SearchKeys}) of the pages' titles, summaries, topics, categories, service details
 * (documents, steps, places) and text (outside code) to two lists of page numbers, those with the
 * word in the title and the others (each number written as its difference from the one before, in
 * base 36); {@code pages} holds each page's {@code [address relative to the index, title, summary]};
 * {@code fold} and {@code layout} are the letter tables the script folds a query with.
 *
 * <p>A whole-site file made from per-page parts: what it holds of a page ({@link SearchEntry}) is
 * made when the page is rendered ({@link #entry}) and kept with it in the build cache, and which
 * pages each language's index holds, in what order, is the model's ({@link #order}). So a build
 * that renders one edited page makes the same index a build of everything would, without the rest.
 *
 * <p>When that file is over {@code budget.search_kib} compressed, the index is split so that a
 * query loads only what it needs: the head keeps the tables and names the parts, the words go to
 * {@code <lang>/search-index/k-<prefix>.js} by their first letters (a prefix over the budget is
 * split by its next letter), the pages to {@code <lang>/search-index/p-<n>.js} in blocks; a query
 * loads the parts of its words' first letters, then the blocks of the pages it shows.
 */
public final class SearchIndex {
    /** The folder of the parts of a split index, beside the head. */
    public static final String PARTS = "search-index/";

    private SearchIndex() {
    }

    /**
     * What the index holds of {@code page}: its title and summary, and its words (a service's
     * category by its title in {@code settings}); {@code prose} is the text a resident reads.
     */
    public static SearchEntry entry(Page page, SiteConfig settings, String prose) {
        Set<String> title = SearchKeys.words(page.title());
        Set<String> other = new LinkedHashSet<>(SearchKeys.words(page.summary()));
        page.tags().forEach(tag -> other.addAll(SearchKeys.words(tag)));
        String categoryTitle = page.details() instanceof Details.Service service ? settings.categoryTitles(page.lang()).get(service.category()) : null;
        if (categoryTitle != null) other.addAll(SearchKeys.words(categoryTitle));
        Words.details(page.details(), other);
        other.addAll(SearchKeys.words(prose));
        other.removeAll(title);
        return new SearchEntry(page.title(), page.summary(), List.copyOf(title), List.copyOf(other));
    }

    /**
     * The addresses of the pages each language's index holds, in reading order: its own pages,
     * then, section by section, those only in other languages.
     */
    public static Map<String, List<String>> order(Site site) {
        Map<String, List<String>> order = new TreeMap<>();
        for (String lang : site.config().languageCodes()) {
            List<String> urls = new ArrayList<>();
            site.pages(lang).forEach(page -> urls.add(page.url()));
            for (Section section : site.config().sections()) {
                site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).forEach(page -> urls.add(page.url()));
            }
            order.put(lang, List.copyOf(urls));
        }
        return order;
    }

    /**
     * Writes each language's index: the pages {@code order} names, each as {@code entries} gives
     * it (a page without an entry is left out; it failed to render, and the build with it).
     * Returns the files written.
     */
    public static List<String> write(SiteConfig config, Map<String, List<String>> order, Function<String, Optional<SearchEntry>> entries,
                             OutputFiles out) {
        Routes routes = new Routes(config);
        int budget = config.budget().searchKib() * 1024;
        List<String> written = new ArrayList<>();
        for (String lang : config.languageCodes()) {
            String self = routes.searchIndex(lang);
            Words words = new Words();
            List<List<String>> shown = new ArrayList<>();
            for (String url : order.getOrDefault(lang, List.of())) {
                Optional<SearchEntry> entry = entries.apply(url);
                if (entry.isEmpty()) continue;
                words.add(shown.size(), entry.get());
                shown.add(List.of(Urls.relative(self, url), entry.get().title(), entry.get().summary()));
            }
            SortedMap<String, List<String>> keys = words.encoded();
            Entries made = new Entries();
            if (fits(whole(shown, keys, made), budget)) {
                out.write(self, bytes(whole(shown, keys, made)));
                written.add(self);
                continue;
            }
            String folder = folder(self);
            Map<String, byte[]> parts = new TreeMap<>();
            List<String> prefixes = new ArrayList<>();
            split(keys, "", budget, parts, prefixes, folder, made);
            int block = blockSize(shown, budget);
            for (int from = 0; from < shown.size(); from += block) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("from", from);
                part.put("pages", shown.subList(from, Math.min(from + block, shown.size())));
                parts.put(folder + "p-" + (from / block) + ".js", script(part));
            }
            out.write(self, head(prefixes, block));
            written.add(self);
            parts.forEach(out::write);
            written.addAll(parts.keySet());
        }
        return written;
    }

    /** Each page's words, in reading order, by folded word: the pages with it in their title, and the others. */
    private static final class Words {
        /** By word: the ids of the pages with it in their title, and of the others; each in increasing order, as the pages are added. */
        final TreeMap<String, List<List<Integer>>> keys = new TreeMap<>();

        void add(int id, SearchEntry entry) {
            for (String word : entry.titleWords()) postings(word).get(0).add(id);
            for (String word : entry.otherWords()) postings(word).get(1).add(id);
        }

        private List<List<Integer>> postings(String word) {
            return keys.computeIfAbsent(word, w -> List.of(new ArrayList<>(), new ArrayList<>()));
        }

        /** By word, {@code [pages with it in the title, the others]}, each list as differences in base 36. */
        SortedMap<String, List<String>> encoded() {
            SortedMap<String, List<String>> encoded = new TreeMap<>();
            keys.forEach((word, ids) -> encoded.put(word, List.of(differences(ids.get(0)), differences(ids.get(1)))));
            return encoded;
        }

        private static void details(Details details, Set<String> into) {
            List<String> texts = new ArrayList<>();
            List<Place> places = List.of();
            if (details instanceof Details.Service s) {
                texts.addAll(s.documents());
                texts.addAll(s.steps());
                places = s.places();
            } else if (details instanceof Details.Support s) {
                places = s.places();
            }
            for (Place place : places) {
                texts.add(place.name());
                texts.add(place.address());
            }
            for (String text : texts) if (text != null) into.addAll(SearchKeys.words(text));
        }
    }

    /** A list of page numbers in increasing order, as the index writes it: each as its difference from the one before, in base 36. */
    static String differences(Iterable<Integer> ids) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int id : ids) {
            if (!out.isEmpty()) out.append(',');
            out.append(Integer.toString(id - last, 36));
            last = id;
        }
        return out.toString();
    }

    /**
     * Puts {@code keys} (the words starting with {@code prefix}, each with its two lists as written)
     * in parts within the budget, splitting by the next letter when over. What a part holds depends
     * on its own words alone, so an edit of a few words makes only their parts again ({@link SearchIndexEdit}).
     * Whether a part is over is known from its first words: a part of many words is never written out whole.
     */
    static void split(SortedMap<String, List<String>> keys, String prefix, int budget, Map<String, byte[]> parts,
                      List<String> prefixes, String folder, Entries entries) {
        if (keys.isEmpty()) return;
        if (keys.size() == 1 || fits(words(keys, entries), budget)) {
            parts.put(folder + "k-" + (prefix.isEmpty() ? "_" : prefix) + ".js", bytes(words(keys, entries)));
            prefixes.add(prefix);
            return;
        }
        Map<String, SortedMap<String, List<String>>> byNext = new TreeMap<>();
        keys.forEach((key, lists) -> byNext.computeIfAbsent(next(key, prefix), k -> new TreeMap<>()).put(key, lists));
        if (byNext.size() == 1 && byNext.containsKey(prefix)) { // one word alone over the budget: the check reports it
            parts.put(folder + "k-" + prefix + ".js", bytes(words(keys, entries)));
            prefixes.add(prefix);
            return;
        }
        byNext.forEach((next, some) -> {
            if (next.equals(prefix)) { // the word that is the prefix itself, alone in its part
                parts.put(folder + "k-" + prefix + ".js", bytes(words(some, entries)));
                prefixes.add(prefix);
            } else {
                split(some, next, budget, parts, prefixes, folder, entries);
            }
        });
    }

    /**
     * Each word's entry in a part of words as written, {@code "word":["1,4","a"]}, made once
     * however many parts the split tries it in (JSON as {@link Json#forScript} writes it).
     */
    static final class Entries {
        private final Map<String, byte[]> written = new java.util.HashMap<>();

        byte[] of(String word, List<String> lists) {
            return written.computeIfAbsent(word, w -> (quoted(w) + ":[" + quoted(lists.get(0)) + "," + quoted(lists.get(1)) + "]")
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** A JSON string as {@link Json#forScript} writes it: letters and digits as they are, anything else through it. */
        private static String quoted(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                    return Json.forScript(text);
                }
            }
            return "\"" + text + "\"";
        }
    }

    /** Every file of the index is a call of the page's script: {@code beaconSearch(} JSON {@code );}. */
    static final String CALL = "beaconSearch(";
    static final String END = ");\n";
    /** The start of a part of words, up to its first word. */
    static final byte[] KEYS_START = (CALL + "{\"keys\":{").getBytes(StandardCharsets.UTF_8);
    /** In the index in one file, between the pages' array and the first word. */
    static final byte[] KEYS_AFTER_PAGES = ",\"keys\":{".getBytes(StandardCharsets.UTF_8);
    /** The end of a part of words, and of an index in one file: the words' object, the call's. */
    static final byte[] KEYS_END = ("}}" + END).getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};

    /** {@code beaconSearch({"keys":{...}});} of {@code keys}, in pieces, made as they are read. */
    static Iterator<byte[]> words(SortedMap<String, List<String>> keys, Entries entries) {
        return joined(KEYS_START, each(keys, entries), KEYS_END);
    }

    /** The index in one file, {@code beaconSearch({"fold":..,"layout":..,"pages":[..],"keys":{..}});}, in pieces. */
    static Iterator<byte[]> whole(List<List<String>> shown, SortedMap<String, List<String>> keys, Entries entries) {
        byte[] pages = Json.forScript(shown).getBytes(StandardCharsets.UTF_8);
        return concat(List.of(List.of(wholeStart(), pages).iterator(), joined(KEYS_AFTER_PAGES, each(keys, entries), KEYS_END)));
    }

    /** The start of the index in one file, up to its pages' array: {@code beaconSearch({"fold":..,"layout":..,"pages":}. */
    static byte[] wholeStart() {
        String tables = Json.forScript(tables());
        return (CALL + tables.substring(0, tables.length() - 1) + ",\"pages\":").getBytes(StandardCharsets.UTF_8);
    }

    /** Each word's entry, made as it is read. */
    private static Iterator<byte[]> each(SortedMap<String, List<String>> keys, Entries entries) {
        return keys.entrySet().stream().map(word -> entries.of(word.getKey(), word.getValue())).iterator();
    }

    /** {@code first}, the {@code items} comma-separated, then {@code last}: the members of a JSON object or array, read as they are needed. */
    static Iterator<byte[]> joined(byte[] first, Iterator<byte[]> items, byte[] last) {
        return new Iterator<>() {
            private final java.util.ArrayDeque<byte[]> ready = new java.util.ArrayDeque<>(List.of(first));
            private boolean ended;
            private boolean any;

            @Override
            public boolean hasNext() {
                return !ready.isEmpty() || !ended;
            }

            @Override
            public byte[] next() {
                if (ready.isEmpty()) {
                    if (items.hasNext()) {
                        if (any) ready.add(COMMA);
                        any = true;
                        ready.add(items.next());
                    } else {
                        ended = true;
                        ready.add(last);
                    }
                }
                return ready.poll();
            }
        };
    }

    /** The pieces of each of {@code parts}, one part after the other. */
    static Iterator<byte[]> concat(List<Iterator<byte[]>> parts) {
        return parts.stream().flatMap(part -> java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(part, 0), false)).iterator();
    }

    /** The pieces, one after the other, in one array. */
    static byte[] bytes(Iterator<byte[]> pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (pieces.hasNext()) out.writeBytes(pieces.next());
        return out.toByteArray();
    }

    /** The group of {@code key} below {@code prefix}: the prefix and the letter after it, or the key itself when it is the prefix. */
    static String next(String key, String prefix) {
        return key.length() > prefix.length() ? key.substring(0, prefix.length() + 1) : key;
    }

    /** The letter tables every index starts with, which the script folds a query with. */
    static Map<String, Object> tables() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("fold", SearchKeys.letters());
        tables.put("layout", SearchKeys.layout());
        return tables;
    }

    /** The head of a split index: the tables, and the prefixes of the parts of words and the pages per block. */
    static byte[] head(List<String> prefixes, int block) {
        Map<String, Object> head = tables();
        Map<String, Object> split = new LinkedHashMap<>(); // in this order in every process: Map.of's differs from one JVM to the next
        split.put("keys", prefixes);
        split.put("block", block);
        head.put("split", split);
        return script(head);
    }

    /** The folder of a split index's parts, beside its head {@code self}. */
    static String folder(String self) {
        return self.substring(0, self.lastIndexOf('/') + 1) + PARTS;
    }

    /**
     * Pages per block of a split index: the most, halving from 128, whose every block fits the
     * budget. Small blocks: the twelve pages a query shows may sit in as many blocks.
     */
    private static int blockSize(List<List<String>> pages, int budget) {
        int block = 128;
        while (block > 1) {
            boolean fits = true;
            for (int from = 0; from < pages.size() && fits; from += block) {
                fits = fits(script(Map.of("pages", pages.subList(from, Math.min(from + block, pages.size())))), budget);
            }
            if (fits) return block;
            block /= 2;
        }
        return 1;
    }

    /** The script a part of the index is: a call that hands it to beacon.js. */
    static byte[] script(Object part) {
        return (CALL + Json.forScript(part) + END).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code bytes} gzip-compressed (as the .gz beside each file is, at the default level)
     * weigh at most {@code budget} bytes. Compression stops as soon as the output is over: an index
     * many times the budget is not compressed whole just to learn that it must be split.
     */
    static boolean fits(byte[] bytes, int budget) {
        return fits(List.of(bytes).iterator(), budget);
    }

    /** {@link #fits(byte[], int)} of the bytes {@code chunks} give one after the other, read only as far as needed. */
    static boolean fits(Iterator<byte[]> chunks, int budget) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // what GZIPOutputStream uses
        try {
            byte[] buffer = new byte[8192];
            long size = GZIP_HEADER_AND_TRAILER;
            while (chunks.hasNext()) {
                deflater.setInput(chunks.next());
                while (!deflater.needsInput()) {
                    size += deflater.deflate(buffer);
                    if (size > budget) return false;
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                size += deflater.deflate(buffer);
                if (size > budget) return false;
            }
            return true;
        } finally {
            deflater.end();
        }
    }

    /** A gzip file's 10-byte header and 8-byte trailer around the deflated bytes. */
    static final int GZIP_HEADER_AND_TRAILER = 18;
}
