package city.beacon.render;

import city.beacon.findings.Problems;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.Shortcodes;
import city.beacon.model.Site;
import city.beacon.model.SubSection;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The introductions of sub-sections (the Markdown of their {@code _index.md}) as HTML, rendered as
 * pages' text is, links to .md files made relative to the sub-section's list. The text's own
 * mistakes are reported, with their lines, when the content is read ({@code content.Introductions}).
 */
final class Introductions {
    private final Site site;
    /** Made when the first introduction is rendered: most sites have none, and the preview makes a renderer at every edit. */
    private MarkdownRenderer markdown;

    Introductions(Site site) {
        this.site = site;
    }

    private synchronized MarkdownRenderer markdown() {
        if (markdown != null) return markdown;
        Map<String, String> urls = new HashMap<>();
        site.bySource().forEach((relative, page) -> urls.put(relative, page.url()));
        site.staticFiles().forEach(f -> urls.put(f.relative(), f.relative()));
        urls.putAll(site.data().subSectionIndexes());
        markdown = new MarkdownRenderer(new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                return Optional.ofNullable(urls.get(Normalizer.normalize(contentPath, Normalizer.Form.NFC)));
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return false;
            }

            @Override
            public Collection<String> knownPaths() {
                return urls.keySet();
            }
        }, false, new Shortcodes(site.config().shortcodes(), false)); // as site.yaml says; the findings are the content stage's
        return markdown;
    }

    /** The introduction of {@code s} as HTML; "" when it has none. */
    String html(SubSection s) {
        if (s.intro().isBlank()) return "";
        return markdown().render(s.introduction(), new Problems()).html();
    }
}
