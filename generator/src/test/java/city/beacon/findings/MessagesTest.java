package city.beacon.findings;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    private static final Messages UK = Messages.of("uk");

    @Test
    void everyDeclaredTemplateHasAUkrainianTranslationWithTheSamePlaceholders() {
        Map<String, String> uk = Messages.catalogue("uk");
        for (String template : Messages.templates()) {
            String translation = uk.get(template);
            assertTrue(translation != null && !translation.isBlank(), "messages/uk.po has no translation of: " + template);
            assertEquals(placeholders(template), placeholders(translation), "the placeholders of: " + template);
        }
        assertEquals(new TreeSet<>(Messages.templates()), new TreeSet<>(uk.keySet()),
                "uk.po translates exactly the templates of beacon.pot (no stale entry)");
    }

    @Test
    void aMessageIsTranslatedByTheTemplateItWasMadeFromWithItsOwnWordsKept() {
        assertEquals("очікується дата на зразок 2026-11-25, а написано \"06.12.2026\"",
                UK.translate("expected a date like 2026-11-25, got \"06.12.2026\""));
        assertEquals("невідоме поле 'sumary'", UK.translate("unknown field 'sumary'"));
        assertEquals("невідоме поле 'series', і воно порожнє (після 'series:' нічого немає)",
                UK.translate("unknown field 'series', and it is empty (nothing after 'series:')"), "the most specific template wins");
        assertEquals("немає перекладу мовою en; хто читає мовою en, побачить позначку, що сторінка є лише однією мовою",
                UK.translate("no translation into en; residents reading en see it marked as available in one language only"),
                "a placeholder written twice is the same words twice");
        assertEquals("у чернетці: посилання \"a.md\" веде на сторінку, якої немає",
                UK.translate("in a draft, the link \"a.md\" points to a page that does not exist"), "a message inside a message");
        assertEquals("a message no template matches", UK.translate("a message no template matches"), "kept in English, never lost");
    }

    @Test
    void theOneLineFormKeepsTheSeverityWordThatEditorsToolsMatch() {
        Problem p = Problem.error("content/uk/a.md", 7, 1, "reviewed", "expected a date like 2026-11-25, got \"вчора\"", null);
        assertEquals("content/uk/a.md:7:1: error: поле 'reviewed': очікується дата на зразок 2026-11-25, а написано \"вчора\"",
                UK.format(p, false));
        assertEquals(p.format(), Messages.english().format(p, false));
    }

    @Test
    void jsonStaysEnglishWhateverTheLanguageAndGithubAnnotationsAreTranslated() {
        Problems problems = new Problems();
        problems.error("content/uk/a.md", 3, 1, "cost", "is required but missing", "add a line 'cost: ...'");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Report.print(Report.Format.JSON, problems, new PrintStream(json, true, StandardCharsets.UTF_8), false, UK);
        assertTrue(json.toString(StandardCharsets.UTF_8).contains("\"message\" : \"is required but missing\""), json.toString());
        ByteArrayOutputStream github = new ByteArrayOutputStream();
        Report.print(Report.Format.GITHUB, problems, new PrintStream(github, true, StandardCharsets.UTF_8), false, UK);
        assertEquals("::error file=content/uk/a.md,line=3,col=1,title=поле 'cost'::обов’язкове, але його немає; додайте рядок 'cost: ...'",
                github.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }
}
