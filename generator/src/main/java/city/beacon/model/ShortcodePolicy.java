package city.beacon.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the build does with a Hugo shortcode of a given name left in a page's text, as
 * {@code site.yaml} says ({@code shortcodes: {note: template, tab: unwrap, youtube: drop}}). A
 * shortcode whose name has no policy is a finding.
 */
public enum ShortcodePolicy {
    /** The opening and closing tags are removed; the Markdown between them is kept. */
    UNWRAP,
    /** The shortcode and the text between its tags are removed, with one warning per page. */
    DROP,
    /**
     * The shortcode is written with the theme's {@code templates/shortcodes/<name>.html}: its
     * Markdown between the tags rendered in place of {@code {{inner}}}, its arguments in place of
     * {@code {{0}}}, {@code {{1}}}... and {@code {{name}}}, escaped.
     */
    TEMPLATE;

    /** The name written in site.yaml. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ShortcodePolicy::id).toList();
    }

    public static Optional<ShortcodePolicy> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }
}
