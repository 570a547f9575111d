package city.beacon.mirror;

import city.beacon.TestContent;
import city.beacon.Git;
import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DeterministicBuildTest {

    @Test
    void twoCleanBuildsWithEveryMirrorFileAreByteIdentical(@TempDir Path tmp) throws Exception {
        Path content = MirrorSites.copyOfContent(tmp);
        Path keys = tmp.resolve("keys");
        Files.createDirectories(keys);
        Files.writeString(keys.resolve(Signing.PRIVATE_KEY_FILE), Signing.privateKeyFile(Signing.generate()));
        MirrorOptions all = new MirrorOptions(keys.resolve(Signing.PRIVATE_KEY_FILE), true, false);

        MirrorSites.build(content, tmp.resolve("a/public"), all);
        MirrorSites.build(content, tmp.resolve("b/public"), all);

        Map<String, byte[]> a = TestContent.tree(tmp.resolve("a/public"));
        Map<String, byte[]> b = TestContent.tree(tmp.resolve("b/public"));
        assertEquals(a.keySet(), b.keySet());
        List<String> different = new ArrayList<>();
        a.forEach((path, bytes) -> {
            if (!java.util.Arrays.equals(bytes, b.get(path))) different.add(path);
        });
        assertEquals(List.of(), different, "files that differ between two builds of the same content");
        assertTrue(a.containsKey(OfflineBundle.FILE) && a.containsKey(Manifest.SIGNATURE) && a.containsKey("en/index.html.gz"));
    }

    @Test
    void sourceDateEpochIsTheBuildTimeInTheFooterAndBuildInfo(@TempDir Path tmp) throws IOException {
        Path content = MirrorSites.copyOfContent(tmp);
        Path out = tmp.resolve("public");
        SiteBuilder.Result result = new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795867200"))).build(); // 2026-11-28T12:00:00Z
        assertTrue(result.published());
        assertTrue(Files.readString(out.resolve("en/index.html")).contains("This copy was built on 28 November 2026."));
        assertTrue(Files.readString(out.resolve("uk/index.html")).contains("Цю копію сайту зібрано 28 листопада 2026."));
        assertTrue(Files.readString(out.resolve(BuildInfo.FILE)).contains("\"buildTime\" : \"2026-11-28T12:00:00Z\""));
    }

    @Test
    void withoutSourceDateEpochTheNewestContentDateIsTheBuildTime(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("public");
        MirrorSites.build(MirrorSites.copyOfContent(tmp), out, MirrorOptions.NONE);
        // the newest 'updated' of the sample content is 2026-11-20; no commit: the copy is not in git
        assertTrue(Files.readString(out.resolve("en/index.html")).contains("This copy was built on 20 November 2026."));
        assertTrue(Files.readString(out.resolve(BuildInfo.FILE)).contains("\"contentCommit\" : null"));
    }

    @Test
    void contentInGitGivesTheLastCommitAsBuildTimeAndContentCommit(@TempDir Path tmp) throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test the content commit");
        Path content = MirrorSites.copyOfContent(tmp);
        Git.commitAll(content, "2026-12-03T10:00:00Z", "content");
        String head = Git.run(content, Map.of(), "rev-parse", "HEAD").strip();
        Path out = tmp.resolve("public");
        MirrorSites.build(content, out, MirrorOptions.NONE);
        String info = Files.readString(out.resolve(BuildInfo.FILE));
        assertTrue(info.contains("\"contentCommit\" : \"" + head + "\""), info);
        assertTrue(info.contains("\"buildTime\" : \"2026-12-03T10:00:00Z\""), info);
        assertTrue(Files.readString(out.resolve("en/index.html")).contains("This copy was built on 3 December 2026."));
    }
}
