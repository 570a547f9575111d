package city.beacon.hashing;

import city.beacon.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The keys the caches compare. */
class CanonicalHashTest {
    @Test
    void keysDoNotDependOnTheOrderOfMaps() {
        assertEquals(CanonicalHash.hash(Map.of("uk", "Послуги", "en", "Services")), CanonicalHash.hash(Map.of("en", "Services", "uk", "Послуги")));
        assertNotEquals(CanonicalHash.hash("ab", "c"), CanonicalHash.hash("a", "bc"));
    }

    @Test
    void aPageFileIsKeyedByItsPathUnderTheContentFolderWhereverThatFolderIs() {
        assertEquals(CanonicalHash.hash(new SourceFile(Path.of("content/en/info/about.md"), "content/en/info/about.md", "en/info/about.md")),
                CanonicalHash.hash(new SourceFile(Path.of("/srv/portal/en/info/about.md"), "/srv/portal/en/info/about.md", "en/info/about.md")));
    }

    @Test
    void sha256IsHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CanonicalHash.sha256("abc".getBytes()));
    }
}
