package city.beacon.markdown;

import java.util.List;

/**
 * What the Markdown stage hands on: the body HTML, and the facts later stages check without
 * parsing the HTML again (the headings with their ids, the links to other pages).
 */
public record RenderedMarkdown(String html, List<Heading> headings, List<InternalLink> links) {

    public record Heading(int level, String text, String id, int line) {
    }

    /** A link to a page of the site: its address, the {@code #fragment} if any, and where it was written. */
    public record InternalLink(String targetUrl, String fragment, String written, int line, int column) {
    }
}
