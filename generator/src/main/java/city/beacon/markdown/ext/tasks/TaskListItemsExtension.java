// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.tasks;

import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Task lists as GitHub writes them: a list item that starts with {@code [ ]} or {@code [x]} shows a (read-only) check box. */
public final class TaskListItemsExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private TaskListItemsExtension() {
    }

    public static Extension create() {
        return new TaskListItemsExtension();
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessor(new TaskListItemPostProcessor());
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder) {
        rendererBuilder.nodeRendererFactory(TaskListItemHtmlNodeRenderer::new);
    }
}
