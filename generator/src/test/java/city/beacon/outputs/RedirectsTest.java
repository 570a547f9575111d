package city.beacon.outputs;

import city.beacon.TestContent;
import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data/redirects.yaml (written by beacon import): a small page at each old address, and an nginx map. */
class RedirectsTest {
    @Test
    void eachOldAddressGetsAPageLinkingRelativelyToTheNewOneAndTheNginxMapListsThemAll(@TempDir Path temp) throws Exception {
        Path content = TestContent.copy("content", temp);
        Files.writeString(content.resolve("data/redirects.yaml"), """
                - from: "/old/passport/"
                  to: "en/services/replacing-passport.md"
                - from: "/old/passport.html"
                  to: "en/services/replacing-passport.md"
                - from: "/en/services/replacing-passport/"
                  to: "en/services/replacing-passport.md"
                - from: "/gone/"
                  to: "en/services/no-such-page.md"
                - from: "/../../etc/"
                  to: "en/services/replacing-passport.md"
                - from: "/docs/heating/"
                  to: "en/services/heating/_index.md"
                """);
        Files.createDirectories(content.resolve("en/services/heating"));
        Files.writeString(content.resolve("en/services/heating/_index.md"), "---\ntitle: Heating\n---\nWarm rooms.\n");
        Path out = temp.resolve("public");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795996800"), null)).build();
        assertTrue(result.published(), result.problems().sorted().toString());

        String moved = Files.readString(out.resolve("old/passport/index.html"));
        assertTrue(moved.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../en/services/replacing-passport/\">"), moved);
        assertTrue(moved.contains("<a href=\"../../en/services/replacing-passport/\">"), moved);
        assertFalse(moved.contains("<script"), moved);
        assertTrue(Files.readString(out.resolve("old/passport.html")).contains("url=../en/services/replacing-passport/\""));
        assertFalse(Files.readString(out.resolve("en/services/replacing-passport/index.html")).contains("http-equiv=\"refresh\""));
        assertEquals("""
                map $uri $beacon_redirect {
                    default "";
                    "/docs/heating/" "/en/services/heating/";
                    "/old/passport.html" "/en/services/replacing-passport/";
                    "/old/passport/" "/en/services/replacing-passport/";
                }
                """, Files.readString(out.resolve(Redirects.NGINX_MAP)).replaceAll("(?m)^#.*\\n", ""));
        List<String> warnings = result.problems().sorted().stream().filter(p -> p.file().endsWith("redirects.yaml"))
                .map(Problem::plainMessage).toList();
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("\"/en/services/replacing-passport/\" is already a file of the site")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("no published page \"en/services/no-such-page.md\"")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("\"/../../etc/\" cannot be a file of the site")), warnings.toString());
        assertTrue(Files.readString(out.resolve("docs/heating/index.html")).contains("url=../../en/services/heating/\""),
                "an old address of a section leads to its sub-section's list");
    }

    @Test
    void anOldAddressIsServedByTheFileAWebServerLooksFor() {
        assertEquals("a/b/index.html", Redirects.file("/a/b/"));
        assertEquals("a/b/index.html", Redirects.file("/a/b"));
        assertEquals("a/b.html", Redirects.file("/a/b.html"));
        assertEquals("a/b/index.html", Redirects.file("/a/b/?x=1#top"));
        assertEquals("а/б/index.html", Redirects.file("/%D0%B0/%D0%B1/"));
        assertNull(Redirects.file("/"));
        assertNull(Redirects.file("/a/../../b/"));
    }

    @Test
    void onlyAddressesThatCannotBeReadAsNginxConfigurationGoIntoTheMap() {
        assertTrue(Redirects.safeForNginx("/docs/guide_2.html"));
        assertTrue(Redirects.safeForNginx("/новини/"));
        assertFalse(Redirects.safeForNginx("/a\"; } server { listen 81; #"));
        assertFalse(Redirects.safeForNginx("/a$host/"));
        assertFalse(Redirects.safeForNginx("/a b/"));
    }
}
