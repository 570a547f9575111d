package city.beacon.check;

import city.beacon.Git;
import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The advice of a stale page names the day the editor reads it ({@code beacon review}'s "today"),
 * while the finding itself is judged at the build's own, reproducible time.
 */
class ReviewAdviceTest {
    private static final String STALE_PAGE = "content/uk/pidtrymka/hrupy-pidtrymky-dlia-vpo.md";
    /** The sample's stale page, judged at the last commit (20 November), advised on {@code today}. */
    private static String stale(String today) {
        return STALE_PAGE + ":18:1: warning: field 'reviewed': last reviewed on 2025-12-01, 354 days before this build "
                + "(2026-11-20); support pages must be reviewed at least every 180 days (review: in site.yaml); "
                + "check that the page is still correct, then write 'reviewed: " + today + "'";
    }

    /** 4 December 2026 in UTC, but 00:30 on the 5th in Kyiv (UTC+2), the sample site's time zone. */
    private static final Clock DEC_4_LATE = Clock.fixed(Instant.parse("2026-12-04T22:30:00Z"), ZoneOffset.UTC);
    private static final Clock DEC_6 = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path contentCommittedOnNov20() throws Exception {
        assumeTrue(Git.installed(), "git not installed: cannot test content kept in git");
        Path content = CheckRun.sampleContent(dir);
        Git.commitAll(content, "2026-11-20T12:00:00+02:00", "the sample");
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, anHourAgo);
        }
        return content;
    }

    private SiteBuilder.Result build(Path content, Path out, Map<String, String> environment, Clock clock) throws IOException {
        return new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), environment), clock).build();
    }

    private List<String> lines(SiteBuilder.Result result) {
        String prefix = dir.toString().replace('\\', '/') + "/";
        return result.problems().sorted().stream().map(p -> p.format().replace(prefix, "")).toList();
    }

    private List<String> aboutTheStalePage(SiteBuilder.Result result) {
        return lines(result).stream().filter(l -> l.startsWith(STALE_PAGE + ":")).toList();
    }

    @Test
    void checkAdvisesTodayInTheSiteTimeZoneNotTheLastCommitsDate() throws Exception {
        Path content = contentCommittedOnNov20();
        assertEquals(List.of(stale("2026-12-05")), aboutTheStalePage(build(content, null, Map.of(), DEC_4_LATE)));
    }

    @Test
    void sourceDateEpochGivesTheAdviceDateToo() throws Exception {
        Path content = contentCommittedOnNov20();
        // 1795000000 s: 2026-11-18T11:06:40Z, the build's own time as well
        Map<String, String> environment = Map.of("SOURCE_DATE_EPOCH", "1795000000");
        List<String> found = aboutTheStalePage(build(content, null, environment, DEC_6));
        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of(), found.stream().filter(l -> !l.endsWith("then write 'reviewed: 2026-11-18'")).toList());
    }

    @Test
    void aWarmBuildPrintsWhatAColdBuildPrintsOnTheSameDay() throws Exception {
        Path content = contentCommittedOnNov20();
        Path out = dir.resolve("public");
        build(content, out, Map.of(), DEC_4_LATE);

        SiteBuilder.Result warm = build(content, out, Map.of(), DEC_6);
        assertFalse(warm.steps().containsKey("edit build given up"), "the second build is the warm one: " + warm.timings());
        SiteBuilder.Result cold = build(content, dir.resolve("cold"), Map.of(), DEC_6);

        assertEquals(List.of(stale("2026-12-06")), aboutTheStalePage(warm));
        assertEquals(lines(cold), lines(warm));
    }
}
