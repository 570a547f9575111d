package city.beacon.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {
    private static List<List<String>> texts(Csv.Table table) {
        return table.rows().stream().map(r -> r.cells().stream().map(Csv.Cell::text).toList()).toList();
    }

    private static String where(Csv.Cell cell) {
        return cell.line() + ":" + cell.column();
    }

    @Test
    void plainRowsWithLfOrCrlfAndATrailingLineBreak() {
        List<List<String>> expected = List.of(List.of("id", "name"), List.of("a", "Alpha"), List.of("b", ""));
        assertEquals(expected, texts(Csv.parse("id,name\na,Alpha\nb,\n")));
        assertEquals(expected, texts(Csv.parse("id,name\r\na,Alpha\r\nb,\r\n")));
        assertEquals(expected, texts(Csv.parse("id,name\ra,Alpha\rb,")));
        assertTrue(Csv.parse("id,name\r\na,Alpha\r\nb,\r\n").mistakes().isEmpty());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumnName() {
        Csv.Table table = Csv.parse("\uFEFFid,name\n1,x\n");
        assertEquals("id", table.rows().get(0).cells().get(0).text());
        assertEquals("1:1", where(table.rows().get(0).cells().get(0)));
    }

    @Test
    void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() {
        Csv.Table table = Csv.parse("id,address,note\r\n1,\"вул. Хрещатик, 1\",\"the \"\"red\"\" door\r\nsecond line\"\r\n2,b,c\r\n");
        assertEquals(List.of(List.of("id", "address", "note"),
                List.of("1", "вул. Хрещатик, 1", "the \"red\" door\nsecond line"),
                List.of("2", "b", "c")), texts(table));
        assertEquals(List.of(), table.mistakes());
        assertEquals("2:3", where(table.rows().get(1).cells().get(1)), "a quoted cell starts at its quote");
        assertEquals(4, table.rows().get(2).line(), "the row after a cell of two lines starts on the line after them");
    }

    @Test
    void rowAfterAMultiLineCellHasItsOwnLineNumber() {
        Csv.Table table = Csv.parse("id,note\n1,\"a\nb\nc\"\n2,d\n");
        assertEquals(5, table.rows().get(2).line());
        assertEquals("5:3", where(table.rows().get(2).cells().get(1)));
    }

    @ParameterizedTest(name = "cell {0} of \"a,bb,,ccc\" is at column {1}")
    @CsvSource({"0,1", "1,3", "2,6", "3,7"})
    void everyCellKnowsItsColumn(int index, int column) {
        assertEquals(column, Csv.parse("a,bb,,ccc\n").rows().get(0).cells().get(index).column());
    }

    @Test
    void blankLinesAreSkippedButAnEmptyQuotedCellIsARow() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("")), texts(Csv.parse("a\n\n\nb\n\"\"\n")));
    }

    @Test
    void quoteNeverClosedIsAMistakeAtTheQuoteAndTheRowsBeforeAreKept() {
        Csv.Table table = Csv.parse("id,name\n1,ok\n2,\"never closed\n3,x\n");
        assertEquals(List.of(List.of("id", "name"), List.of("1", "ok")), texts(table));
        assertEquals(List.of(new Csv.Mistake(3, 3, "a quote opened here is never closed",
                "end the cell with \", and write a quote inside a quoted cell as \"\"")), table.mistakes());
    }

    @Test
    void textAfterAClosingQuoteIsAMistakeAndKept() {
        Csv.Table table = Csv.parse("\"a\"b,c\n");
        assertEquals(List.of(List.of("ab", "c")), texts(table));
        assertEquals(1, table.mistakes().size());
        assertEquals("1:4 text after the closing quote of a cell", table.mistakes().get(0).line() + ":"
                + table.mistakes().get(0).column() + " " + table.mistakes().get(0).message());
    }

    @Test
    void quoteInsideAnUnquotedCellIsKept() {
        assertEquals(List.of(List.of("5\" pipe", "x")), texts(Csv.parse("5\" pipe,x\n")));
    }

    @Test
    void hostileInputIsReadWithoutThrowing() {
        String wide = "c,".repeat(10_000) + "c\n";
        assertEquals(10_001, Csv.parse(wide).rows().get(0).cells().size());
        String huge = "x".repeat(5 * 1024 * 1024);
        assertEquals(huge.length(), Csv.parse("a,\"" + huge + "\"\n").rows().get(0).cells().get(1).text().length());
        assertEquals(List.of(List.of("a\u0000b", "c")), texts(Csv.parse("a\u0000b,c")));
        assertEquals(List.of(), texts(Csv.parse("")));
        assertEquals(List.of(), texts(Csv.parse("\uFEFF")));
        assertEquals(1, Csv.parse("\"").mistakes().size());
    }

    @Test
    void writtenTextIsQuotedOnlyWhereNeededAndReadsBackTheSame() {
        List<List<String>> rows = List.of(List.of("id", "name", "note"), List.of("1", "Пункт, №1", "say \"hi\"\nthen go"),
                List.of("2", "", "plain"));
        String text = Csv.write(rows);
        assertEquals("id,name,note\r\n1,\"Пункт, №1\",\"say \"\"hi\"\"\nthen go\"\r\n2,,plain\r\n", text);
        assertEquals(rows, texts(Csv.parse(text)));
    }
}
