package city.beacon.bench;

import city.beacon.csv.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code PlacesGenerator N CONTENT}: grows CONTENT/data/places.csv (a copy of the bundled portal's
 * content) to N places, each a row of the sample's with a new id, a number in its names and
 * coordinates moved by up to a kilometre; the statuses file is emptied. The same N gives the same
 * file. For bench/places.sh.
 */
public final class PlacesGenerator {
    private PlacesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlacesGenerator PLACES CONTENT");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).resolve("data");
        List<List<String>> rows = new ArrayList<>();
        for (Csv.Row row : Csv.parse(Files.readString(data.resolve("places.csv"), StandardCharsets.UTF_8)).rows()) {
            rows.add(row.cells().stream().map(Csv.Cell::text).toList());
        }
        List<String> header = rows.get(0);
        List<List<String>> sample = rows.subList(1, rows.size());
        Random random = new Random(count);
        List<List<String>> out = new ArrayList<>(List.of(header));
        for (int i = 0; i < count; i++) {
            List<String> row = new ArrayList<>(sample.get(i % sample.size()));
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                if (column.equals("id")) row.set(c, row.get(c) + "-x" + i);
                else if (column.equals("lat") || column.equals("lon")) {
                    row.set(c, String.format(Locale.ROOT, "%.4f", Double.parseDouble(row.get(c)) + (random.nextDouble() - 0.5) / 50));
                } else if (column.startsWith("name_")) row.set(c, row.get(c) + " " + i);
            }
            out.add(row);
        }
        Files.writeString(data.resolve("places.csv"), Csv.write(out), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("places-status.csv"), "id,status,note_uk,note_en,since\n", StandardCharsets.UTF_8);
    }
}
