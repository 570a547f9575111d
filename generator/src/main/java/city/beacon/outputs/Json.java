package city.beacon.outputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON as the outputs write it: UTF-8, fields in the order given (callers pass ordered maps only). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(Object value) {
        return write(MAPPER, value);
    }

    /** {@code json} read back as {@code type}: what a build wrote before, which the next one edits. */
    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON a build writes: " + e.getOriginalMessage(), e);
        }
    }

    /** Indented, for the open-data files people read while writing a client. */
    static String pretty(Object value) {
        return write(PRETTY, value) + "\n";
    }

    /**
     * For a {@code <script>} element: '<', '>' and '&' are written as JSON escapes, so that no
     * "</script>" can end the element early and no "<!--" can make the browser's script parser
     * swallow the rest of the page; U+2028 and U+2029 too, which end a line in older JavaScript.
     * (These characters occur only inside JSON strings, where the escapes mean the same.)
     */
    public static String forScript(Object value) {
        return write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
