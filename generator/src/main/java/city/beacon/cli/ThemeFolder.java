package city.beacon.cli;

import city.beacon.publish.Publisher;
import city.beacon.render.Theme;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The theme of a {@code build} or {@code check}: the jar's own, or with {@code --templates DIR} a
 * whole theme folder (templates, i18n/, assets/) compiled at run time into a folder that goes
 * when the command ends. Either way the portal's own theme folder (content/theme/) is layered over it.
 */
final class ThemeFolder implements AutoCloseable {
    /** {@code --templates DIR} of {@code build} and {@code check}: a mixin, so that both say it alike. */
    static final class Choice {
        @Option(names = "--templates", paramLabel = "DIR", description = "a whole theme folder (templates, i18n/, assets/), compiled at run "
                + "time, in place of the one in the jar; the portal's own content/theme/ is read either way")
        Path templates;

        /** The theme chosen, to be closed when the command ends. */
        ThemeFolder open(CommandSpec spec) throws IOException {
            return ThemeFolder.of(templates, spec);
        }
    }

    private final Theme theme;
    private final Path scratch;

    private ThemeFolder(Theme theme, Path scratch) {
        this.theme = theme;
        this.scratch = scratch;
    }

    /** {@code templates}: the folder {@code --templates} names, or null for the jar's theme. */
    static ThemeFolder of(Path templates, CommandSpec spec) throws IOException {
        if (templates == null) return new ThemeFolder(Theme.bundled(), null);
        if (!Files.isDirectory(templates)) {
            throw new ParameterException(spec.commandLine(), "--templates: no folder at " + templates
                    + " (a theme folder holds layout.jte and the other templates, i18n/ and assets/; see docs/templates.md)");
        }
        Path scratch = Files.createTempDirectory("beacon-templates");
        return new ThemeFolder(Theme.directory(templates, scratch.resolve("templates")), scratch);
    }

    Theme theme() {
        return theme;
    }

    @Override
    public void close() throws IOException {
        if (scratch != null) Publisher.deleteTree(scratch);
    }
}
