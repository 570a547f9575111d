package city.beacon.content;

import city.beacon.Fixtures;
import city.beacon.findings.Problems;
import city.beacon.model.Localized;
import city.beacon.model.SiteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataLoaderTest {
    @TempDir
    Path data;

    private SiteData load(Problems problems) {
        return new DataLoader(Fixtures.config(), problems).load(data, "content/data");
    }

    @Test
    void readsEmergencyNumbersCrisisLinesAndMirrors() throws IOException {
        Files.writeString(data.resolve("emergency.yaml"), "- number: \"112\"\n  label: {uk: Екстрені служби, en: Emergency}\n");
        Files.writeString(data.resolve("crisis-lines.yaml"), """
                - number: "+380 44 000 00 90"
                  label: {uk: Лінія, en: Line}
                  hours: {uk: цілодобово, en: 24/7}
                  free: true
                  example: true
                """);
        Files.writeString(data.resolve("mirrors.yaml"), """
                - name: University mirror
                  url: https://mirror.example.org/beacon/
                  rsync: rsync://mirror.example.org/beacon/
                  location: {uk: Львів, en: Lviv}
                  example: true
                """);
        Problems problems = new Problems();
        SiteData read = load(problems);
        assertEquals(List.of(), Fixtures.lines(problems));
        assertEquals(List.of(new SiteData.ContactLine("112", new Localized(Map.of("uk", "Екстрені служби", "en", "Emergency")),
                new Localized(Map.of()), false, false)), read.emergency());
        assertEquals("tel:+380440000090", read.crisisLines().get(0).telHref());
        assertEquals("24/7", read.crisisLines().get(0).hours().get("en"));
        assertEquals(new SiteData.Mirror("University mirror", "https://mirror.example.org/beacon/",
                "rsync://mirror.example.org/beacon/", new Localized(Map.of("uk", "Львів", "en", "Lviv")), true), read.mirrors().get(0));
    }

    @Test
    void emergencyNumbersAreRequiredTheOthersOptional() {
        Problems problems = new Problems();
        SiteData read = load(problems);
        assertEquals(List.of("content/data/emergency.yaml: error: the file is missing; "
                + "create it: the emergency numbers are shown on every page"), Fixtures.lines(problems));
        assertEquals(List.of(), read.crisisLines());
    }

    @Test
    void anEntryWithAnUndialableNumberIsReportedAndLeftOut() throws IOException {
        Files.writeString(data.resolve("emergency.yaml"), """
                - number: "112"
                  label: {uk: Екстрені служби, en: Emergency}
                - number: "044 12"
                  label: {uk: Міська лінія, en: City line}
                  colour: red
                """);
        Problems problems = new Problems();
        SiteData read = load(problems);
        assertEquals(List.of(
                "content/data/emergency.yaml:3:3: error: field 'item[2].number': expected a short code (3 or 4 digits, such as 112) "
                        + "or a full international number, got \"044 12\"; write it as +380 44 123 45 67",
                "content/data/emergency.yaml:5:3: error: unknown field 'item[2].colour'; expected one of: example, free, hours, label, number"),
                Fixtures.lines(problems));
        assertEquals(1, read.emergency().size());
    }

    @Test
    void aFileThatIsNotAListIsReported() throws IOException {
        Files.writeString(data.resolve("emergency.yaml"), "number: \"112\"\n");
        Problems problems = new Problems();
        load(problems);
        assertEquals(List.of("content/data/emergency.yaml:1:1: error: expected a list of entries starting with '- ', got a group of fields"),
                Fixtures.lines(problems));
    }
}
