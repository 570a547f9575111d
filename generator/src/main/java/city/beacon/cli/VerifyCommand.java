package city.beacon.cli;

import city.beacon.findings.Report;
import city.beacon.mirror.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code beacon verify DIR}: is this copy of the site exactly what was built and signed? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a copy of the site against its beacon-manifest.sha256 and signature: "
                + "reports missing, extra and modified files, links and other entries that are not regular files or "
                + "folders (never followed), and a bad signature; exit 1 on any.")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the copy to check, e.g. /srv/beacon")
    Path dir;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "the public key of the main site; without it the key inside the copy is used")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("beacon verify: " + dir + " is not a folder");
            return 2;
        }
        Verifier.Result result = Verifier.verify(dir, Optional.ofNullable(publicKey));
        print("missing", result.missing());
        print("modified", result.modified());
        print("extra", result.extra());
        print("unsafe", result.unsafe());
        result.failures().forEach(f -> System.out.println("error: " + Report.escape(f)));
        result.notes().forEach(n -> System.out.println("note: " + Report.escape(n)));
        System.out.println((result.ok() ? "OK: " : "FAILED: ") + result.checked() + " files in the manifest, "
                + result.missing().size() + " missing, " + result.modified().size() + " modified, "
                + result.extra().size() + " extra, " + result.unsafe().size() + " unsafe, " + result.failures().size() + " other errors");
        return result.ok() ? 0 : Main.CONTENT_ERRORS;
    }

    private static void print(String what, List<String> files) {
        files.forEach(f -> System.out.println(what + ": " + Report.escape(f)));
    }
}
