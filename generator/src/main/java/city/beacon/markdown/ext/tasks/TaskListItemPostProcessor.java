// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.tasks;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.*;
import org.commonmark.parser.PostProcessor;

public class TaskListItemPostProcessor implements PostProcessor {

    private static final Pattern REGEX_TASK_LIST_ITEM = Pattern.compile("^\\[([xX\\s])]\\s+(.*)");

    @Override
    public Node process(Node node) {
        TaskListItemVisitor visitor = new TaskListItemVisitor();
        node.accept(visitor);
        return node;
    }

    private static class TaskListItemVisitor extends AbstractVisitor {

        @Override
        public void visit(ListItem listItem) {
            Node child = listItem.getFirstChild();
            if (child instanceof Paragraph) {
                Node node = child.getFirstChild();
                if (node instanceof Text) {
                    Text textNode = (Text) node;
                    Matcher matcher = REGEX_TASK_LIST_ITEM.matcher(textNode.getLiteral());
                    if (matcher.matches()) {
                        String checked = matcher.group(1);
                        boolean isChecked =
                                Objects.equals(checked, "X") || Objects.equals(checked, "x");

                        // Add the task list item marker node as the first child of the list item.
                        listItem.prependChild(new TaskListItemMarker(isChecked));

                        // Parse the node using the input after the task marker (in other words,
                        // group 2 from the matcher). (Note that the String has been trimmed, so we
                        // should add a space between the TaskListItemMarker and the text that
                        // follows it when we come to render it).
                        textNode.setLiteral(matcher.group(2));
                    }
                }
            }
            visitChildren(listItem);
        }
    }
}
