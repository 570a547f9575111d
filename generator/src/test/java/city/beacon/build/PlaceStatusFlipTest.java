package city.beacon.build;

import city.beacon.TestContent;
import city.beacon.mirror.MirrorOptions;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, item 8: a place's status flipped in places-status.csv renders again only what shows
 * places: the service pages that ask for them ({@code places: {type: ...}}) and the places' own
 * pages, lists and open data; every other page is kept as published, not even rendered.
 */
class PlaceStatusFlipTest {
    @TempDir
    Path dir;

    @Test
    void aPlaceClosedRendersAgainOnlyThePagesThatShowPlaces() throws IOException {
        Path content = TestContent.copyTree(TestContent.repo().resolve("content"), dir.resolve("content"));
        Path out = dir.resolve("public");
        build(content, out);
        Map<String, byte[]> before = TestContent.tree(out);

        Path status = content.resolve("data/places-status.csv");
        Files.writeString(status, Files.readString(status)
                + "heating-holosiivskyi-1,closed,Закрито (приклад),Closed (example),2026-12-05\n");
        SiteBuilder.Result flipped = build(content, out);

        assertEquals(4, flipped.rendered(), "the heating and shelter pages of each language, which ask for places: " + flipped.timings());
        Map<String, byte[]> after = TestContent.tree(out);
        TreeSet<String> changed = new TreeSet<>();
        after.forEach((file, bytes) -> {
            if (!Arrays.equals(bytes, before.get(file))) changed.add(file);
        });
        assertTrue(changed.contains("en/places/heating/heating-holosiivskyi-1/index.html"), "the place's page: " + changed);
        assertTrue(changed.contains("en/api/places.geojson"), "the open data: " + changed);
        List<String> unrelated = changed.stream().filter(file -> !file.contains("places/") && !file.contains("mistsia/")
                && !file.contains("api/places.") && !file.startsWith("en/services/heating-points/") && !file.startsWith("uk/poslugy/punkty-nezlamnosti/")
                && !List.of("beacon-manifest.sha256", "build-info.json", "build-info.json.gz", "sw.js", "sw.js.gz").contains(file)).toList();
        assertEquals(List.of(), unrelated, "files changed that show no place");
    }

    private static SiteBuilder.Result build(Path content, Path out) throws IOException {
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1796464800"), null, MirrorOptions.NONE)).build();
        assertTrue(result.published(), result.problems().sorted().toString());
        return result;
    }
}
