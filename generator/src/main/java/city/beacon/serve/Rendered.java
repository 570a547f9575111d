package city.beacon.serve;

import city.beacon.check.HtmlIds;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A page the preview rendered, encoded once: unchanged pages then cost a snapshot a reference,
 * not a copy. {@code key}: everything it shows, to tell whether it must be rendered again;
 * {@code inputs}: a list page's ({@link city.beacon.render.SiteRenderer.Generated#inputs()}),
 * null for an article; {@code ids}: its heading ids.
 */
record Rendered(Object key, Object inputs, byte[] html, Set<String> ids) {
    static Rendered of(Object key, Object inputs, String html) {
        return new Rendered(key, inputs, html.getBytes(StandardCharsets.UTF_8), HtmlIds.of(html));
    }
}
