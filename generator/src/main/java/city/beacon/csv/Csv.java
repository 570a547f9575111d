package city.beacon.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text, read and written: what a city exports from its spreadsheet. Reading is pure and
 * never throws: every cell keeps its line and column (1-based, of its first character, the opening
 * quote of a quoted cell), and what is not RFC 4180 is a {@link Mistake}, the rest of the text still read.
 *
 * <p>Read: an optional byte-order mark; rows end with CRLF, LF or CR; a cell in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""} for one); a quote inside an unquoted cell is kept
 * as it is; a line break inside a cell is read as LF. A row with nothing on it (a blank line) is skipped, and so is the line break that ends the text.
 * Written: a cell is quoted only when it holds a comma, a quote or a line break; rows end with CRLF.
 */
public final class Csv {
    private Csv() {
    }

    /** One cell: its text (quotes removed) and where it starts. */
    public record Cell(String text, int line, int column) {
    }

    /** One row: its cells, and the line it starts on. */
    public record Row(int line, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** What is not RFC 4180, where it is, and what to write instead. */
    public record Mistake(int line, int column, String message, String suggestion) {
    }

    /** The rows read (the header first), and the mistakes met on the way. */
    public record Table(List<Row> rows, List<Mistake> mistakes) {
        public Table {
            rows = List.copyOf(rows);
            mistakes = List.copyOf(mistakes);
        }
    }

    /** Pure: the rows of {@code text}. */
    public static Table parse(String text) {
        return new Reader(text).read();
    }

    /** {@code rows} as RFC 4180 text, each row ended with CRLF. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) out.append(',');
                String cell = row.get(i) == null ? "" : row.get(i);
                if (needsQuotes(cell)) {
                    out.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(cell);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    /** One pass over the text; {@code line} and {@code column} are those of {@code text.charAt(at)}. */
    private static final class Reader {
        private final String text;
        private int at;
        private int line = 1;
        private int column = 1;
        private final List<Row> rows = new ArrayList<>();
        private final List<Mistake> mistakes = new ArrayList<>();

        Reader(String text) {
            this.text = text;
            if (text.startsWith("\uFEFF")) at = 1;
        }

        Table read() {
            while (at < text.length()) {
                int rowLine = line;
                List<Cell> cells = new ArrayList<>();
                boolean ended = false;
                boolean quoted = false;
                while (!ended) {
                    Cell cell = cell();
                    if (cell == null) return new Table(rows, mistakes); // a quote never closed: the rest is lost
                    cells.add(cell);
                    quoted = quoted || lastQuoted;
                    if (at >= text.length()) break;
                    char c = text.charAt(at);
                    if (c == ',') {
                        advance();
                    } else {
                        lineBreak();
                        ended = true;
                    }
                }
                boolean blank = cells.size() == 1 && cells.get(0).text().isEmpty() && !quoted;
                if (!blank) rows.add(new Row(rowLine, cells));
            }
            return new Table(rows, mistakes);
        }

        /** Whether the last cell read was in quotes (a row of one empty quoted cell is a row, not a blank line). */
        private boolean lastQuoted;

        /** The cell at {@code at}, which is left at the comma or line break after it (or the end); null when a quote is never closed. */
        private Cell cell() {
            int startLine = line;
            int startColumn = column;
            lastQuoted = at < text.length() && text.charAt(at) == '"';
            if (lastQuoted) {
                advance();
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (at >= text.length()) {
                        mistakes.add(new Mistake(startLine, startColumn, "a quote opened here is never closed",
                                "end the cell with \", and write a quote inside a quoted cell as \"\""));
                        return null;
                    }
                    char c = text.charAt(at);
                    if (c == '"') {
                        if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
                            value.append('"');
                            advance();
                            advance();
                            continue;
                        }
                        advance();
                        break;
                    }
                    value.append(c == '\r' ? '\n' : c); // a line break in a cell is read as LF, whichever it was
                    advance();
                }
                if (at < text.length() && !atCellEnd()) {
                    mistakes.add(new Mistake(line, column, "text after the closing quote of a cell",
                            "put the whole cell in quotes, and write a quote inside it as \"\""));
                    while (at < text.length() && !atCellEnd()) {
                        value.append(text.charAt(at));
                        advance();
                    }
                }
                return new Cell(value.toString(), startLine, startColumn);
            }
            int start = at;
            while (at < text.length() && !atCellEnd()) advance();
            return new Cell(text.substring(start, at), startLine, startColumn);
        }

        private boolean atCellEnd() {
            char c = text.charAt(at);
            return c == ',' || c == '\n' || c == '\r';
        }

        /** Past the line break at {@code at}: CRLF, LF or CR. */
        private void lineBreak() {
            if (text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') at++;
            at++;
            line++;
            column = 1;
        }

        /** Past one character; a line break inside a quoted cell counts as one (CRLF as one). */
        private void advance() {
            char c = text.charAt(at);
            if (c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                at++;
                c = '\n';
            }
            at++;
            if (c == '\n' || c == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }
}
