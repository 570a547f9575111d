package city.beacon.content;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.SiteData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled portal (content/) as residents read it: made-up contacts are marked once, by
 * {@code example: true} (the page then says "example" itself), and an alert's summary, shown
 * right after its title in the banner on every page, says something the title does not.
 */
class SampleContentTest {
    /** The only real numbers in the sample content: the nationwide emergency numbers. */
    private static final Set<String> REAL = Set.of("112", "101", "102", "103", "104");
    /** A name that says it is an example, as the page already does for every {@code example: true}. */
    private static final Pattern SAYS_EXAMPLE = Pattern.compile("(?iu)\\((приклад|example)\\)");

    private static ContentLoader.Content content;
    private static Problems findings;

    /** A made-up contact: what residents are shown, whether it is marked example, and where it is. */
    private record Contact(String where, String number, String name, boolean example) {
    }

    @BeforeAll
    static void load() throws IOException {
        Problems problems = new Problems();
        content = new ContentLoader(TestContent.repo().resolve("content")).load(problems).orElseThrow();
        assertEquals(0, problems.errorCount(), problems.sorted().toString());
        findings = problems;
    }

    private static List<Contact> contacts() {
        List<Contact> all = new ArrayList<>();
        SiteData data = content.data();
        for (SiteData.ContactLine line : data.emergency()) {
            all.add(new Contact("data/emergency.yaml", line.number(), line.label().get("uk") + " / " + line.label().get("en"), line.example()));
        }
        for (SiteData.ContactLine line : data.crisisLines()) {
            all.add(new Contact("data/crisis-lines.yaml", line.number(), line.label().get("uk") + " / " + line.label().get("en"), line.example()));
        }
        for (city.beacon.model.PlaceRecord place : data.places().records()) {
            all.add(new Contact("data/places.csv", place.phone(), place.name().get("uk") + " / " + place.name().get("en"), place.example()));
        }
        for (Page page : content.pages()) {
            String where = page.source().relative();
            List<Place> places = List.of();
            if (page.details() instanceof Details.Service s) places = s.places();
            if (page.details() instanceof Details.Support s) {
                places = s.places();
                for (Phone phone : s.phones()) all.add(new Contact(where, phone.number(), phone.label(), phone.example()));
            }
            for (Place place : places) all.add(new Contact(where, place.phone(), place.name(), place.example()));
        }
        return all;
    }

    @Test
    void thePlacesAreFortyOrMoreExamplesOfFourTypesInEveryDistrictWithoutAFinding() {
        var places = content.data().places().records();
        assertTrue(places.size() >= 40, places.size() + " places");
        assertTrue(places.stream().allMatch(city.beacon.model.PlaceRecord::example), "every sample place is example data");
        assertEquals(4, places.stream().map(city.beacon.model.PlaceRecord::type).distinct().count());
        assertEquals(10, places.stream().map(city.beacon.model.PlaceRecord::district).distinct().count());
        assertEquals(List.of(), findings.sorted().stream().filter(p -> p.file().contains("places")).map(Object::toString).toList());
    }

    @Test
    void aContactMarkedExampleDoesNotAlsoSayExampleInItsName() {
        List<String> twice = contacts().stream().filter(c -> c.example() && SAYS_EXAMPLE.matcher(c.name()).find())
                .map(c -> c.where() + ": " + c.name()).toList();
        assertEquals(List.of(), twice, "these would read \"(example) (example, not a real contact)\"");
    }

    @Test
    void everyNumberButTheNationwideEmergencyNumbersIsMarkedExample() {
        assertFalse(contacts().isEmpty());
        List<String> unmarked = contacts().stream()
                .filter(c -> c.number() != null && !REAL.contains(c.number()) && !c.example())
                .map(c -> c.where() + ": " + c.number() + " " + c.name()).toList();
        assertEquals(List.of(), unmarked);
    }

    @Test
    void anAlertsSummarySharesNoWordOfFiveLettersOrMoreWithItsTitle() {
        List<String> repeated = new ArrayList<>();
        for (Page page : content.pages()) {
            if (!(page.details() instanceof Details.Alert)) continue;
            Set<String> shared = stems(page.title());
            shared.retainAll(stems(page.summary()));
            if (!shared.isEmpty()) repeated.add(page.source().relative() + ": " + shared);
        }
        assertEquals(List.of(), repeated, "the banner reads title then summary: a repeated word reads as a stutter");
    }

    /** The first five letters of each word of five letters or more, lower case. */
    private static Set<String> stems(String text) {
        Set<String> stems = new TreeSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(w -> w.length() >= 5).forEach(w -> stems.add(w.substring(0, 5)));
        return stems;
    }
}
