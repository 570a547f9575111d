package city.beacon.cli;

import city.beacon.importer.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code beacon import hugo|jekyll SOURCE --content DIR}: a Beacon content folder made of a Hugo or Jekyll site. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a Hugo or Jekyll site into a new content folder: pages with their fields mapped, sub-folders as nested "
                + "sections, images and documents in static/, old addresses in data/redirects.yaml, and a report of what was "
                + "dropped or left to do. Never changes the source; never writes into a folder that is not empty.",
                "Example: beacon import hugo ../old-site --content content",
                "Then:   beacon check --migrate --content content (docs/migration.md)"})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the kind of site: hugo or jekyll")
    String kind;

    @Parameters(index = "1", description = "the old site's folder (read only)")
    Path source;

    @Option(names = "--content", required = true, description = "the content folder to write: new or empty")
    Path content;

    @Option(names = "--language", description = "the language code of a site in one language (default: Hugo's defaultContentLanguage, "
            + "Jekyll's lang, else en)")
    String language;

    @Option(names = "--report", description = "where to write the report (default: import-report.md beside the content folder)")
    Path report;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        Importer.Kind k;
        try {
            k = Importer.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("beacon import: '" + kind + "' is not a kind of site Beacon imports; write hugo or jekyll");
            return NewCommand.USAGE;
        }
        if (language != null && !language.matches("[a-z]{2,3}")) {
            System.err.println("beacon import: --language " + language + " is not a language code; write one like uk or en");
            return NewCommand.USAGE;
        }
        Path parent = content.toAbsolutePath().normalize().getParent();
        Path reportFile = report != null ? report : (parent == null ? Path.of("import-report.md") : parent.resolve("import-report.md"));
        try {
            Importer.Result r = Importer.run(new Importer.Options(k, source, content, Optional.ofNullable(language), reportFile));
            System.out.println("Imported " + r.pages() + " pages and " + r.files() + " files into " + content + "; " + r.redirects()
                    + " old addresses kept, " + r.unresolvedLinks() + " links not resolved, " + r.shortcodesLeft()
                    + " shortcodes left. Report: " + reportFile);
            System.out.println("Next: beacon check --migrate --content " + content + " (docs/migration.md)");
            return 0;
        } catch (Importer.Refused e) {
            System.err.println("beacon import: " + e.getMessage());
            return Main.CONTENT_ERRORS;
        }
    }
}
