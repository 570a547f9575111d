package city.beacon.outputs;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON files an output wrote last time, with the value each was made from: a file whose value
 * is equal is not serialised again, and keeps its bytes. The live preview keeps one per output
 * between rebuilds (a title edit changes one language's files, not the other's); a build has none.
 * Not thread-safe.
 */
final class JsonMemo {
    private record Written(Object value, byte[] json) {
    }

    private final Map<String, Written> files = new HashMap<>();

    /** The JSON of {@code value} for the file at {@code address}, in UTF-8: the last one when the value is the same. */
    byte[] json(String address, Object value, Function<Object, String> write) {
        Written before = files.get(address);
        if (before != null && before.value().equals(value)) return before.json();
        byte[] json = write.apply(value).getBytes(StandardCharsets.UTF_8);
        files.put(address, new Written(value, json));
        return json;
    }

    /** Without a memo (a build), {@code value} serialised. */
    static byte[] json(JsonMemo memo, String address, Object value, Function<Object, String> write) {
        return memo == null ? write.apply(value).getBytes(StandardCharsets.UTF_8) : memo.json(address, value, write);
    }
}
