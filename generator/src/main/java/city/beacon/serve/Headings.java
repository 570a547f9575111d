package city.beacon.serve;

import city.beacon.check.LinkChecker;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.markdown.RenderedMarkdown.InternalLink;
import city.beacon.model.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The heading ids of every page the preview serves, the pages linking to a heading of another, and
 * the errors of each page's Markdown and links to headings: so that when a page's headings change,
 * only the pages linking to them are checked again. Not thread-safe.
 */
final class Headings {
    /** By address. */
    private final Map<String, Set<String>> ids = new HashMap<>();
    /** By address: the pages (source paths) linking to one of its headings. */
    private final Map<String, Set<String>> linkedFrom = new HashMap<>();
    /** By source path, the pages with findings in their Markdown or their links to headings. */
    private final Map<String, List<Problem>> errors = new HashMap<>();

    void clear() {
        ids.clear();
        linkedFrom.clear();
        errors.clear();
    }

    /** The page at {@code url} has the headings {@code ids} (null: there is no page there any more). */
    void page(String url, Set<String> ids) {
        if (ids == null) this.ids.remove(url);
        else this.ids.put(url, ids);
    }

    /** The pages (source paths) linking to one of the headings of the page at {@code url}. */
    Set<String> linkingTo(String url) {
        return linkedFrom.getOrDefault(url, Set.of());
    }

    /** Notes ({@code add}) or forgets the pages the page at {@code source} links to a heading of. */
    void links(String source, List<InternalLink> links, boolean add) {
        for (InternalLink link : links) {
            if (link.fragment() == null || link.fragment().isEmpty()) continue;
            if (add) {
                linkedFrom.computeIfAbsent(link.targetUrl(), url -> new HashSet<>()).add(source);
            } else if (linkedFrom.containsKey(link.targetUrl())) {
                linkedFrom.get(link.targetUrl()).remove(source);
            }
        }
    }

    /** Checks the links to headings of {@code page} (at {@code source}), and keeps its findings with its Markdown's {@code found}. */
    void check(String source, Page page, List<InternalLink> links, List<Problem> found) {
        Problems problems = new Problems();
        found.forEach(problems::add);
        LinkChecker.checkFragments(page, links, ids, problems);
        List<Problem> errors = problems.sorted();
        if (errors.isEmpty()) this.errors.remove(source);
        else this.errors.put(source, errors);
    }

    /** The findings of every page (warnings too: the preview reports what the build reports). */
    List<Problem> findings() {
        List<Problem> all = new ArrayList<>();
        errors.values().forEach(all::addAll);
        return all;
    }
}
