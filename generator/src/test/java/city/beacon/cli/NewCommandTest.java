package city.beacon.cli;

import city.beacon.cli.Main;
import city.beacon.build.SiteBuilder;
import city.beacon.TestContent;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.content.Placeholders;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewCommandTest {
    /** What an editor writes in place of each placeholder, by field. */
    private static final Map<String, String> FILLED = Map.ofEntries(
            Map.entry("title", "\"Filled-in title\""), Map.entry("summary", "\"Who it is for and what they get.\""),
            Map.entry("category", "documents"), Map.entry("documents", "\"Passport\""), Map.entry("steps", "\"Go there\""),
            Map.entry("cost", "Free"), Map.entry("processing_time", "The same day"), Map.entry("name", "\"Office\""),
            Map.entry("address", "\"1 Example Street\""), Map.entry("hours", "\"Mon–Fri 9:00–18:00\""),
            Map.entry("phone", "\"+380 44 000 00 01\""), Map.entry("number", "\"+380 44 000 00 02\""),
            Map.entry("label", "\"Example line\""), Map.entry("audience", "Anyone"), Map.entry("tags", "[test]"));
    /** The placeholder of an English page, and of a Ukrainian one. */
    private static final Pattern MARK = Pattern.compile("TODO|ЗАПОВНІТЬ");
    private static final Pattern FIELD_LINE = Pattern.compile("^(\\s*)(-\\s+)?(?:([a-z_]+):\\s*)?(.*(?:TODO|ЗАПОВНІТЬ).*)$");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"service, uk/poslugy/nova-posluha.md", "support, en/support/new-line.md",
            "page, uk/dovidka/nova-storinka.md", "alert, en/alerts/new-alert.md"})
    void newPageFailsWithEachPlaceholderUntilFilledThenPasses(String kind, String path, @TempDir Path temp) throws Exception {
        Path content = TestContent.copy("content", temp);
        assertEquals(0, Main.run("new", kind, path, "--content", content.toString()));
        Path file = content.resolve(path);
        String written = Files.readString(file);
        assertTrue(written.startsWith("---\n") && written.contains("draft: true"), written);

        List<Problem> before = errorsIn(content, path);
        long placeholders = written.lines().filter(l -> MARK.matcher(l).find() && !l.stripLeading().startsWith("#")).count();
        assertEquals(placeholders, before.size(), "one finding per placeholder: " + before);
        assertTrue(before.stream().allMatch(p -> p.line() > 0 && p.message().startsWith("still holds a placeholder")), before.toString());
        assertTrue(before.stream().anyMatch(p -> "title".equals(p.field())), before.toString());

        Files.writeString(file, fill(written));
        assertEquals(List.of(), errorsIn(content, path), "filled in:\n" + Files.readString(file));
    }

    @Test
    void aUkrainianPageGetsUkrainianNotesAndPlaceholdersAndTheBuildReportsEachWithItsLine(@TempDir Path temp) throws Exception {
        Path content = TestContent.copy("content", temp);
        assertEquals(0, Main.run("new", "service", "uk/poslugy/x.md", "--content", content.toString()));
        List<String> lines = Files.readAllLines(content.resolve("uk/poslugy/x.md"));
        assertEquals("# Кожне поле пояснено в docs/editor-guide.md. Рядки, що починаються з #, — це примітки.", lines.get(2));
        assertEquals("title: \"ЗАПОВНІТЬ: назва, яку шукають мешканці\"", lines.get(3));
        assertTrue(lines.contains("# Які документи взяти з собою, по одному в рядку."), String.join("\n", lines));
        assertTrue(lines.contains("cost: \"ЗАПОВНІТЬ: напр. безоплатно\""), String.join("\n", lines));
        assertTrue(lines.contains("# true: сторінку видно лише в попередньому перегляді (beacon serve). "
                + "Щоб опублікувати, видаліть цей рядок."), String.join("\n", lines));
        assertEquals("ЗАПОВНІТЬ: текст сторінки у форматі Markdown. Короткі абзаци; заголовки починаються з '## '.",
                lines.get(lines.size() - 1));
        assertFalse(String.join("\n", lines).contains("TODO"), "no English placeholder left in a Ukrainian page");

        List<Problem> errors = errorsIn(content, "uk/poslugy/x.md");
        assertEquals("content/uk/poslugy/x.md:4:9: error: field 'title': still holds a placeholder: "
                + "title: \"ЗАПОВНІТЬ: назва, яку шукають мешканці\"; write the real value in place of 'ЗАПОВНІТЬ...' "
                + "(see docs/editor-guide.md)", errors.get(0).format().substring(errors.get(0).format().indexOf("content/uk/")));
        assertTrue(errors.stream().anyMatch(p -> "category".equals(p.field()) && p.line() > 4), errors.toString());
    }

    @Test
    void anEnglishPageStaysEnglish(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        assertEquals(0, Main.run("new", "service", "night-office", "--lang", "en", "--content", content.toString()));
        List<String> lines = Files.readAllLines(content.resolve("en/services/night-office.md"));
        assertEquals("# Every field is explained in docs/editor-guide.md. Lines starting with # are notes.", lines.get(2));
        assertEquals("title: \"TODO: the name residents look for\"", lines.get(3));
        assertFalse(String.join("\n", lines).contains("ЗАПОВНІТЬ"), "no Ukrainian placeholder in an English page");
    }

    @Test
    void theCheckFindsEitherLanguagesPlaceholderInAnyPageButNotTheWordInAText() {
        Problems problems = new Problems();
        assertEquals(2, Placeholders.report("---\ntitle: \"ЗАПОВНІТЬ: назва\"\nsummary: \"TODO: text\"\n---\n\n"
                + "Заповніть заяву в ЦНАП. TODOS and ЗАПОВНІТЬМО are other words.\n", "content/uk/a.md", problems));
        assertEquals(List.of("content/uk/a.md:2:9: error: field 'title': still holds a placeholder: title: \"ЗАПОВНІТЬ: назва\"; "
                        + "write the real value in place of 'ЗАПОВНІТЬ...' (see docs/editor-guide.md)",
                "content/uk/a.md:3:11: error: field 'summary': still holds a placeholder: summary: \"TODO: text\"; "
                        + "write the real value in place of 'TODO...' (see docs/editor-guide.md)"),
                problems.sorted().stream().map(Problem::format).toList());
    }

    @Test
    void aBareNameGoesIntoTheSectionOfItsKindInTheGivenLanguage(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        assertEquals(0, Main.run("new", "support", "night-line", "--lang", "en", "--content", content.toString()));
        assertTrue(Files.isRegularFile(content.resolve("en/support/night-line.md")));
    }

    @Test
    void aPageGoesIntoASubFolderOfItsSectionAndAnIndexFileIsNotAPage(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        assertEquals(0, Main.run("new", "service", "uk/poslugy/opalennia/shkoly/nichni", "--content", content.toString()));
        assertTrue(Files.readString(content.resolve("uk/poslugy/opalennia/shkoly/nichni.md")).startsWith("---\n"),
                "a page of the nested sub-section opalennia/shkoly");
        assertEquals(2, Main.run("new", "service", "uk/poslugy/opalennia/_index.md", "--content", content.toString()));
        assertFalse(Files.exists(content.resolve("uk/poslugy/opalennia/_index.md")), "_index.md describes a sub-section; it is not a page");
        assertEquals(2, Main.run("new", "service", "uk/poslugy//x", "--content", content.toString()), "an empty folder name");
    }

    @Test
    void anExistingFileIsNeverOverwritten(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        Path file = content.resolve("uk/poslugy/isnuiucha.md");
        TestContent.write(file, "my own text\n");
        assertEquals(2, Main.run("new", "service", "uk/poslugy/isnuiucha.md", "--content", content.toString()));
        assertEquals("my own text\n", Files.readString(file));
    }

    @Test
    void aPathOutsideTheKindsSectionIsAUsageError(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        assertEquals(2, Main.run("new", "alert", "uk/poslugy/not-an-alert.md", "--content", content.toString()));
        assertEquals(2, Main.run("new", "leaflet", "x", "--content", content.toString()));
        assertFalse(Files.exists(content.resolve("uk/poslugy/not-an-alert.md")));
    }

    /** Replaces each placeholder line as an editor would: the field's real value, or a sentence of text. */
    private static String fill(String text) {
        StringBuilder out = new StringBuilder();
        String field = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = FIELD_LINE.matcher(line);
            if (line.matches("^\\s*(-\\s+)?[a-z_]+:.*")) field = line.replaceFirst("^\\s*(-\\s+)?([a-z_]+):.*", "$2");
            if (!line.stripLeading().startsWith("#") && m.matches()) {
                String name = m.group(3) != null ? m.group(3) : field;
                String value = MARK.matcher(line).lookingAt() ? "The text of the page." : FILLED.get(name);
                if (value == null) throw new AssertionError("no value for field " + name + " in: " + line);
                line = m.group(1) + (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? "" : m.group(3) + ": ") + value;
                if (line.startsWith("The text")) line = value;
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static List<Problem> errorsIn(Path content, String path) throws Exception {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, null, false, true, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795000000"))).build();
        return result.problems().sorted().stream().filter(Problem::isError)
                .filter(p -> p.file().endsWith(path)).toList();
    }

    @Test
    void theNoteAfterwardsIsInThePagesLanguage(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("new", "service", "uk/poslugy/nichnyi-punkt.md", "--content", content.toString()));
            assertEquals(0, Main.run("new", "service", "en/services/night-point.md", "--content", content.toString()));
        } finally {
            System.setOut(out);
        }
        List<String> notes = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals("Записано " + content.resolve("uk/poslugy/nichnyi-punkt.md") + ": замініть кожне ЗАПОВНІТЬ (beacon check покаже їх), "
                + "перегляньте сторінку в beacon serve і, щоб опублікувати, видаліть рядок 'draft: true'.", notes.get(0));
        assertEquals("Wrote " + content.resolve("en/services/night-point.md") + ": replace every TODO (beacon check lists them), "
                + "preview it with beacon serve, and delete the line 'draft: true' to publish it.", notes.get(1));
    }
}
