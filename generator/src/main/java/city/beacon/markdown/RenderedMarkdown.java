package city.beacon.markdown;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Markdown stage hands on: the body HTML, and the facts later stages check without
 * parsing the HTML again (the headings with their ids, the links to other pages). {@code checkedHrefs}:
 * hrefs in the HTML whose problems this stage reports itself, with the editor's line, so that
 * the check of the generated HTML does not report them a second time without one. {@code tags}:
 * when asked for, and the text had no raw HTML, every heading and every element with attributes
 * in {@code html}, as the renderer wrote them: all the check of the page needs of its text, so
 * only the rest of the page is parsed. Empty when the text had raw HTML (only parsing tells what
 * it became) or the tags were not asked for. {@code prose}: the words of the text a resident reads,
 * without code or raw HTML (what the search index takes of it).
 */
public record RenderedMarkdown(String html, List<Heading> headings, List<InternalLink> links, Set<String> checkedHrefs,
                               Optional<List<Tag>> tags, String prose) {

    /** An element of the body: its tag name and its attributes, in the order written. */
    public record Tag(String name, Map<String, String> attributes) {
    }

    public record Heading(int level, String text, String id, int line) {
    }

    /** A link to a page of the site: its address, the {@code #fragment} if any, and where it was written. */
    public record InternalLink(String targetUrl, String fragment, String written, int line, int column) {
    }
}
