package city.beacon.markdown;

import org.commonmark.node.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words a resident reads in a page's text, for the search index: the text of paragraphs,
 * headings, lists, quotes, tables, links and image descriptions, and the text raw HTML shows,
 * each block ended by a space; never code, nor comments, scripts or styles.
 */
final class ProseText {
    private ProseText() {
    }

    static String of(Node document) {
        StringBuilder text = new StringBuilder();
        append(document, text);
        return text.toString().strip();
    }

    private static void append(Node node, StringBuilder text) {
        if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof HtmlInline) {
            text.append(' '); // an inline tag's text is the Markdown's own, between its tags
            return;
        }
        if (node instanceof HtmlBlock block) {
            Element shown = Jsoup.parseBodyFragment(block.getLiteral()).body();
            shown.select("script, style, template, code, pre").remove();
            text.append(' ').append(shown.text()).append(' ');
            return;
        }
        if (node instanceof Text t) {
            text.append(t.getLiteral());
            return;
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append(' ');
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) append(child, text);
        if (node instanceof Block || node.getClass().getSimpleName().startsWith("TableCell")) text.append(' ');
    }
}
