package city.beacon.check;

import city.beacon.findings.Problems;
import city.beacon.findings.DidYouMean;
import city.beacon.markdown.RenderedMarkdown;
import city.beacon.model.Page;
import city.beacon.model.Slugs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks every #fragment written in Markdown against the ids of the page it points at. */
public final class LinkChecker {
    private LinkChecker() {
    }

    /** {@code ids}: every published address with the ids on that page. */
    public static void checkFragments(Page page, List<RenderedMarkdown.InternalLink> links,
                                      Map<String, Set<String>> ids, Problems problems) {
        for (RenderedMarkdown.InternalLink link : links) {
            if (link.fragment() == null || link.fragment().isEmpty()) continue;
            Set<String> targetIds = ids.get(link.targetUrl());
            if (targetIds == null || targetIds.contains(link.fragment())) continue;
            // Heading ids keep their Cyrillic; an editor often writes the Latin form of the address.
            String suggestion = targetIds.stream().filter(id -> Slugs.slugify(id).equals(Slugs.slugify(link.fragment()))).findFirst()
                    .or(() -> DidYouMean.closest(link.fragment(), targetIds))
                    .map(id -> "did you mean '#" + id + "'?")
                    .orElse(targetIds.isEmpty() ? "that page has no headings to link to"
                            : "the headings there are: " + String.join(", ", targetIds.stream().sorted().map(i -> "#" + i).toList()));
            problems.error(page.source().display(), link.line(), link.column(), null,
                    "the link \"" + link.written() + "\" points to a heading that does not exist", suggestion);
        }
    }
}
