// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

public class TaskListItemHtmlNodeRenderer extends TaskListItemNodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public TaskListItemHtmlNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public void render(Node node) {
        if (node instanceof TaskListItemMarker) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("type", "checkbox");
            attributes.put("disabled", "");
            if (((TaskListItemMarker) node).isChecked()) {
                attributes.put("checked", "");
            }
            html.tag("input", context.extendAttributes(node, "input", attributes));
            // Add a space after the input tag (as the next text node has been trimmed)
            html.text(" ");
            renderChildren(node);
        }
    }

    private void renderChildren(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            context.render(node);
            node = next;
        }
    }
}
