package city.beacon.review;

import city.beacon.findings.Problems;
import city.beacon.findings.Report;
import city.beacon.model.SiteConfig;
import city.beacon.content.ContentLoader;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The editors' review: when each page was last checked against reality and whether that is too
 * long ago by the policy in site.yaml ({@code review:} days per kind), which pages lack a
 * translation, still hold example data, or are alerts not in force at {@code now}.
 */
public final class Review {
    private Review() {
    }

    /** Stale pages first (never reviewed, then the longest overdue), then by when they fall due, pages without a policy last. */
    static final Comparator<ReviewReport.Item> ORDER = Comparator
            .comparing((ReviewReport.Item i) -> !i.stale())
            .thenComparing(i -> i.due() != null ? i.due() : i.stale() ? LocalDate.MIN : LocalDate.MAX, Comparator.naturalOrder())
            .thenComparing(ReviewReport.Item::file);

    public static ReviewReport of(ContentLoader.Content content, Instant now) {
        SiteConfig config = content.config();
        LocalDate today = LocalDate.ofInstant(now, config.timezone());
        // Translations are paired as the published site pairs them; its findings are the build's business.
        Site site = SiteModel.build(config, content.pages(), content.pageFiles(), content.data(), content.staticFiles(),
                now, true, new Problems());
        List<ReviewReport.Item> items = new ArrayList<>();
        for (Page page : content.pages()) {
            Integer days = config.reviewDays().get(page.kind());
            LocalDate checked = page.reviewed() != null ? page.reviewed() : page.updated();
            LocalDate due = days == null || checked == null ? null : checked.plusDays(days);
            boolean stale = days != null && (due == null || today.isAfter(due));
            items.add(new ReviewReport.Item(page.source().display(), page.lang(), page.kind(), page.title(), page.draft(),
                    page.reviewed(), due, stale, missingLanguages(config, site, page), exampleData(page),
                    alertState(page, now, config.timezone())));
        }
        items.sort(ORDER);
        return new ReviewReport(today, config.reviewDays(), List.copyOf(items));
    }

    private static List<String> missingLanguages(SiteConfig config, Site site, Page page) {
        if (!site.pages().contains(page)) return List.of(); // an alert not in force: not on the site to translate
        Optional<Page> translation = site.translationOf(page);
        return config.languageCodes().stream()
                .filter(lang -> !lang.equals(page.lang()))
                .filter(lang -> translation.map(t -> !t.lang().equals(lang)).orElse(true))
                .toList();
    }

    private static List<String> exampleData(Page page) {
        List<String> found = new ArrayList<>();
        if (page.example()) found.add("the page is marked 'example: true'");
        List<Place> places = page.details() instanceof Details.Service s ? s.places()
                : page.details() instanceof Details.Support s ? s.places() : List.of();
        long examplePlaces = places.stream().filter(Place::example).count();
        if (examplePlaces > 0) found.add(Report.count(examplePlaces, "example place"));
        if (page.details() instanceof Details.Support s) {
            long phones = s.phones().stream().filter(Phone::example).count();
            if (phones > 0) found.add(Report.count(phones, "example phone number"));
        }
        return List.copyOf(found);
    }

    /** Null for a page that is not an alert or an alert in force; else why it is not shown. */
    private static String alertState(Page page, Instant now, ZoneId zone) {
        if (!(page.details() instanceof Details.Alert alert) || alert.activeAt(now)) return null;
        return now.isBefore(alert.starts()) ? "scheduled: starts " + LocalDate.ofInstant(alert.starts(), zone)
                : "expired on " + LocalDate.ofInstant(alert.expires(), zone);
    }
}
