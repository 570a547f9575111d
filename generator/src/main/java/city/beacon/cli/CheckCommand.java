package city.beacon.cli;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problems;
import city.beacon.content.ImportHints;
import city.beacon.findings.Report;
import city.beacon.mirror.MirrorOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
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

    @Mixin
    MessageLanguage language;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class, paramLabel = "text|json|github",
            description = "text (one line per finding), json (for bots) or github (annotations in GitHub Actions); default: ${DEFAULT-VALUE}")
    Report.Format format;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "" + Report.DEFAULT_MAX_FINDINGS,
            description = "in text, print at most N findings; beyond N they are grouped by kind, with a count and the first "
                    + "few of each (json and github list every one); default: ${DEFAULT-VALUE}")
    int maxFindings;

    @Option(names = "--migrate", description = "for a site brought from Hugo or Jekyll: unknown front-matter fields and Hugo shortcodes are "
            + "warnings, not errors (the rest of the page is checked), and the fields are listed with what to write instead")
    boolean migrate;

    @Mixin
    ThemeFolder.Choice themeChoice;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxFindings < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-findings: expected 1 or more, got " + maxFindings);
        SiteBuilder.Result result;
        try (ThemeFolder theme = themeChoice.open(spec)) {
            SiteBuilder.Options options = new SiteBuilder.Options(common.content, null, strict, false, theme.theme(), System.getenv(),
                    null, MirrorOptions.NONE, migrate);
            result = new SiteBuilder(options).build();
        }
        Problems problems = strict ? result.problems().withWarningsAsErrors() : result.problems();
        if (format == Report.Format.TEXT) {
            Report.text(problems, System.out, common.debug, maxFindings, language.messages);
            List<String> hints = migrate ? ImportHints.summary(problems.sorted()) : List.of();
            if (!hints.isEmpty()) System.out.println("Fields from Hugo or Jekyll, and what to write instead:");
            hints.forEach(hint -> System.out.println(Report.escape("  " + hint)));
            System.out.println(result.summary(null));
        } else {
            Report.print(format, problems, System.out, common.debug, language.messages);
        }
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
