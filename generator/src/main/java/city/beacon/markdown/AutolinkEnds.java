package city.beacon.markdown;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Closing typographic quotes and brackets after an address written in the text («https://…»,
 * “https://…”) are the sentence's, not the address's: the autolink extension (after which this
 * runs) keeps them, since a URL may hold them; here they move out of the link again, with the
 * sentence's punctuation that stood before them ({@code “https://example.org/a.”}).
 */
final class AutolinkEnds implements Parser.ParserExtension {
    /** Closing quotes and brackets of Ukrainian and English typography, never the last character of an address. */
    private static final String CLOSING = "”’»›」』】〉）";
    /** Sentence punctuation that the autolink extension leaves out of an address at its end, and so does this. */
    private static final String PUNCTUATION = ".,:;!?";

    static Extension create() {
        return new AutolinkEnds();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new PostProcessor() {
            @Override
            public Node process(Node document) {
                List<Link> links = new ArrayList<>();
                document.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Link link) {
                        links.add(link);
                    }
                });
                links.forEach(AutolinkEnds::trim);
                return document;
            }
        });
    }

    /** Moves the closing characters at the end of a link whose text is its address out of it. */
    private static void trim(Link link) {
        if (!(link.getFirstChild() instanceof Text text) || text.getNext() != null) return;
        String shown = text.getLiteral();
        String destination = link.getDestination();
        if (shown.isEmpty() || !destination.endsWith(shown) || CLOSING.indexOf(shown.charAt(shown.length() - 1)) < 0) return;
        int end = shown.length();
        while (end > 0 && (CLOSING.indexOf(shown.charAt(end - 1)) >= 0 || PUNCTUATION.indexOf(shown.charAt(end - 1)) >= 0)) end--;
        if (end == 0) return;
        String tail = shown.substring(end);
        text.setLiteral(shown.substring(0, end));
        link.setDestination(destination.substring(0, destination.length() - tail.length()));
        link.insertAfter(new Text(tail));
    }
}
