package city.beacon.cli;

import city.beacon.yaml.YamlDocument;
import city.beacon.render.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The command line only: each command is a class in {@code city.beacon.cli}. */
@Command(name = "beacon", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds the city portal from Markdown and YAML into a static site that works anywhere.")
public final class Main {
    /** Exit codes: 0 success, 1 content errors, 2 usage errors (picocli's default), 3 an internal failure. */
    public static final int CONTENT_ERRORS = 1;
    public static final int INTERNAL_ERROR = 3;

    public static void main(String[] args) {
        // Started with no UTF-8 locale (cron, systemd, env -i): file names cannot be read; run again under C.UTF-8.
        java.util.Optional<Integer> relaunched = Utf8Relaunch.ifNeeded();
        if (relaunched.isPresent()) System.exit(relaunched.get());
        System.exit(run(args));
    }

    /** The commands that read the portal's YAML and render its theme: they start with {@link #preload}. */
    private static final Set<String> READS_CONTENT = Set.of("build", "check", "serve", "review", "new");

    /** The commands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("build", BuildCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("new", NewCommand::new);
        commands.put("init", InitCommand::new);
        commands.put("review", ReviewCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("keygen", KeygenCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    public static int run(String... args) {
        // picocli makes the model of every command it is given by reflection, a tenth of a second or
        // more in a fresh process: a run of one named command (a cron line's build) is given only
        // that one. The help, and anything else, gets them all.
        String named = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
        if (named != null && READS_CONTENT.contains(named)) preload();
        CommandLine cli = new CommandLine(new Main());
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) cli.addSubcommand(name, command.get());
        });
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

    /**
     * Starts, on a thread of its own, what every build waits for first and a fresh process is slow
     * to make: Jackson's YAML reader (its ObjectMapper's date format loads locale data), the
     * SHA-256 provider and the jar's file system for the bundled theme. Meanwhile picocli reads its
     * annotations, which takes as long (70 ms).
     */
    private static void preload() {
        Thread preload = new Thread(() -> {
            try {
                Class.forName(YamlDocument.class.getName(), true, Main.class.getClassLoader());
                MessageDigest.getInstance("SHA-256");
                Theme.bundled();
            } catch (ReflectiveOperationException | NoSuchAlgorithmException | RuntimeException e) {
                // only time is lost: whoever needs them makes them, and reports what fails
            }
        }, "beacon-preload");
        preload.setDaemon(true);
        preload.start();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[]{"beacon " + (version == null ? "development" : version)};
        }
    }
}
