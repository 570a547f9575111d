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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }
}
