package city.beacon.findings;

import java.util.Comparator;

/**
 * One finding about the content, in the editor's terms: where it is, which field, what is wrong,
 * and what to write instead. Line and column are 1-based; 0 means "not known".
 */
public record Problem(Severity severity, String file, int line, int column, String field,
                      String message, String suggestion) {

    public static final Comparator<Problem> ORDER = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::field, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Problem::message);

    public static Problem error(String file, int line, int column, String field, String message, String suggestion) {
        return new Problem(Severity.ERROR, file, line, column, field, message, suggestion);
    }

    public static Problem warning(String file, int line, int column, String field, String message, String suggestion) {
        return new Problem(Severity.WARNING, file, line, column, field, message, suggestion);
    }

    /**
     * Separates a message from what only {@code --debug} shows (such as the YAML parser's own
     * words): kept in the finding, so a cached finding prints the same, and cut off when printed.
     */
    public static final char DEBUG_DETAIL = '\u001F';

    /** {@code message} followed by {@code detail}, which only {@link #format(boolean) format(true)} shows. */
    public static String withDebugDetail(String message, String detail) {
        return detail == null || detail.isEmpty() ? message : message + DEBUG_DETAIL + detail;
    }

    /** The message without its debug detail: what an editor reads. */
    public String plainMessage() {
        int cut = message.indexOf(DEBUG_DETAIL);
        return cut < 0 ? message : message.substring(0, cut);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form: {@code content/uk/a.md:7:3: error: field 'reviewed': expected ..., got ...; did you mean ...?} */
    public String format() {
        return format(false);
    }

    /** {@link #format()}, followed under {@code debug} by the detail in parentheses. */
    public String format(boolean debug) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) out.append(':').append(column);
        }
        out.append(": ").append(severity.label()).append(": ");
        if (field != null && !field.isEmpty()) out.append("field '").append(field).append("': ");
        out.append(plainMessage());
        if (suggestion != null && !suggestion.isEmpty()) out.append("; ").append(suggestion);
        int detail = message.indexOf(DEBUG_DETAIL);
        if (debug && detail >= 0) out.append(" (").append(message.substring(detail + 1)).append(')');
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
