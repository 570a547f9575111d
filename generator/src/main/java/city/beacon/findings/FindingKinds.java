package city.beacon.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Findings grouped by kind: the message with what differs from one finding to the next (the
 * editor's text in double quotes, the numbers) taken out, so that 20 000 "unknown field 'date'"
 * read as one kind with a count and a few examples. Names in single quotes (a field, a folder)
 * stay: "unknown field 'date'" and "unknown field 'layout'" are told apart, as their remedies
 * are. The file is never part of the kind.
 */
public final class FindingKinds {
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"\\n]*\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** One kind: its severity, its pattern ("unknown field 'date'") and its findings in file order. */
    public record Kind(Severity severity, String pattern, List<Problem> findings) {
        /** "30 errors", "1 warning". */
        public String count() {
            return Report.count(findings.size(), severity.label());
        }
    }

    private FindingKinds() {
    }

    /** The kinds of {@code sorted}: errors first, then the most frequent, then in the order of their first finding. */
    public static List<Kind> of(List<Problem> sorted) {
        Map<String, List<Problem>> byKey = new LinkedHashMap<>();
        for (Problem p : sorted) byKey.computeIfAbsent(p.severity() + "\n" + pattern(p), k -> new ArrayList<>()).add(p);
        List<Kind> kinds = new ArrayList<>();
        byKey.values().forEach(found -> kinds.add(new Kind(found.get(0).severity(), pattern(found.get(0)), List.copyOf(found))));
        kinds.sort(Comparator.comparing(Kind::severity).thenComparing(k -> -k.findings().size()));
        return kinds;
    }

    /** The message of {@code p} (with its field) with text in double quotes as "…" and numbers as N. */
    static String pattern(Problem p) {
        String field = p.field() == null || p.field().isEmpty() ? "" : "field '" + NUMBER.matcher(p.field()).replaceAll("N") + "': ";
        String message = DOUBLE_QUOTED.matcher(p.plainMessage()).replaceAll("\"…\"");
        return field + NUMBER.matcher(message).replaceAll("N");
    }
}
