package city.beacon;

import city.beacon.cli.BuildCommand;
import city.beacon.cli.CheckCommand;
import city.beacon.cli.KeygenCommand;
import city.beacon.cli.NewCommand;
import city.beacon.cli.ReviewCommand;
import city.beacon.cli.ServeCommand;
import city.beacon.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line only: each command is a class in {@code city.beacon.cli}. */
@Command(name = "beacon", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds the city portal from Markdown and YAML into a static site that works anywhere.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class,
                ReviewCommand.class, KeygenCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit codes: 0 success, 1 content errors, 2 usage errors (picocli's default), 3 an internal failure. */
    public static final int CONTENT_ERRORS = 1;
    public static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug");
            if (debug) e.printStackTrace(commandLine.getErr());
            commandLine.getErr().println("beacon: internal error: " + e
                    + (debug ? "" : " (run again with --debug to see the details)"));
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[]{"beacon " + (version == null ? "development" : version)};
        }
    }
}
