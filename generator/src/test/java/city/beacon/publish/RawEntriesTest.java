package city.beacon.publish;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries written back partly as the bytes they were read from, partly encoded anew, read back as they were meant. */
class RawEntriesTest {
    @Test
    void entriesKeptReplacedAddedAndRemovedReadBackAsWritten() throws IOException {
        Map<String, RawEntries.Raw> first = readBack(write(texts(Map.of("a", "one", "b", "two", "c", "three", "d", "four")), Map.of()));
        Map<String, RawEntries.Raw> next = new HashMap<>(first);
        next.put("b", encoded("TWO, changed"));
        next.remove("c");
        next.put("e", encoded("five, новий"));

        Map<String, RawEntries.Raw> second = readBack(write(next, first));
        assertEquals(Map.of("a", "one", "b", "TWO, changed", "d", "four", "e", "five, новий"), decoded(second));
        assertEquals(java.util.List.of("a", "b", "d", "e"), java.util.List.copyOf(second.keySet()), "sorted by key");

        Map<String, RawEntries.Raw> same = readBack(write(second, second));
        assertEquals(decoded(second), decoded(same));
        assertTrue(RawEntries.same(second, second));
    }

    @Test
    void textsReadBackAreDecodedOneByOneAndWrittenBackUnchanged() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RawEntries.writeTexts(new DataOutputStream(bytes), Map.of("uk/poslugy/a/", "en/services/a.md", "en/services/a/", "uk/poslugy/а.md"));
        Map<String, String> texts = RawEntries.readTexts(bytes.toByteArray(), ByteBuffer.wrap(bytes.toByteArray()));
        assertEquals("uk/poslugy/а.md", texts.get("en/services/a/"));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        RawEntries.writeTexts(new DataOutputStream(again), texts);
        assertEquals(java.util.Arrays.toString(bytes.toByteArray()), java.util.Arrays.toString(again.toByteArray()));
    }

    private static Map<String, RawEntries.Raw> texts(Map<String, String> texts) {
        Map<String, RawEntries.Raw> raw = new LinkedHashMap<>();
        texts.forEach((key, text) -> raw.put(key, encoded(text)));
        return raw;
    }

    private static RawEntries.Raw encoded(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RawEntries.Raw(bytes, -1, 0, bytes.length);
    }

    private static byte[] write(Map<String, RawEntries.Raw> entries, Map<String, RawEntries.Raw> previous) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RawEntries.write(new DataOutputStream(bytes), entries, previous);
        return bytes.toByteArray();
    }

    private static Map<String, RawEntries.Raw> readBack(byte[] file) throws IOException {
        ByteBuffer at = ByteBuffer.wrap(file);
        Map<String, RawEntries.Raw> entries = RawEntries.read(file, at);
        assertEquals(file.length, at.position(), "every byte read");
        return entries;
    }

    private static Map<String, String> decoded(Map<String, RawEntries.Raw> entries) {
        Map<String, String> texts = new HashMap<>();
        entries.forEach((key, raw) -> texts.put(key, new String(raw.file(), raw.offset(), raw.length(), StandardCharsets.UTF_8)));
        return texts;
    }
}
