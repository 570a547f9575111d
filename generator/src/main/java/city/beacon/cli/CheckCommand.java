package city.beacon.cli;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problems;
import city.beacon.findings.Report;
import city.beacon.render.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code beacon check}: everything a build checks, content and generated HTML, without
 * publishing anything (the build renders into a temporary folder and deletes it).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the content and the pages it makes, without touching the published site. "
                + "Exit 0: no errors; 1: errors (or, with --strict, warnings); 2: wrong options.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    ContentOptions common;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class, paramLabel = "text|json|github",
            description = "text (one line per finding), json (for bots) or github (annotations in GitHub Actions); default: ${DEFAULT-VALUE}")
    Report.Format format;


    @Override
    public Integer call() throws Exception {
        SiteBuilder.Options options = new SiteBuilder.Options(common.content, null, strict, false, Theme.bundled(), System.getenv());
        SiteBuilder.Result result = new SiteBuilder(options).build();
        Problems problems = strict ? result.problems().withWarningsAsErrors() : result.problems();
        Report.print(format, problems, System.out, common.debug);
        if (format == Report.Format.TEXT) System.out.println(result.summary(null));
        return problems.failBuild(strict) ? Main.CONTENT_ERRORS : 0;
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Report.Format> {
        @Override
        public Report.Format convert(String value) {
            try {
                return Report.Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected text, json or github, got '" + value + "'");
            }
        }
    }
}
