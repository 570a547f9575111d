package city.beacon.outputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * {@code json} read back, as a build wrote it before and the next one edits it: objects as
     * ordered maps, arrays as lists, strings, numbers as {@code Long} or {@code Double}, booleans
     * and null. Token by token (no data binding to start up in a short-lived process).
     */
    static Object parse(String json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            Object value = value(parser, parser.nextToken());
            if (parser.nextToken() != null) throw new IllegalArgumentException("not the JSON a build writes: text after the value");
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not the JSON a build writes: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) throw new IllegalArgumentException("not the JSON a build writes: it ends early");
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) array.add(value(parser, next));
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("not the JSON a build writes: " + token);
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
