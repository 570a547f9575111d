package city.beacon.outputs;

import city.beacon.model.Routes;
import city.beacon.model.SearchEntry;
import city.beacon.model.SiteConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The search index after a build of text edits, made from the index as published and the edited
 * pages' entries before and after, with the same bytes a build of everything makes
 * ({@link SearchIndex#write}) but without reading every page's words.
 *
 * <p>A split index's parts of words depend each on its own words alone ({@link SearchIndex#split}):
 * an edit makes again only the parts of the first letters of the words it added or removed, from
 * those parts as published, and the head when their prefixes changed; the parts of pages are kept,
 * since text edits change no title or summary. Whether the index is still too heavy for one file,
 * and all its words for one part, is decided as a build of everything decides it, over the bytes
 * those would have, made from the parts as they are read: compression stops once over the budget.
 */
public final class SearchIndexEdit {
    /** One edited page's entry in the search index, as the previous build made it and as this build does. */
    public record Change(String url, SearchEntry before, SearchEntry after) {
    }

    /** The index after the edit: the files made again, with their bytes, and those kept as published. */
    public record Files(Map<String, byte[]> written, Set<String> kept) {
    }

    private SearchIndexEdit() {
    }

    /**
     * The index after {@code changes}, each language's pages in {@code order} (the same as the
     * previous build's); {@code published} names the files of the index as published and
     * {@code read} gives their bytes (empty when one is no longer as the previous build wrote it).
     * Empty when the edit cannot be made from the parts (a title or summary changed, an index in
     * one file, a file missing...): the whole index is then made by {@link SearchIndex#write}.
     */
    public static Optional<Files> apply(SiteConfig config, Map<String, List<String>> order, List<Change> changes, Set<String> published,
                                        Function<String, Optional<byte[]>> read) {
        Routes routes = new Routes(config);
        int budget = config.budget().searchKib() * 1024;
        Map<String, byte[]> written = new TreeMap<>();
        Set<String> kept = new TreeSet<>(published);
        try {
            for (String lang : config.languageCodes()) {
                Optional<Map<String, List<Delta>>> deltas = deltas(order.getOrDefault(lang, List.of()), changes);
                if (deltas.isEmpty()) return Optional.empty();
                if (deltas.get().isEmpty()) continue;
                if (!language(routes.searchIndex(lang), deltas.get(), budget, published, read, written, kept)) return Optional.empty();
            }
        } catch (Unreadable | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Files(written, kept));
    }

    /** A page added to, or removed from, one of a word's two lists ({@code list} 0: title, 1: the rest). */
    private record Delta(int list, int id, boolean add) {
    }

    /**
     * By word, what the changes do to its lists in one language's index of {@code urls}; empty when
     * a change cannot be made from the parts (its title or summary, which the parts of pages hold, changed).
     */
    private static Optional<Map<String, List<Delta>>> deltas(List<String> urls, List<Change> changes) {
        Map<String, List<Delta>> deltas = new TreeMap<>();
        for (Change change : changes) {
            if (change.before().equals(change.after())) continue;
            int id = urls.indexOf(change.url());
            if (id < 0) continue;
            if (!change.before().title().equals(change.after().title()) || !change.before().summary().equals(change.after().summary())) {
                return Optional.empty();
            }
            diff(change.before().titleWords(), change.after().titleWords(), 0, id, deltas);
            diff(change.before().otherWords(), change.after().otherWords(), 1, id, deltas);
        }
        return Optional.of(deltas);
    }

    private static void diff(List<String> before, List<String> after, int list, int id, Map<String, List<Delta>> deltas) {
        Set<String> was = new HashSet<>(before);
        Set<String> is = new HashSet<>(after);
        for (String word : before) if (!is.contains(word)) deltas.computeIfAbsent(word, w -> new ArrayList<>()).add(new Delta(list, id, false));
        for (String word : after) if (!was.contains(word)) deltas.computeIfAbsent(word, w -> new ArrayList<>()).add(new Delta(list, id, true));
    }

    /** One language's index after {@code deltas}, into {@code written} and {@code kept}; false when it cannot be made from its parts. */
    private static boolean language(String self, Map<String, List<Delta>> deltas, int budget, Set<String> published,
                                    Function<String, Optional<byte[]>> read, Map<String, byte[]> written, Set<String> kept) {
        Parts parts = new Parts(SearchIndex.folder(self), published, read, written);
        byte[] headBytes = parts.published(self);
        if (!(Json.parse(body(headBytes)) instanceof Map<?, ?> head) || !(head.get("split") instanceof Map<?, ?> split)
                || !(split.get("keys") instanceof List<?> prefixes) || !(split.get("block") instanceof Long block)) {
            return false; // an index in one file: small, made whole
        }
        // The parts of words by the first letter of their prefix, in the order the head names them; all
        // under "" when every word was in one part (k-_.js), which is then made again as a build of everything makes it.
        boolean onePart = prefixes.equals(List.of(""));
        Function<String, String> letterOf = word -> onePart ? "" : SearchIndex.next(word, "");
        Map<String, List<String>> byLetter = new TreeMap<>();
        for (Object prefix : prefixes) {
            if (!(prefix instanceof String p) || p.isEmpty() && !onePart) return false;
            byLetter.computeIfAbsent(letterOf.apply(p), k -> new ArrayList<>()).add(p);
        }
        Map<String, Map<String, List<Delta>>> deltasByLetter = new TreeMap<>();
        deltas.forEach((word, some) -> deltasByLetter.computeIfAbsent(letterOf.apply(word), k -> new TreeMap<>()).put(word, some));
        for (var letter : deltasByLetter.entrySet()) {
            SortedMap<String, List<String>> keys = new TreeMap<>();
            Map<String, byte[]> before = new TreeMap<>();
            for (String prefix : byLetter.getOrDefault(letter.getKey(), List.of())) {
                byte[] part = parts.published(parts.words(prefix));
                if (!(Json.parse(body(part)) instanceof Map<?, ?> parsed) || !(parsed.get("keys") instanceof Map<?, ?> words)) {
                    throw new Unreadable(parts.words(prefix));
                }
                for (var word : words.entrySet()) {
                    if (!(word.getValue() instanceof List<?> lists) || lists.size() != 2 || !(lists.get(0) instanceof String title)
                            || !(lists.get(1) instanceof String other)) {
                        throw new Unreadable(parts.words(prefix));
                    }
                    keys.put((String) word.getKey(), List.of(title, other));
                }
                before.put(parts.words(prefix), part);
                kept.remove(parts.words(prefix));
            }
            letter.getValue().forEach((word, some) -> apply(keys, word, some));
            Map<String, byte[]> made = new TreeMap<>();
            List<String> madePrefixes = new ArrayList<>();
            SearchIndex.split(keys, letter.getKey(), budget, made, madePrefixes, parts.folder(), new SearchIndex.Entries());
            made.forEach((file, bytes) -> {
                if (Arrays.equals(bytes, before.get(file))) kept.add(file); // the same words as published: kept, not written
                else written.put(file, bytes);
            });
            if (madePrefixes.isEmpty()) byLetter.remove(letter.getKey());
            else byLetter.put(letter.getKey(), madePrefixes);
        }
        List<String> now = new ArrayList<>();
        byLetter.values().forEach(now::addAll);
        // As a build of everything decides: the whole index over the budget for one file, and all its words over it for one part
        // (the one part of all words was made as a build of everything makes it: that was decided there).
        if (SearchIndex.fits(parts.whole(now), budget)) return false;
        if (!onePart && (now.size() < 2 || SearchIndex.fits(parts.allWords(now), budget))) return false;
        byte[] newHead = SearchIndex.head(now, Math.toIntExact(block));
        if (!Arrays.equals(newHead, headBytes)) {
            written.put(self, newHead);
            kept.remove(self);
        }
        return true;
    }

    /** A file of the index the edit needs and cannot read as the previous build wrote it: the index is made whole. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String file) {
            super(file, null, false, false);
        }
    }

    /**
     * One language's parts, as made again by this edit ({@code written}) or as published; and the
     * bytes of the index in one file, and of all its words in one part, as a build of everything
     * would write them, made from the parts as they are read: a build of everything learns that
     * they are over the budget from their beginning alone, and so does the edit.
     */
    private record Parts(String folder, Set<String> published, Function<String, Optional<byte[]>> read, Map<String, byte[]> written) {
        byte[] published(String file) {
            Optional<byte[]> bytes = published.contains(file) ? read.apply(file) : Optional.empty();
            return bytes.orElseThrow(() -> new Unreadable(file));
        }

        /** A part as this edit leaves it: made again, or as published. */
        byte[] part(String file) {
            byte[] made = written.get(file);
            return made != null ? made : published(file);
        }

        String words(String prefix) {
            return folder + "k-" + (prefix.isEmpty() ? "_" : prefix) + ".js";
        }

        /** {@code beaconSearch({"keys":{...}});} with every word, from the parts of words {@code prefixes} name, in order. */
        Iterator<byte[]> allWords(List<String> prefixes) {
            return SearchIndex.joined(SearchIndex.KEYS_START, words(prefixes), SearchIndex.KEYS_END);
        }

        /** The index in one file: the tables, the pages (from the parts of pages), the words (from the parts of words). */
        Iterator<byte[]> whole(List<String> prefixes) {
            Iterator<byte[]> blocks = IntStream.iterate(0, n -> published.contains(pages(n)), n -> n + 1)
                    .mapToObj(n -> inner(pages(n), published(pages(n)), PAGES_START, PAGES_END)).iterator();
            return SearchIndex.concat(List.of(List.of(SearchIndex.wholeStart()).iterator(), SearchIndex.joined(OPEN, blocks, CLOSE),
                    SearchIndex.joined(SearchIndex.KEYS_AFTER_PAGES, words(prefixes), SearchIndex.KEYS_END)));
        }

        /** The words of each part {@code prefixes} name, as they are read. */
        private Iterator<byte[]> words(List<String> prefixes) {
            return prefixes.stream().map(prefix -> inner(words(prefix), part(words(prefix)), SearchIndex.KEYS_START, SearchIndex.KEYS_END))
                    .iterator();
        }

        private String pages(int block) {
            return folder + "p-" + block + ".js";
        }
    }

    private static final byte[] OPEN = {'['};
    private static final byte[] CLOSE = {']'};
    private static final byte[] PAGES_START = "\"pages\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAGES_END = ("]}" + SearchIndex.END).getBytes(StandardCharsets.UTF_8);

    /**
     * What a part of the index ({@code bytes}, the file {@code file}) holds between the first
     * {@code start} and its ending {@code end}: its words, or its pages, without brackets.
     */
    private static byte[] inner(String file, byte[] bytes, byte[] start, byte[] end) {
        int from = indexOf(bytes, start);
        if (from < 0 || bytes.length - end.length < from + start.length
                || !Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length)) {
            throw new Unreadable(file);
        }
        return Arrays.copyOfRange(bytes, from + start.length, bytes.length - end.length);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) if (bytes[i + j] != part[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** {@code word}'s two lists after {@code deltas}; the word is gone when no page has it any more. */
    private static void apply(SortedMap<String, List<String>> keys, String word, List<Delta> deltas) {
        List<String> lists = keys.getOrDefault(word, List.of("", ""));
        List<TreeSet<Integer>> ids = List.of(ids(lists.get(0)), ids(lists.get(1)));
        for (Delta delta : deltas) {
            if (delta.add()) ids.get(delta.list()).add(delta.id());
            else ids.get(delta.list()).remove(delta.id());
        }
        if (ids.get(0).isEmpty() && ids.get(1).isEmpty()) {
            keys.remove(word);
        } else {
            keys.put(word, List.of(SearchIndex.differences(ids.get(0)), SearchIndex.differences(ids.get(1))));
        }
    }

    /** The page numbers a list written as differences in base 36 holds. */
    private static TreeSet<Integer> ids(String differences) {
        TreeSet<Integer> ids = new TreeSet<>();
        int last = 0;
        if (differences.isEmpty()) return ids;
        for (String step : differences.split(",")) {
            last += Integer.parseInt(step, 36);
            ids.add(last);
        }
        return ids;
    }

    /** The JSON inside a part's {@code beaconSearch(...);} call. */
    private static String body(byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        if (!text.startsWith(SearchIndex.CALL) || !text.endsWith(SearchIndex.END)) throw new IllegalArgumentException("not a part of the search index");
        return text.substring(SearchIndex.CALL.length(), text.length() - SearchIndex.END.length());
    }
}
