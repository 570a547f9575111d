package city.beacon.content;

import city.beacon.findings.Problems;
import city.beacon.markdown.LinkTargets;
import city.beacon.markdown.MarkdownRenderer;
import city.beacon.markdown.Shortcodes;
import city.beacon.model.SourceFile;
import city.beacon.model.SubSection;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The check of the sub-sections' introductions (the text of their {@code _index.md}) when the
 * content is read, so that each mistake in one (a link to a file that is not there, raw HTML, a
 * shortcode...) is reported with its file and line, as a page's are. Its links may point at any page
 * file or static file; the render stage makes them addresses.
 */
final class Introductions {
    private Introductions() {
    }

    static void check(List<SubSection> subSections, List<String> pageFiles, List<SourceFile> staticFiles, Shortcodes shortcodes,
                      Problems problems) {
        if (subSections.stream().allMatch(s -> s.intro().isBlank())) return;
        Set<String> known = new HashSet<>(pageFiles);
        staticFiles.forEach(f -> known.add(f.relative()));
        subSections.stream().filter(SubSection::described).forEach(s -> known.add(s.source().relative()));
        MarkdownRenderer markdown = new MarkdownRenderer(new LinkTargets() {
            @Override
            public Optional<String> urlOf(String contentPath) {
                String path = Normalizer.normalize(contentPath, Normalizer.Form.NFC);
                return known.contains(path) ? Optional.of(path) : Optional.empty();
            }

            @Override
            public boolean isUnpublished(String contentPath) {
                return false;
            }

            @Override
            public Collection<String> knownPaths() {
                return known;
            }
        }, false, shortcodes);
        for (SubSection s : subSections) {
            if (!s.intro().isBlank()) markdown.render(s.introduction(), problems);
        }
    }
}
