package city.beacon.check;

import city.beacon.model.Page;
import city.beacon.model.Site;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The review policy of site.yaml ({@code review: {support: 180, ...}}, days per kind): a page
 * whose {@code reviewed} date is older than that, counted back from the build time, may give a
 * resident outdated advice. A warning, so it fails only {@code --strict} runs.
 */
public final class ReviewPolicy {
    private ReviewPolicy() {
    }

    public static void check(Site site, Problems problems) {
        LocalDate today = site.buildDate();
        for (Page page : site.pages()) {
            Integer days = site.config().reviewDays().get(page.kind());
            if (days == null || page.reviewed() == null) continue;
            long age = ChronoUnit.DAYS.between(page.reviewed(), today);
            if (age <= days) continue;
            problems.warning(page.source().display(), page.reviewedLine(), 1, "reviewed",
                    "last reviewed on " + page.reviewed() + ", " + age + " days before this build (" + today + "); "
                            + page.kind().id() + " pages must be reviewed at least every " + days + " days (review: in site.yaml)",
                    "check that the page is still correct, then write 'reviewed: " + today + "'");
        }
    }
}
