package city.beacon.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The front matter of a Hugo or Jekyll page: YAML between {@code ---} lines, or TOML between
 * {@code +++} lines (Hugo's other format), read as a map of plain values (text, numbers, booleans,
 * lists, maps; dates stay text). JSON front matter ({@code {...}} first) is not read.
 * Pure: tests give it a string.
 */
record SourceFrontMatter(Map<String, Object> fields, String body, int bodyLine, String format) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper TOML = new TomlMapper();

    /** Why a page's front matter could not be read: a line of the report. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The page without front matter: no fields, the whole text as the body. */
    static SourceFrontMatter none(String text) {
        return new SourceFrontMatter(new LinkedHashMap<>(), text, 1, "none");
    }

    static boolean hasFrontMatter(String text) {
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return start.startsWith("---\n") || start.startsWith("---\r\n") || start.startsWith("+++\n")
                || start.startsWith("+++\r\n") || start.startsWith("{");
    }

    static SourceFrontMatter split(String text) throws Unreadable {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        if (t.startsWith("{")) throw new Unreadable("JSON front matter is not read: write it as YAML between '---' lines");
        String fence;
        if (t.startsWith("---\n")) fence = "---";
        else if (t.startsWith("+++\n")) fence = "+++";
        else return none(t);
        int pos = 4;
        int line = 2;
        while (pos <= t.length()) {
            int end = t.indexOf('\n', pos);
            String current = end < 0 ? t.substring(pos) : t.substring(pos, end);
            if (current.stripTrailing().equals(fence) || fence.equals("---") && current.stripTrailing().equals("...")) {
                String header = t.substring(4, pos);
                String body = end < 0 ? "" : t.substring(end + 1);
                return new SourceFrontMatter(parse(header, fence), body, line + 1, fence.equals("---") ? "yaml" : "toml");
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        throw new Unreadable("the front matter's closing '" + fence + "' is missing");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String header, String fence) throws Unreadable {
        if (header.isBlank()) return new LinkedHashMap<>();
        try {
            Object value = (fence.equals("---") ? YAML : TOML).readValue(header, Object.class);
            if (value == null) return new LinkedHashMap<>();
            if (!(value instanceof Map<?, ?> map)) throw new Unreadable("the front matter is not a list of fields");
            return new LinkedHashMap<>((Map<String, Object>) map);
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw new Unreadable("the " + (fence.equals("---") ? "YAML" : "TOML") + " front matter cannot be read: "
                    + (cut < 0 ? message : message.substring(0, cut)));
        }
    }

    /** A field as text: a string, number or date as written; empty for a list, a map or nothing. */
    static Optional<String> text(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof java.util.List<?>) return Optional.empty();
        String s = value.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
