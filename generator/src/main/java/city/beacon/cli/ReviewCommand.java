package city.beacon.cli;

import city.beacon.findings.Problems;
import city.beacon.findings.Report;
import city.beacon.content.ContentLoader;
import city.beacon.model.BuildClock;
import city.beacon.review.Review;
import city.beacon.review.ReviewReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code beacon review}: which pages are due for review, untranslated, or still hold example data. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"List every page with the date it was last reviewed, stale ones first (by 'review:' in site.yaml), "
                + "then pages without a translation, pages still holding example data and alerts not in force.",
                "The date is today, or SOURCE_DATE_EPOCH when set."})
public final class ReviewCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    ContentOptions common;

    @Option(names = "--strict", description = "exit with status 1 when any page is stale (for a scheduled CI job)")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;


    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(common.content)) {
            System.err.println(common.content + ": error: the content folder does not exist; pass --content <folder>");
            return Main.CONTENT_ERRORS;
        }
        Problems problems = new Problems();
        Optional<ContentLoader.Content> loaded = new ContentLoader(common.content).load(problems);
        Report.text(problems, System.err);
        if (loaded.isEmpty()) return Main.CONTENT_ERRORS;
        Map<String, String> environment = System.getenv();
        Instant now = environment.containsKey("SOURCE_DATE_EPOCH")
                ? BuildClock.resolve(environment, List.of(), loaded.get().config().timezone()) : Instant.now();
        ReviewReport report = Review.of(loaded.get(), now);
        System.out.print(format == Format.json ? report.json() : report.text());
        return strict && !report.stale().isEmpty() ? Main.CONTENT_ERRORS : 0;
    }
}
