package city.beacon.cli;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problems;
import city.beacon.findings.Report;
import city.beacon.mirror.MirrorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code beacon build}: content/ -> public/, published only when every check passed. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the portal into a static site. The previous site stays in place unless the build succeeds.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    ContentOptions common;

    @Mixin
    MessageLanguage language;

    @Option(names = "--out", defaultValue = "public", description = "the output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--base-url", description = "the public address of the site, e.g. https://kyiv.example.org/; "
            + "used only where an absolute address is required (sitemap, feeds, 404 page)")
    String baseUrl;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;


    @Option(names = "--sign-key", paramLabel = "FILE", description = "sign the manifest with this key "
            + "(written by 'beacon keygen') and publish its public key in the site")
    Path signKey;

    @Option(names = "--offline-bundle", description = "add beacon-offline.zip: the whole site to browse from disk")
    boolean offlineBundle;

    @Option(names = "--zim", description = "add beacon-offline.zim for Kiwix (and the offline bundle); needs zimwriterfs (zim-tools)")
    boolean zim;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "" + Report.DEFAULT_MAX_FINDINGS,
            description = "print at most N findings; beyond N they are grouped by kind, with a count and the first few of "
                    + "each ('beacon check --format json' lists every one); default: ${DEFAULT-VALUE}")
    int maxFindings;

    @Mixin
    ThemeFolder.Choice themeChoice;

    @Option(names = "--timings", description = "print how long each step of the build took")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxFindings < 1) throw new ParameterException(spec.commandLine(), "--max-findings: expected 1 or more, got " + maxFindings);
        SiteBuilder.Result result;
        try (ThemeFolder theme = themeChoice.open(spec)) {
            SiteBuilder.Options options = new SiteBuilder.Options(common.content, out, strict, false, theme.theme(), System.getenv(),
                    baseUrl(), new MirrorOptions(signKey, offlineBundle, zim));
            result = new SiteBuilder(options).build();
        }
        Problems problems = strict ? result.problems().withWarningsAsErrors() : result.problems();
        // The outcome first, then what was found, then the count and the figures.
        if (!result.published()) {
            System.err.println(Report.escape("Build failed: " + Report.count(problems) + "; nothing was published; " + out + " is unchanged."));
            Report.text(problems, System.err, common.debug, maxFindings, language.messages);
            return Main.CONTENT_ERRORS;
        }
        System.out.println(result.summary(out));
        Report.text(problems, System.err, common.debug, maxFindings, language.messages);
        result.notes().forEach(note -> System.out.println(Report.escape(note)));
        if (timings) System.out.println(result.timings());
        return 0;
    }

    /** The --base-url, ending with '/' so that site addresses can be appended; a usage error unless http(s). */
    private String baseUrl() {
        if (baseUrl == null) return null;
        if (!baseUrl.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            throw new ParameterException(spec.commandLine(), "--base-url: expected an address like https://kyiv.example.org/ or "
                    + "https://example.org/beacon/, got \"" + baseUrl + "\"");
        }
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }
}
