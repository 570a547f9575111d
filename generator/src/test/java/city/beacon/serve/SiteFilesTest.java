package city.beacon.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class SiteFilesTest {

    @Test
    void pagesRenderedOnTheirOwnAreServedOverTheWholeAndStayServedOnceFoldedIn() {
        Map<String, byte[]> whole = new HashMap<>();
        for (int i = 0; i < 1000; i++) whole.put("page-" + i + "/", bytes("first " + i));
        SiteFiles before = SiteFiles.of(whole);
        SiteFiles files = before;
        for (int i = 0; i < 600; i++) files = files.with(Map.of("page-" + i + "/", bytes("edited " + i)), Set.of());

        for (int i = 0; i < 1000; i++) {
            assertEquals((i < 600 ? "edited " : "first ") + i, text(files.get("page-" + i + "/")), "page " + i);
        }
        assertEquals(1000, files.all().size());
        assertEquals("first 0", text(before.get("page-0/")), "a snapshot already served does not change");
        assertNull(files.get("page-1000/"));
        assertFalse(files.contains("page-1000/"));
    }

    @Test
    void filesAddedAreServedBesideTheWholeAndFilesRemovedAreNotServed() {
        SiteFiles before = SiteFiles.of(Map.of("a/", bytes("a"), "b/", bytes("b")));
        SiteFiles added = before.with(Map.of("c/", bytes("c")), Set.of());
        SiteFiles removed = added.with(Map.of("a/", bytes("a again")), Set.of("b/"));

        assertEquals("c", text(added.get("c/")));
        assertEquals(Set.of("a/", "b/", "c/"), added.all().keySet());
        assertEquals(Set.of("a/", "c/"), removed.all().keySet());
        assertNull(removed.get("b/"));
        assertEquals("a again", text(removed.get("a/")));
        assertEquals("b", text(added.get("b/")), "a snapshot already served does not change");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }
}
