// Copied from commonmark-java (https://github.com/commonmark/commonmark-java, BSD-2-Clause, see
// generator/src/main/resources/META-INF/LICENSE-commonmark-java.txt), because its artifact is not in the Maven repository this project builds from; only the package
// names are changed and the Markdown (not HTML) renderer left out. Replace with the dependency when it is there.
package city.beacon.markdown.ext.footnotes;

import org.commonmark.node.CustomNode;

public class InlineFootnote extends CustomNode {}
