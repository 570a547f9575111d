package city.beacon.bench;

import city.beacon.bench.Corpus.CorpusPage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the benchmark corpus: {@code CorpusGenerator N DIR} writes a Beacon content folder
 * (DIR/site.yaml, DIR/data/, DIR/uk/, DIR/en/); {@code CorpusGenerator --hugo N DIR} writes the
 * same pages as a Hugo site's content/ and data/ (templates: bench/hugo/ in the repository).
 */
public final class CorpusGenerator {
    private static final List<String> DATA = List.of("emergency.yaml", "crisis-lines.yaml");

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        boolean hugo = args.length == 3 && args[0].equals("--hugo");
        if (args.length != (hugo ? 3 : 2)) {
            System.err.println("usage: CorpusGenerator [--hugo] PAGES DIR");
            System.exit(2);
        }
        int pages = Integer.parseInt(args[hugo ? 1 : 0]);
        Path dir = Path.of(args[hugo ? 2 : 1]);
        if (hugo) writeHugo(new Corpus(pages), dir);
        else writeBeacon(new Corpus(pages), dir);
    }

    public static void writeBeacon(Corpus corpus, Path dir) throws IOException {
        copyResource("site.yaml", dir.resolve("site.yaml"));
        for (String data : DATA) copyResource("data/" + data, dir.resolve("data").resolve(data));
        for (CorpusPage page : corpus.pages()) write(dir.resolve(page.path()), page.fields(), page.body());
    }

    public static void writeHugo(Corpus corpus, Path dir) throws IOException {
        for (String data : DATA) copyResource("data/" + data, dir.resolve("data").resolve(data.replace("-", "_")));
        for (CorpusPage page : corpus.pages()) {
            write(dir.resolve("content").resolve(page.path()), hugoFields(page), page.body());
        }
    }

    /** Hugo's names for the same front matter ('type' and 'summary' mean something else to Hugo). */
    private static Map<String, Object> hugoFields(CorpusPage page) {
        Map<String, Object> f = new LinkedHashMap<>();
        page.fields().forEach((key, value) -> {
            switch (key) {
                case "summary" -> f.put("description", value);
                case "type" -> f.put("support_type", value);
                case "updated" -> {
                    f.put("date", value);
                    f.put("lastmod", value);
                }
                case "category" -> f.put("categories", List.of(value));
                case "translation", "reviewed", "starts" -> { }
                // Hugo hides expired pages by the machine's clock: a date long past for the alerts Beacon hides.
                case "expires" -> f.put("expiryDate", Corpus.activeAlert(page.topic()) ? value : LocalDate.of(2020, 1, 1));
                default -> f.put(key, value);
            }
        });
        f.put("translationKey", "topic-" + page.topic());
        return f;
    }

    private static void write(Path file, Map<String, Object> fields, String body) throws IOException {
        StringBuilder text = new StringBuilder(body.length() + 1024).append("---\n");
        fields.forEach((key, value) -> Yaml.field(text, key, value));
        text.append("---\n\n").append(body);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) throw new UncheckedIOException(new IOException("missing resource /bench/" + name));
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }

    /** Just enough YAML for the corpus: quoted strings, dates, booleans, string lists and lists of flat maps. */
    private static final class Yaml {
        static void field(StringBuilder out, String key, Object value) {
            out.append(key).append(':');
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.append('\n');
                for (Object item : list) {
                    String lead = "  - ";
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) item).entrySet()) {
                        out.append(lead).append(e.getKey()).append(": ").append(scalar(e.getValue())).append('\n');
                        lead = "    ";
                    }
                }
            } else if (value instanceof List<?> list) {
                out.append(" [");
                for (int i = 0; i < list.size(); i++) out.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
                out.append("]\n");
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        }

        private static String scalar(Object value) {
            if (value instanceof String s) return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            return String.valueOf(value);
        }
    }
}
