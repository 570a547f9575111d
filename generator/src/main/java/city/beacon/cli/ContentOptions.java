package city.beacon.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of every command that reads the portal: where it is, and whether to show stack traces. */
public final class ContentOptions {
    @Option(names = "--content", defaultValue = "content", description = "the content folder (default: ${DEFAULT-VALUE})")
    Path content;

    // Read by Main's exception handler from the parse result; declared here so every command accepts it.
    @Option(names = "--debug", description = "show stack traces of internal errors, and the YAML parser's own words")
    boolean debug;
}
