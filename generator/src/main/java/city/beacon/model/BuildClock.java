package city.beacon.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one moment a build is "at": it decides which alerts are active and what the footer says.
 * Never the wall clock, so that two builds of the same content are byte-identical.
 */
public final class BuildClock {
    private BuildClock() {
    }

    /** The build time of content that is not in git (or whose commit does not matter, as in a preview). */
    public static Instant resolve(Map<String, String> environment, List<Page> pages, ZoneId zone) {
        return resolve(environment, pages, zone, Optional.empty());
    }

    /**
     * {@code SOURCE_DATE_EPOCH} (seconds, the reproducible-builds convention) when set; else the
     * time of the last commit of the content when it is kept in git; else the newest 'updated'
     * or 'reviewed' date of the pages (the start of that day in {@code zone}).
     */
    public static Instant resolve(Map<String, String> environment, List<Page> pages, ZoneId zone,
                                  Optional<Instant> contentCommitTime) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be a number of seconds, got \"" + epoch + "\"");
            }
        }
        if (contentCommitTime.isPresent()) return contentCommitTime.get();
        LocalDate newest = null; // a loop, not a stream: the live preview asks again at every edit of 10 000 pages
        for (Page page : pages) {
            newest = later(later(newest, page.updated()), page.reviewed());
        }
        return newest == null ? Instant.EPOCH : newest.atStartOfDay(zone).toInstant();
    }

    /**
     * The day an editor acts on advice ("then write 'reviewed: ...'"), as {@code beacon review}
     * counts it: the date of {@code SOURCE_DATE_EPOCH} when set, so that tests stay reproducible,
     * else the date of {@code clock} in the site's time zone. Never the build time, which may be
     * the last commit's, days ago.
     */
    public static LocalDate today(Map<String, String> environment, ZoneId zone, java.time.Clock clock) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        Instant now = epoch != null && !epoch.isBlank() ? resolve(environment, List.of(), zone) : clock.instant();
        return LocalDate.ofInstant(now, zone);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
