// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.footnotes;

import org.commonmark.node.CustomNode;

/**
 * A footnote reference, e.g. <code>[^foo]</code> in <code>Some text with a footnote[^foo]</code>
 *
 * <p>The {@link #getLabel() label} is the text within brackets after {@code ^}, so {@code foo} in
 * the example. It needs to match the label of a corresponding {@link FootnoteDefinition} for the
 * footnote to be parsed.
 */
public class FootnoteReference extends CustomNode {
    private String label;

    public FootnoteReference(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
