package city.beacon.content;

import city.beacon.csv.Csv;
import city.beacon.findings.Problems;
import city.beacon.model.PlaceRecord;
import city.beacon.model.PlaceSettings;
import city.beacon.model.PlaceStatus;
import city.beacon.model.Places;
import city.beacon.model.SiteConfig;
import city.beacon.yaml.YamlDocument;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: the places of the texts of data/places.csv and data/places/*.yaml, and the statuses of
 * data/places-status.csv, checked against the {@code places:} of site.yaml. Every finding names the
 * file, line, column and column name (the field), as the front-matter findings do; a row with an
 * error is left out, so a build with it publishes nothing. The row's own checks are {@link PlaceRow}'s.
 */
public final class PlacesReader {
    /** A text file of places or statuses: as shown in findings ("content/data/places.csv"), and its text. */
    public record Source(String display, String text) {
    }

    /** A cell: its text and where it is (column 0: the cell is absent, the row's line is given). */
    record Field(String text, int line, int column) {
    }

    /** A row of either format: where it starts, its cells by column name, and whether it may be published (else checked only). */
    record Row(String file, int line, Map<String, Field> fields, boolean usable) {
        Field get(String column) {
            Field field = fields.get(column);
            return field != null ? field : new Field("", line, 0);
        }
    }

    private final SiteConfig config;
    private final Problems problems;

    private PlacesReader(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    /** The places of {@code sources} (CSV or YAML by their names' ends) with the statuses of {@code status} (null: none). */
    public static Places read(List<Source> sources, Source status, SiteConfig config, Problems problems) {
        return new PlacesReader(config, problems).read(sources, status);
    }

    private Places read(List<Source> sources, Source status) {
        if (sources.isEmpty() && status == null) return Places.NONE;
        if (config.places().types().isEmpty()) {
            Source first = sources.isEmpty() ? status : sources.get(0);
            problems.error(first.display(), 0, 0, null, "there are places, but site.yaml has no 'places:' group",
                    "declare the place types, districts and the city's bbox under 'places:' in site.yaml (see docs/content-reference.md)");
            return Places.NONE;
        }
        List<String> langs = config.languageCodes();
        PlaceRow check = new PlaceRow(config.places(), langs, problems);
        List<PlaceRecord> records = new ArrayList<>();
        Map<String, PlaceRecord.At> ids = new HashMap<>();
        for (Source source : sources) {
            List<Row> rows = source.display().endsWith(".csv")
                    ? csvRows(source, PlaceRow.columns(langs), PlaceRow.required(langs))
                    : yamlRows(source, PlaceRow.columns(langs));
            for (Row row : rows) {
                Field id = row.get("id");
                PlaceRecord.At at = new PlaceRecord.At(row.file(), id.line(), id.column());
                PlaceRecord.At first = id.text().isBlank() ? null : ids.putIfAbsent(id.text().strip(), at);
                PlaceRecord record = check.record(row);
                if (first != null) {
                    problems.error(row.file(), id.line(), id.column(), "id", "the id '" + PlaceRow.quoted(id.text().strip())
                            + "' is also the id of the place at " + first, "give each place its own id");
                } else if (record != null && row.usable()) {
                    records.add(record);
                }
            }
        }
        List<PlaceStatus> statuses = status == null ? List.of() : statuses(status, ids.keySet(), langs);
        return new Places(records, statuses);
    }

    private List<PlaceStatus> statuses(Source source, Set<String> ids, List<String> langs) {
        Set<String> columns = new java.util.LinkedHashSet<>(List.of("id", "status", "since"));
        langs.forEach(lang -> columns.add("note_" + lang));
        List<PlaceStatus> statuses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : csvRows(source, columns, List.of("id", "status"))) {
            PlaceStatus read = PlaceRow.status(row, ids, langs, problems);
            if (read == null) continue;
            Integer before = seen.putIfAbsent(read.id(), row.line());
            if (before != null) {
                Field id = row.get("id");
                problems.error(row.file(), id.line(), id.column(), "id", "place '" + read.id() + "' has a status already, at "
                        + row.file() + ":" + before, "keep one row per place: its status now");
                continue;
            }
            statuses.add(read);
        }
        return statuses;
    }

    /** The rows of a CSV text after its header, by column; none when the header lacks a required column. */
    private List<Row> csvRows(Source source, Set<String> known, List<String> required) {
        String file = source.display();
        Csv.Table table = Csv.parse(source.text());
        for (Csv.Mistake m : table.mistakes()) problems.error(file, m.line(), m.column(), null, m.message(), m.suggestion());
        if (table.rows().isEmpty()) {
            problems.warning(file, 0, 0, null, "the file is empty: no places are read from it",
                    "its first row names the columns: " + String.join(",", required));
            return List.of();
        }
        Csv.Row header = table.rows().get(0);
        List<String> names = new ArrayList<>();
        boolean usable = true;
        Set<String> named = new HashSet<>();
        for (Csv.Cell cell : header.cells()) {
            String name = cell.text().strip();
            names.add(name);
            if (!known.contains(name)) {
                problems.error(file, cell.line(), cell.column(), PlaceRow.quoted(name), "not a column of this file",
                        PlaceRow.suggest(name, known));
            } else if (!named.add(name)) {
                problems.error(file, cell.line(), cell.column(), name, "the column is named twice in the header row",
                        "delete one of the two columns");
                usable = false;
            }
        }
        for (String column : required) {
            if (!named.contains(column)) {
                problems.error(file, header.line(), 1, column, "the header row (the first row) has no column '" + column + "'",
                        "add the column: every " + (required.contains("type") ? "place" : "status") + " needs it");
                usable = false;
            }
        }
        if (!usable) return List.of();
        List<Row> rows = new ArrayList<>();
        for (Csv.Row row : table.rows().subList(1, table.rows().size())) {
            List<Csv.Cell> cells = row.cells();
            if (cells.size() != names.size()) {
                Csv.Cell where = cells.get(Math.min(cells.size(), names.size()) - 1);
                String suggestion = cells.size() > names.size()
                        ? "a text with a comma needs quotes: \"вул. Хрещатик, 1\"; or delete the extra cells"
                        : "add the missing cells, empty ones as ',,'";
                problems.error(file, where.line(), cells.size() > names.size() ? cells.get(names.size()).column() : where.column(),
                        null, "this row has " + cells.size() + " cells; the header row names " + names.size() + " columns", suggestion);
                continue;
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (known.contains(names.get(i))) fields.put(names.get(i), new Field(cells.get(i).text(), cells.get(i).line(), cells.get(i).column()));
            }
            rows.add(new Row(file, row.line(), fields, true));
        }
        return rows;
    }

    /** The mappings of a YAML list, each a row; a list of texts (services) is read as their ';'-separated text. */
    private List<Row> yamlRows(Source source, Set<String> known) {
        String file = source.display();
        YamlDocument doc = YamlDocument.parse(source.text(), file, 1, problems);
        if (doc == null) return List.of();
        JsonNode root = doc.root();
        if (root.isObject() && root.isEmpty()) return List.of(); // an empty file
        if (!root.isArray()) {
            problems.error(file, 1, 1, null, "expected a list of places, each starting with '- '", null);
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonPointer itemAt = JsonPointer.empty().appendIndex(i);
            YamlDocument.Location start = doc.locate(itemAt);
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                problems.error(file, start.line(), start.column(), null, "expected the fields of a place (id: ..., type: ...)", null);
                continue;
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            boolean usable = true;
            for (var names = item.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                YamlDocument.Location at = doc.locate(itemAt.appendProperty(name));
                JsonNode value = item.get(name);
                if (!known.contains(name)) {
                    problems.error(file, at.line(), at.column(), PlaceRow.quoted(name), "not a field of a place",
                            PlaceRow.suggest(name, known));
                    usable = false;
                    continue;
                }
                // YAML reads an unquoted yes or no as true or false
                String text = name.equals("accessible") && value.isBoolean() ? (value.booleanValue() ? "yes" : "no") : scalar(value);
                if (text == null) {
                    problems.error(file, at.line(), at.column(), name, "expected text, got a group of fields", null);
                    usable = false;
                    continue;
                }
                fields.put(name, new Field(text, at.line(), at.column()));
            }
            rows.add(new Row(file, start.line(), fields, usable));
        }
        return rows;
    }

    /** The text of a YAML value as a CSV cell would hold it; null for a mapping or a list of mappings. */
    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) return "";
        if (value.isValueNode()) return value.asText();
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode()) return null;
                items.add(item.asText());
            }
            return String.join(";", items);
        }
        return null;
    }
}
