package city.beacon.serve;

import city.beacon.build.Memory;
import city.beacon.build.SiteBuilder;
import city.beacon.content.ContentLoader;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.mirror.MirrorOptions;
import city.beacon.publish.MemorySite;
import city.beacon.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site the live preview serves: the build itself, in its memory mode ({@link Memory}), with
 * drafts shown. Each save runs the same steps as {@code beacon build} over what the last build
 * kept in memory (the site, the page cache, the build cache), so it renders only what changed, as
 * a warm build does, and finds what a build finds. Rebuilt from one thread; read from any.
 */
public final class PreviewSite {
    /**
     * What the server serves: the files by their path in the site ("en/index.html"), as the last
     * build that published made them, and what the last build found (sorted), of which the errors
     * are shown instead of the pages.
     */
    public record Snapshot(long version, Map<String, byte[]> files, List<Problem> findings) {
        /** The findings that fail a build: the server shows them instead of the pages. */
        public List<Problem> errors() {
            return findings.stream().filter(Problem::isError).toList();
        }
    }

    /**
     * What one rebuild did, for the terminal: the pages and pages of lists rendered rather than kept,
     * in how long, and the milliseconds of each step ({@code serve --timings}).
     */
    public record Rebuild(int pagesRendered, int pages, int listPagesRendered, int listPages, long millis, String timings) {
    }

    private final Path contentDir;
    private final SiteBuilder.Options options;
    private final Clock clock;
    private final Memory memory = new Memory();
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), List.of());

    public PreviewSite(Path contentDir, Theme theme, Map<String, String> environment) {
        this(contentDir, theme, environment, Clock.systemUTC());
    }

    /** {@code clock}: what dates the advice of findings, unless SOURCE_DATE_EPOCH is set (a build's is the same). */
    public PreviewSite(Path contentDir, Theme theme, Map<String, String> environment, Clock clock) {
        this.contentDir = contentDir;
        this.options = new SiteBuilder.Options(contentDir, null, false, true, theme, environment, null, MirrorOptions.NONE);
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Builds the site again in memory, as {@code beacon build} would with drafts shown, and serves what it published. */
    public Rebuild rebuild() throws IOException {
        SiteBuilder.Result result = new SiteBuilder(options, clock, memory).build();
        MemorySite site = memory.site();
        List<Problem> findings = result.problems().sorted();
        boolean same = site.files() == snapshot.files() && findings.equals(snapshot.findings());
        snapshot = new Snapshot(same ? snapshot.version() : snapshot.version() + 1, site.files(), findings);
        int pages = result.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();
        return new Rebuild(result.rendered(), pages, result.listPagesRendered(), result.listPages(), result.millis(), result.timings());
    }

    /** The content as it is now, drafts included, for the review page; empty when site.yaml cannot be read. */
    public Optional<ContentLoader.Content> content() throws IOException {
        if (!Files.isDirectory(contentDir)) return Optional.empty();
        return new ContentLoader(contentDir).load(new Problems());
    }
}
