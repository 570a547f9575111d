package city.beacon.outputs;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a resident's query finds in the bundled portal's search index (content/), searched as
 * beacon.js searches it: every word of the query, as typed or as typed with the other keyboard
 * layout, starts a word of the page; pages with the words in their title first.
 */
class SearchTableTest {
    @TempDir
    static Path dir;
    private static final Map<String, JsonNode> INDEX = new HashMap<>();

    @BeforeAll
    static void buildTheBundledPortal() throws IOException {
        Path out = dir.resolve("public");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(Path.of(System.getProperty("beacon.repo", "..")).resolve("content"),
                out, false, false, Theme.bundled(), Map.of("SOURCE_DATE_EPOCH", "1795996800"))).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        for (String lang : List.of("uk", "en")) {
            String script = Files.readString(out.resolve(lang + "/search-index.js"));
            INDEX.put(lang, new ObjectMapper().readTree(script.substring("beaconSearch(".length(), script.lastIndexOf(')'))));
        }
    }

    @ParameterizedTest(name = "{0}: \"{1}\" finds {2}")
    @CsvSource({
            // singular English words find their plurals ("points" once folded to "poinc")
            "en, blackout,     support/sleep-and-stress-during-blackouts/",
            "en, point,        services/heating-points/",
            "en, document,     services/replacing-passport/",
            "en, right,        services/free-legal-aid/",
            "en, passport,     services/replacing-passport/",
            "en, pasport,      services/replacing-passport/",
            "en, shelter,      services/air-raid-alerts-and-shelters/",
            "en, ірудеук,      services/air-raid-alerts-and-shelters/", // "shelter" typed with the Ukrainian layout on
            "en, crisis line,  support/mental-health-hotline/",
            "en, idp certif,   services/idp-registration/",
            // Ukrainian, in Cyrillic, in Latin, with the keyboard layout wrong, and body text
            "uk, паспорт,      poslugy/vidnovlennia-pasporta/",
            "uk, pasport,      poslugy/vidnovlennia-pasporta/",
            "uk, gfcgjhn,      poslugy/vidnovlennia-pasporta/", // "паспорт" typed with the English layout on
            "uk, ЦНАП,         poslugy/vidnovlennia-pasporta/", // in its steps and places, not its title or summary
            "uk, tsnap,        poslugy/dovidka-vpo/",
            "uk, dovidka vpo,  poslugy/dovidka-vpo/",
            "uk, ukryttia,     poslugy/povitriana-tryvoha-ta-ukryttia/",
            "uk, укриття,      poslugy/povitriana-tryvoha-ta-ukryttia/",
            "uk, kompensacia,  poslugy/kompensatsiia-za-poshkodzhene-zhytlo/",
            "uk, компенсація житло, poslugy/kompensatsiia-za-znyshchene-zhytlo/",
            "uk, психолог,     pidtrymka/bezkoshtovna-psykholohichna-dopomoha/",
            "uk, gcb[jkju,     pidtrymka/bezkoshtovna-psykholohichna-dopomoha/", // "психолог", х on the [ key
            "uk, гаряча лінія, pidtrymka/hariacha-liniia-psykhichnoho-zdorovia/",
            "uk, пункти незламності, poslugy/punkty-nezlamnosti/",
            "uk, субсидія,     poslugy/zhytlova-subsydiia/",
            // words only in a page's text (issue 19): in no title, summary, topic or detail
            "en, sockets,      services/heating-points/",
            "en, bluetooth,    services/charging-and-water/",
            "uk, розетки,      poslugy/punkty-nezlamnosti/",
            "uk, наметах,      poslugy/punkty-nezlamnosti/",
    })
    void aQueryFindsThePage(String lang, String query, String page) {
        List<String> found = search(lang, query);
        assertTrue(found.contains(page), "\"" + query + "\" in " + lang + " found " + found);
    }

    @Test
    void titleMatchesRankFirst() {
        // many pages mention passports in their text; the page about passports comes first
        List<String> found = search("uk", "паспорт");
        assertEquals("poslugy/vidnovlennia-pasporta/", found.get(0), found.toString());
        assertTrue(found.size() > 1, "the pages that mention it in their text follow: " + found);
    }

    @Test
    void aWordOnNoPageFindsNothing() {
        assertEquals(List.of(), search("en", "zanzibar"));
        assertEquals(List.of(), search("uk", "passport zanzibar"), "every word must be found");
    }

    /** The pages found for {@code query}, best first, by address relative to the index: beacon.js's search(), in Java. */
    static List<String> search(String lang, String query) {
        JsonNode index = INDEX.get(lang);
        Map<Integer, Integer> score = null;
        for (String token : query.toLowerCase(Locale.forLanguageTag("uk")).split("\\s+")) {
            Map<Integer, Integer> best = new HashMap<>();
            for (String typed : List.of(token, SearchKeys.otherLayout(token))) {
                Map<Integer, Integer> mine = null;
                for (String word : SearchKeys.words(typed)) {
                    Map<Integer, Integer> got = new HashMap<>();
                    index.get("keys").fields().forEachRemaining(key -> {
                        if (!key.getKey().startsWith(word)) return;
                        ids(key.getValue().get(0).asText()).forEach(id -> got.put(id, 2));
                        ids(key.getValue().get(1).asText()).forEach(id -> got.putIfAbsent(id, 1));
                    });
                    if (mine == null) mine = got;
                    else {
                        mine.keySet().retainAll(got.keySet());
                        mine.replaceAll((id, s) -> s + got.get(id));
                    }
                }
                if (mine != null) mine.forEach((id, s) -> best.merge(id, s, Math::max));
            }
            if (score == null) score = best;
            else {
                score.keySet().retainAll(best.keySet());
                score.replaceAll((id, s) -> s + best.get(id));
            }
        }
        Map<Integer, Integer> scores = score;
        List<Integer> ids = new ArrayList<>(scores.keySet());
        ids.sort((a, b) -> scores.get(b).equals(scores.get(a)) ? a - b : scores.get(b) - scores.get(a));
        return ids.stream().map(id -> index.get("pages").get(id).get(0).asText().replaceFirst("^\\./", "")).toList();
    }

    private static List<Integer> ids(String differences) {
        List<Integer> ids = new ArrayList<>();
        int id = 0;
        if (differences.isEmpty()) return ids;
        for (String n : differences.split(",")) ids.add(id += Integer.parseInt(n, 36));
        return ids;
    }
}
