package city.beacon.serve;

import city.beacon.check.HtmlChecker;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A page the preview rendered, encoded once: unchanged pages then cost a snapshot a reference,
 * not a copy. {@code key}: everything it shows, to tell whether it must be rendered again;
 * {@code inputs}: a list page's ({@link city.beacon.render.SiteRenderer.Generated#inputs()}),
 * null for an article; {@code ids}: its ids; {@code problems}: what the build's HTML check finds on it.
 */
record Rendered(Object key, Object inputs, byte[] html, Set<String> ids, List<Problem> problems) {
    /**
     * A generated page (a list, a home page...) at {@code address}, checked as a build checks it
     * ({@link HtmlChecker#page}): its findings are reported with the site's.
     */
    static Rendered checked(Object key, Object inputs, String address, String html) {
        Problems found = new Problems();
        HtmlChecker checker = new HtmlChecker();
        checker.page(address, null, html, Set.of(), found);
        return new Rendered(key, inputs, html.getBytes(StandardCharsets.UTF_8), checker.ids(address), found.sorted());
    }

    /** This page with another key and inputs: its HTML and what checking it found are the same. */
    Rendered withKey(Object key, Object inputs) {
        return new Rendered(key, inputs, html, ids, problems);
    }
}
