package city.beacon.yaml;

import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problems;
import city.beacon.model.Localized;
import city.beacon.model.PhoneNumbers;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed fields out of one YAML mapping and reports, with file, line and column, every
 * field that is missing, mistyped or unknown. Each getter both checks and returns, so the
 * schema of a kind is the code that reads it: a field cannot be documented but unread.
 */
public final class FieldReader {
    private final YamlDocument doc;
    private final JsonNode node;
    private final JsonPointer at;
    private final String label;
    private final String file;
    private final Problems problems;
    /** Text with ': ' or ', ' inside braces reads as more fields; the fix is always quotes. */
    static final String QUOTE_HINT = "if the text contains ': ' or (inside { }) a comma, put it in double quotes";

    private final FieldReader parent;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> refused = new LinkedHashSet<>();
    /** Fields of other generators: unknown here, their finding says what to write instead ({@link #hintUnknown}). */
    private java.util.function.BiFunction<String, String, Optional<String>> hints = (name, value) -> Optional.empty();
    /** Under {@code beacon check --migrate}: unknown fields are warnings, and the rest of the page is read. */
    private boolean unknownAsWarnings;
    private String hintOrigin = "";
    /** Required fields found missing: reported by {@link #finish()} unless an unknown field is their misspelling. */
    private final Set<String> missing = new LinkedHashSet<>();
    private boolean valid = true;

    private FieldReader(FieldReader parent, YamlDocument doc, JsonNode node, JsonPointer at, String label, String file,
                        Problems problems) {
        this.parent = parent;
        this.doc = doc;
        this.node = node;
        this.at = at;
        this.label = label;
        this.file = file;
        this.problems = problems;
    }

    /** A reader over the document's top-level mapping; null (and a finding) if it is not a mapping. */
    public static FieldReader of(YamlDocument doc, String file, Problems problems) {
        if (!doc.root().isObject()) {
            YamlDocument.Location where = doc.locate(JsonPointer.empty());
            problems.error(file, where.line(), where.column(), null,
                    "expected fields such as 'title: ...', got " + describe(doc, JsonPointer.empty(), doc.root()), null);
            return null;
        }
        return new FieldReader(null, doc, doc.root(), JsonPointer.empty(), "", file, problems);
    }

    /** Whether every field read so far was well-formed. */
    public boolean valid() {
        return valid;
    }

    /** The names of the fields written here, in order: for a group whose names are the editor's (such as {@code shortcodes:}). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether field {@code name} is written as a group of indented fields (a mapping). */
    public boolean isGroup(String name) {
        JsonNode value = node.get(name);
        return value != null && value.isObject();
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String text(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) return null;
        if (!value.isValueNode()) {
            mistyped(name, "text", value);
            return null;
        }
        Optional<String[]> unsafe = UnsafeCharacters.find(value.asText());
        if (unsafe.isPresent()) {
            report(name, unsafe.get()[0], unsafe.get()[1]);
            return null;
        }
        String text = value.asText().strip();
        if (required && text.isEmpty()) {
            report(name, "must not be empty", "write the " + name.replace('_', ' '));
            return null;
        }
        return text;
    }

    public List<String> textList(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) return List.of();
        if (value.isTextual() && value.asText().isEmpty() && !required) { // Hugo's archetypes write 'tags: ""'
            YamlDocument.Location location = doc.locate(pointer(name));
            problems.warning(file, location.line(), location.column(), label + name,
                    "an empty text where a list is expected, read as no items", "write '" + name + ": []', or remove the line");
            return List.of();
        }
        if (!value.isArray()) {
            mistyped(name, "a list (lines starting with '- ')", value);
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                reportAt(pointer(name).appendIndex(i), label + name + "[" + (i + 1) + "]", "expected text, got " + describe(doc, pointer(name).appendIndex(i), item),
                        item.isObject() ? QUOTE_HINT : null);
                continue;
            }
            Optional<String[]> unsafe = UnsafeCharacters.find(item.asText());
            if (unsafe.isPresent()) {
                reportAt(pointer(name).appendIndex(i), label + name + "[" + (i + 1) + "]", unsafe.get()[0], unsafe.get()[1]);
                continue;
            }
            items.add(item.asText().strip());
        }
        if (required && items.isEmpty() && valid) report(name, "must list at least one item", null);
        return List.copyOf(items);
    }

    public boolean bool(String name) {
        JsonNode value = value(name, false);
        if (value == null) return false;
        if (!value.isBoolean()) {
            mistyped(name, "true or false", value);
            return false;
        }
        return value.booleanValue();
    }

    public int integer(String name, int fallback) {
        JsonNode value = value(name, false);
        if (value == null) return fallback;
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            mistyped(name, "a whole number like 10", value);
            return fallback;
        }
        return value.intValue();
    }

    public LocalDate date(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) return null;
        try {
            if (value.isTextual()) return LocalDate.parse(value.asText().strip());
        } catch (DateTimeParseException ignored) {
            // reported below, with the editor's text
        }
        mistypedDate(name, "a date like 2026-11-25", value);
        return null;
    }

    /** A date written day first (06.12.2026, 6.12.2026, 06/12/2026), as people in Ukraine write it. */
    private static final java.util.regex.Pattern DAY_FIRST = java.util.regex.Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");

    /** "expected a date ...", with the date as it must be written when the editor wrote it day first. */
    private void mistypedDate(String name, String expected, JsonNode got) {
        String suggestion = null;
        java.util.regex.Matcher dayFirst = DAY_FIRST.matcher(got.isTextual() ? got.asText().strip() : "");
        if (dayFirst.matches()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
                suggestion = "write it as " + date;
            } catch (java.time.DateTimeException notADate) {
                // 31.02.2026: no date to suggest
            }
        }
        report(name, "expected " + expected + ", got " + describe(doc, pointer(name), got), suggestion);
    }

    /** A date (the start of that day in {@code zone}) or a date-time with offset. */
    public Instant moment(String name, boolean required, ZoneId zone) {
        JsonNode value = value(name, required);
        if (value == null) return null;
        if (value.isTextual()) {
            String text = value.asText().strip();
            try {
                return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
                        : OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        mistypedDate(name, "a date like 2026-11-25 or a time like 2026-11-25T08:00:00+02:00", value);
        return null;
    }

    public String oneOf(String name, boolean required, List<String> allowed) {
        String text = text(name, required);
        if (text == null) return null;
        if (!allowed.contains(text)) {
            report(name, "expected one of " + String.join(", ", allowed) + ", got \"" + text + "\"",
                    DidYouMean.closest(text, allowed).map(s -> "did you mean '" + s + "'?").orElse(null));
            return null;
        }
        return text;
    }

    /** An absolute http(s) address. */
    public String url(String name, boolean required) {
        String text = text(name, required);
        if (text == null) return null;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        report(name, "expected a web address like https://example.org/page, got \"" + text + "\"",
                text.startsWith("www.") ? "add https:// in front" : null);
        return null;
    }

    /** A phone number a resident can dial: a short code or a full international number. */
    public String phone(String name, boolean required) {
        String text = text(name, required);
        if (text == null) return null;
        if (!PhoneNumbers.isDialable(text)) {
            report(name, "expected a short code (3 or 4 digits, such as 112) or a full international number, got \""
                    + text + "\"", "write it as +380 44 123 45 67");
            return null;
        }
        return text;
    }

    /** A text given per language: {@code {uk: ..., en: ...}}. */
    public Localized localized(String name, boolean required, List<String> languages) {
        JsonNode value = value(name, required);
        if (value == null) return new Localized(Map.of());
        if (!value.isObject()) {
            mistyped(name, "one text per language, like '{" + String.join(": ..., ", languages) + ": ...}'", value);
            return new Localized(Map.of());
        }
        FieldReader inner = nested(value, pointer(name), name + ".");
        Map<String, String> texts = new LinkedHashMap<>();
        for (String lang : languages) {
            String text = inner.text(lang, required);
            if (text != null) texts.put(lang, text);
        }
        inner.finish();
        return new Localized(texts);
    }

    /** A nested mapping such as {@code review: {service: 365}}, or null when absent; call {@link #finish()} on it. */
    public FieldReader group(String name, boolean required) {
        JsonNode value = value(name, required);
        if (value == null) return null;
        if (!value.isObject()) {
            mistyped(name, "a group of indented fields", value);
            return null;
        }
        return nested(value, pointer(name), name + ".");
    }

    /** A list of mappings, each read by {@code each}; items with findings are left out. */
    public <T> List<T> objects(String name, boolean required, Function<FieldReader, T> each) {
        JsonNode value = value(name, required);
        if (value == null) return List.of();
        if (!value.isArray()) {
            mistyped(name, "a list (lines starting with '- ')", value);
            return List.of();
        }
        List<T> items = readItems(value, pointer(name), label + name, each);
        if (required && items.isEmpty() && valid) report(name, "must list at least one item", null);
        return items;
    }

    /** The items of a file that is a list of mappings at its top level (the data files). */
    public static <T> List<T> eachItem(YamlDocument doc, String file, Problems problems, Function<FieldReader, T> each) {
        FieldReader top = new FieldReader(null, doc, doc.root(), JsonPointer.empty(), "", file, problems);
        if (!doc.root().isArray()) {
            top.reportAt(JsonPointer.empty(), null, "expected a list of entries starting with '- ', got "
                    + describe(doc, JsonPointer.empty(), doc.root()), null);
            return List.of();
        }
        return top.readItems(doc.root(), JsonPointer.empty(), "item", each);
    }

    private <T> List<T> readItems(JsonNode array, JsonPointer where, String itemName, Function<FieldReader, T> each) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            JsonPointer itemAt = where.appendIndex(i);
            String itemLabel = itemName + "[" + (i + 1) + "]";
            if (!item.isObject()) {
                reportAt(itemAt, itemLabel, "expected fields such as 'name: ...', got " + describe(doc, itemAt, item), null);
                continue;
            }
            FieldReader inner = new FieldReader(this, doc, item, itemAt, itemLabel + ".", file, problems);
            T read = each.apply(inner);
            inner.finish();
            if (inner.valid() && read != null) items.add(read);
        }
        return List.copyOf(items);
    }

    /**
     * Reports every required field that is missing and every field that no getter asked for, with
     * the closest known name; a required field whose name an unknown field misspells is one finding.
     */
    public void finish() {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !refused.contains(name)) unknown.add(name);
        });
        for (String name : missing) {
            // 'sumary: ...' is one mistake: "unknown field 'sumary'; did you mean 'summary'?" says it all.
            boolean misspelt = unknown.stream().anyMatch(u -> DidYouMean.closest(u, known).filter(name::equals).isPresent());
            if (!misspelt) {
                reportAt(node.has(name) ? pointer(name) : at, label + name, "is required but missing",
                        "add a line '" + name + ": ...'");
            }
        }
        for (String name : unknown) {
            JsonNode value = node.get(name);
            // A key without a value is what is left when a ': ' or ', ' split a text (YAML reads it as "" or null)...
            boolean empty = value.isNull() || value.isTextual() && value.asText().isEmpty();
            // ...unless the editor wrote the field with nothing, or only empty quotes, after its ':' (Hugo's archetypes write "series: \"\"").
            java.util.regex.Matcher written = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(name) + "\\s*:\\s*(\"\"|'')?\\s*(#.*)?").matcher(doc.restOfLine(doc.locate(pointer(name))));
            boolean writtenEmpty = empty && written.matches();
            boolean splitText = !writtenEmpty && (name.contains(" ") || DidYouMean.closest(name, known).isEmpty() && empty);
            String hint = hints.apply(name, value.isValueNode() ? value.asText().strip() : null).orElse(null);
            String message = "unknown field '" + label + name + "'" + (hint != null ? hintOrigin : "");
            String suggestion = hint != null ? hint : splitText ? QUOTE_HINT : DidYouMean.suggest(name, known);
            if (writtenEmpty) {
                message = "unknown field '" + label + name + "', and it is empty (" + (written.group(1) == null ? "nothing" : "only " + written.group(1))
                        + " after '" + name + ":')";
                suggestion = "remove the line" + DidYouMean.closest(name, known).map(s -> ", or did you mean '" + s + "'?").orElse("");
            }
            if (unknownAsWarnings) {
                YamlDocument.Location location = doc.locate(pointer(name));
                problems.warning(file, location.line(), location.column(), null, message, suggestion);
            } else {
                reportAt(pointer(name), null, message, suggestion);
            }
        }
    }

    /**
     * An unknown field for which {@code hintFor} (given its name and its text) has a hint is from
     * another generator: its finding says {@code origin} after the name and suggests the hint.
     */
    public void hintUnknown(java.util.function.BiFunction<String, String, Optional<String>> hintFor, String origin) {
        hints = hintFor;
        hintOrigin = origin;
    }

    /** Unknown fields become warnings, and leave the page valid ({@code beacon check --migrate}). */
    public void unknownFieldsAreWarnings() {
        unknownAsWarnings = true;
    }

    /** A field editors may expect from other generators but that has no place here: explained, not "unknown". */
    public void refuse(String name, String message, String suggestion) {
        refused.add(name);
        if (node.has(name)) report(name, message, suggestion);
    }

    /** A finding about field {@code name} at its place in the file, for checks made outside this reader. */
    public void report(String name, String message, String suggestion) {
        reportAt(pointer(name), label + name, message, suggestion);
    }

    /** The line of field {@code name}, or of the mapping when the field is absent. */
    public int lineOf(String name) {
        return doc.locate(pointer(name)).line();
    }

    /** The column of field {@code name}'s value, or of the mapping when the field is absent. */
    public int columnOf(String name) {
        return doc.locate(pointer(name)).column();
    }

    private FieldReader nested(JsonNode value, JsonPointer where, String nestedLabel) {
        return new FieldReader(this, doc, value, where, label + nestedLabel, file, problems);
    }

    private JsonNode value(String name, boolean required) {
        known.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                markInvalid();
                missing.add(name);
            }
            return null;
        }
        return value;
    }

    private void mistyped(String name, String expected, JsonNode got) {
        report(name, "expected " + expected + ", got " + describe(doc, pointer(name), got), null);
    }

    private void reportAt(JsonPointer where, String field, String message, String suggestion) {
        markInvalid();
        YamlDocument.Location location = doc.locate(where);
        problems.error(file, location.line(), location.column(), field, message, suggestion);
    }

    private void markInvalid() {
        valid = false;
        if (parent != null) parent.markInvalid();
    }

    private JsonPointer pointer(String name) {
        return at.appendProperty(name);
    }

    /** Longest text quoted back in a finding. */
    private static final int QUOTED = 60;

    /**
     * What {@code value} (at {@code where} in {@code doc}) is, for a finding. A text is quoted only
     * as far as the line it starts on goes (and at most {@value #QUOTED} characters): a file that
     * is one long text, such as a key linked in by mistake, is never printed back whole.
     */
    static String describe(YamlDocument doc, JsonPointer where, JsonNode value) {
        if (value == null || value.isNull()) return "nothing";
        if (value.isArray()) return "a list";
        if (value.isObject()) return "a group of fields";
        String text = value.asText();
        int limit = Math.min(QUOTED, doc.charsOnLine(doc.locate(where)));
        int newline = text.indexOf('\n');
        if (newline >= 0 && newline < limit) limit = newline;
        String shown = text.length() <= limit ? text : text.substring(0, limit) + "…";
        return value.isTextual() ? "\"" + shown + "\"" : shown;
    }
}
