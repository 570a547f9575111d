// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer and inline footnotes left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.footnotes;

import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Footnotes as GitHub, Hugo and Jekyll write them: {@code text[^1]} and, anywhere in the text,
 * {@code [^1]: The note.} The notes are rendered in a list at the end, numbered in the order they
 * are referred to, each with a link back.
 */
public final class FootnotesExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private FootnotesExtension() {
    }

    public static Extension create() {
        return new FootnotesExtension();
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customBlockParserFactory(new FootnoteBlockParser.Factory()).linkProcessor(new FootnoteLinkProcessor());
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder) {
        rendererBuilder.nodeRendererFactory(FootnoteHtmlNodeRenderer::new);
    }
}
