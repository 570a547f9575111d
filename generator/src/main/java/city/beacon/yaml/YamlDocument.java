package city.beacon.yaml;

import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML text that remembers where each value stood, so that a finding about a field
 * can name its line and column in the editor's file.
 */
public final class YamlDocument {
    /** Front matter and data files are small; anything larger is a mistake or an attack. */
    static final int MAX_YAML_CHARS = 1_000_000;
    private static final int MAX_DEPTH = 50;

    private static final ObjectMapper MAPPER = new ObjectMapper(yamlFactory());

    private final JsonNode root;
    private final Map<String, Location> locations;
    /** The text parsed, and the file line it starts on: for {@link #charsOnLine}. */
    private final String text;
    private final int firstLine;

    /** Where a value stood: 1-based line and column in the file. */
    public record Location(int line, int column) {
    }

    private YamlDocument(JsonNode root, Map<String, Location> locations, String text, int firstLine) {
        this.root = root;
        this.locations = locations;
        this.text = text;
        this.firstLine = firstLine;
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        return factory;
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The document as keys and their texts, sorted by key (an interface texts file: {@code skip_link:
     * Skip to content}); empty when it is not a mapping (nothing, a list, a lone text).
     */
    public java.util.Optional<Map<String, String>> texts() {
        if (root == null || !root.isObject()) return java.util.Optional.empty();
        Map<String, String> texts = new java.util.TreeMap<>();
        root.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return java.util.Optional.of(texts);
    }

    /** The location of the value at {@code pointer}, or of its nearest parent that has one. */
    public Location locate(JsonPointer pointer) {
        JsonPointer p = pointer;
        while (p != null) {
            Location found = locations.get(p.toString());
            if (found != null) return found;
            p = p.head();
        }
        return new Location(1, 1);
    }

    /** How many characters the file's line {@code at} has from its column on (0 when it has none). */
    public int charsOnLine(Location at) {
        int line = at.line() - firstLine;
        int start = 0;
        for (int i = 0; i < line && start >= 0; i++) {
            start = text.indexOf('\n', start);
            if (start >= 0) start++;
        }
        if (start < 0 || line < 0) return 0;
        int end = text.indexOf('\n', start);
        int length = (end < 0 ? text.length() : end) - start;
        return Math.max(0, length - Math.max(0, at.column() - 1));
    }

    /** The text of the file's line {@code at} from its column on ("" when it has none). */
    public String restOfLine(Location at) {
        int chars = charsOnLine(at);
        if (chars == 0) return "";
        int line = at.line() - firstLine;
        int start = 0;
        for (int i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
        int from = start + Math.max(0, at.column() - 1);
        return text.substring(from, from + chars);
    }

    /**
     * Parses {@code yaml}; {@code firstLine} is the file line the text starts on. On a syntax
     * error, reports it with its line and returns null.
     */
    public static YamlDocument parse(String yaml, String file, int firstLine, Problems problems) {
        if (yaml.length() > MAX_YAML_CHARS) {
            problems.error(file, firstLine, 1, null, "the YAML is " + yaml.length() + " characters long; at most "
                    + MAX_YAML_CHARS + " are read", "split it into smaller files");
            return null;
        }
        int tab = tabIndent(yaml);
        if (tab >= 0) {
            problems.error(file, firstLine + tab, 1, null, "a tab character indents this line",
                    "YAML needs spaces for indentation: replace the tab with two spaces");
            return null;
        }
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
            JsonNode root = MAPPER.readTree(new RecordingParser(parser, locations, firstLine - 1, file, problems));
            if (root == null || root.isMissingNode()) root = MAPPER.createObjectNode();
            return new YamlDocument(root, locations, yaml, firstLine);
        } catch (AliasFound e) {
            return null;
        } catch (StreamReadException e) {
            YamlMistake mistake = YamlMistake.explain(e, yaml, firstLine);
            problems.error(file, mistake.line(), mistake.column(), null,
                    Problem.withDebugDetail(mistake.message(), "YAML parser: " + describe(e, firstLine)), mistake.suggestion());
            return null;
        } catch (IOException e) {
            problems.error(file, firstLine, 0, null, "the YAML cannot be read: " + e.getMessage(), null);
            return null;
        }
    }

    private static int tabIndent(String yaml) {
        int line = 0;
        boolean lineStart = true;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
            } else if (lineStart && c == '\t') {
                return line;
            } else if (c != ' ') {
                lineStart = false;
            }
        }
        return -1;
    }

    /** SnakeYAML's problem, and what it was reading when it found it, without its copy of the text. */
    private static String describe(StreamReadException e, int firstLine) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String message = marked.getProblem();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                message += " (" + marked.getContext() + " that starts on line " + (firstLine + marked.getContextMark().getLine()) + ")";
            }
            return message.replaceAll("\\s+", " ").trim();
        }
        String message = e.getOriginalMessage();
        if (message == null) return "syntax error";
        int cut = message.indexOf("\n in 'reader'");
        if (cut > 0) message = message.substring(0, cut);
        return message.replaceAll("\\s+", " ").trim();
    }

    private static final class AliasFound extends IOException {
        AliasFound() {
            super("alias");
        }
    }

    /** Reads tokens for Jackson's tree builder while noting where each field and item begins. */
    private static final class RecordingParser extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private final Map<String, Location> locations;
        private final int lineOffset;
        private final String file;
        private final Problems problems;

        RecordingParser(JsonParser delegate, Map<String, Location> locations, int lineOffset, String file, Problems problems) {
            super(delegate);
            this.locations = locations;
            this.lineOffset = lineOffset;
            this.file = file;
            this.problems = problems;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == null) return null;
            JsonLocation at = delegate.currentTokenLocation();
            Location here = new Location(at.getLineNr() + lineOffset, at.getColumnNr());
            if (delegate instanceof YAMLParser yaml && (yaml.isCurrentAlias() || yaml.getCurrentAnchor() != null)) {
                // Anchors and aliases have no use in front matter and are the basis of "billion laughs" attacks.
                problems.error(file, here.line(), here.column(), null,
                        "YAML anchors and aliases (&name, *name) are not allowed",
                        "write the value out in full");
                throw new AliasFound();
            }
            if (token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
                locations.putIfAbsent(delegate.getParsingContext().pathAsPointer().toString(), here);
            }
            return token;
        }
    }
}
