package city.beacon.check;

import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.PlaceRecord;
import city.beacon.model.Site;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The review policy of site.yaml ({@code review: {support: 180, ...}}, days per kind): a page
 * whose {@code reviewed} date is older than that, counted back from the build time, may give a
 * resident outdated advice; so may a place of data/places.csv whose {@code verified} date is older
 * than {@code places: review_days}. A warning, so it fails only {@code --strict} runs.
 *
 * <p>The finding is judged at the build time, but its advice names the day the editor reads it.
 * The build caches keep findings and print them again on later days, so a finding holds
 * {@link #TODAY} in its suggestion, and {@link #advise} puts the date in when it is reported.
 */
public final class ReviewPolicy {
    private ReviewPolicy() {
    }

    /** Stands for today's date in a kept finding's suggestion; a control character, never in an editor's text. */
    static final String TODAY = "\u001Etoday\u001E";

    /** {@code problem} with today's date for {@link #TODAY}: what an editor reads on {@code today}. */
    public static Problem advise(Problem problem, LocalDate today) {
        String suggestion = problem.suggestion();
        if (suggestion == null || !suggestion.contains(TODAY)) return problem;
        return new Problem(problem.severity(), problem.file(), problem.line(), problem.column(), problem.field(),
                problem.message(), suggestion.replace(TODAY, today.toString()));
    }

    public static void check(Site site, Problems problems) {
        LocalDate built = site.buildDate();
        for (Page page : site.pages()) {
            Integer days = site.config().reviewDays().get(page.kind());
            if (days == null || page.reviewed() == null) continue;
            long age = ChronoUnit.DAYS.between(page.reviewed(), built);
            if (age <= days) continue;
            problems.warning(page.source().display(), page.reviewedLine(), 1, "reviewed",
                    "last reviewed on " + page.reviewed() + ", " + age + " days before this build (" + built + "); "
                            + page.kind().id() + " pages must be reviewed at least every " + days + " days (review: in site.yaml)",
                    "check that the page is still correct, then write 'reviewed: " + TODAY + "'");
        }
        checkPlaces(site, problems);
    }

    /** A place verified longer ago than {@code places: review_days} (site.yaml): found at its 'verified' cell. */
    private static void checkPlaces(Site site, Problems problems) {
        int days = site.config().places().reviewDays();
        if (days <= 0) return;
        LocalDate built = site.buildDate();
        for (PlaceRecord place : site.data().places().records()) {
            if (place.verified() == null) continue; // reported as never verified when read
            long age = ChronoUnit.DAYS.between(place.verified(), built);
            if (age <= days) continue;
            problems.warning(place.at().file(), place.at().line(), place.at().column(), "verified",
                    "place '" + place.id() + "' was last verified on " + place.verified() + ", " + age + " days before this build ("
                            + built + "); places must be verified at least every " + days + " days (places: review_days in site.yaml)",
                    "check that the place is still there as written, then write " + TODAY + " in its 'verified' column");
        }
    }
}
