package city.beacon.model;

/**
 * One page's facts replaced in a site ({@link SiteModel#replace}): {@code site} is {@code from}
 * with {@code before}, the page as {@code from} holds it, replaced by {@code after}, which is in
 * the same lists and files as before (same address, language, section, translation), at its own
 * place in them. What kept its work on {@code from} (the live preview's lists and whole-site
 * files) redoes it for that page alone.
 */
public record Replacement(Site from, Site site, Page before, Page after) {
}
