package city.beacon.outputs;

import city.beacon.model.Page;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import com.fasterxml.jackson.databind.util.RawValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A JSON file an output makes of pages: the object {@code fields}, then at {@code key} the list
 * of the pages' parts (each page's entry or item, serialised on its own). The parts are kept in
 * segments of pages in reading order, as the output lists them. The live preview's outputs keep
 * their files from one write to the next: when one page's facts change ({@link
 * city.beacon.model.Replacement}), its part alone is made again and moved to its place in its
 * segment. The file is put together from the parts' bytes around the frame the writer makes of
 * the object, not serialised again. Not thread-safe.
 */
final class PartsFile {
    private record Segment(List<Page> pages, List<byte[]> parts) {
    }

    /** Marks the writer writes as they are, and never writes itself (it escapes control characters in text). */
    private static final String FIRST = "\0";
    private static final String SECOND = "\1";

    private final Map<String, Object> fields;
    private final String key;
    private final Function<Object, String> write;
    /**
     * The JSON of a page in this file, given its site: the site written, or one of its
     * replacements, which keep the settings (the categories' titles...).
     */
    private final BiFunction<Site, Page, String> part;
    private final List<Segment> segments = new ArrayList<>();
    /** Null until put together, and again after a change. */
    private byte[] bytes;

    PartsFile(Map<String, Object> fields, String key, Function<Object, String> write, BiFunction<Site, Page, String> part) {
        this.fields = fields;
        this.key = key;
        this.write = write;
        this.part = part;
    }

    /** Lists {@code pages} of {@code site}, in reading order, after those listed so far. */
    PartsFile add(Site site, List<Page> pages) {
        List<byte[]> parts = new ArrayList<>(pages.size());
        for (Page page : pages) parts.add(part(site, page));
        segments.add(new Segment(new ArrayList<>(pages), parts));
        bytes = null;
        return this;
    }

    /**
     * {@code after} (of {@code site}) in place of {@code before} when this file lists it: its part
     * made again, and moved to its place in its segment.
     */
    void replace(Site site, Page before, Page after) {
        for (Segment segment : segments) {
            int at = indexOf(segment.pages(), before);
            if (at < 0) continue;
            segment.pages().remove(at);
            segment.parts().remove(at);
            int to = -Collections.binarySearch(segment.pages(), after, SiteModel.READING_ORDER) - 1;
            segment.pages().add(to, after);
            segment.parts().add(to, part(site, after));
            bytes = null;
            return;
        }
    }

    /** Where {@code page} is in {@code pages}, by identity: a file holds its site's own pages, and this looks at none of them. */
    private static int indexOf(List<Page> pages, Page page) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i) == page) return i;
        }
        return -1;
    }

    private byte[] part(Site site, Page page) {
        return part.apply(site, page).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file, in UTF-8, as the writer writes the object with the parts in its list: the parts are
     * put together around the frame the writer makes of two marks (what comes before the first
     * part, between two, after the last).
     */
    byte[] bytes() {
        if (bytes == null) bytes = putTogether();
        return bytes;
    }

    private byte[] putTogether() {
        List<byte[]> parts = new ArrayList<>();
        segments.forEach(segment -> parts.addAll(segment.parts()));
        Map<String, Object> file = new LinkedHashMap<>(fields);
        if (parts.isEmpty()) {
            file.put(key, List.of());
            return write.apply(file).getBytes(StandardCharsets.UTF_8);
        }
        file.put(key, List.of(new RawValue(FIRST), new RawValue(SECOND)));
        String frame = write.apply(file);
        int first = frame.indexOf(FIRST);
        int second = frame.indexOf(SECOND);
        byte[] head = frame.substring(0, first).getBytes(StandardCharsets.UTF_8);
        byte[] between = frame.substring(first + FIRST.length(), second).getBytes(StandardCharsets.UTF_8);
        byte[] tail = frame.substring(second + SECOND.length()).getBytes(StandardCharsets.UTF_8);
        int length = head.length + tail.length + (parts.size() - 1) * between.length;
        for (byte[] part : parts) length += part.length;
        byte[] bytes = new byte[length];
        int at = copy(head, bytes, 0);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) at = copy(between, bytes, at);
            at = copy(parts.get(i), bytes, at);
        }
        copy(tail, bytes, at);
        return bytes;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }
}
