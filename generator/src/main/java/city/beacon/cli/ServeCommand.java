package city.beacon.cli;

import city.beacon.publish.Publisher;
import city.beacon.render.Theme;
import city.beacon.serve.PreviewServer;
import city.beacon.serve.PreviewSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code beacon serve}: the live preview for editors. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview the portal at http://127.0.0.1:<port>/ while you edit: pages rebuild and reload "
                + "on every save, drafts are shown, and content errors appear in the browser.",
                "The review of every page is at /__beacon/review. Stop with Ctrl+C."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ContentOptions common;

    @Option(names = "--templates", defaultValue = "templates",
            description = "the templates folder, compiled while the preview runs (default: ${DEFAULT-VALUE}, "
                    + "or the theme built into beacon when there is no such folder, as in a portal made by 'beacon init')")
    Path templates;

    @Option(names = "--port", defaultValue = "8080", description = "the port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--timings", description = "after each rebuild, print how long each step took")
    boolean timings;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--templates");
        if (!given && !Files.isDirectory(templates)) return serve(Theme.bundled());
        if (!Files.isDirectory(templates)) {
            System.err.println("beacon serve: no templates folder at " + templates
                    + "; run from the portal's repository, or pass --templates <folder>");
            return 2;
        }
        return serve(null);
    }

    /** Serves with {@code theme}, or (null) with the templates folder compiled into a scratch folder. */
    private int serve(Theme theme) throws Exception {
        // The compiled templates live here while the preview runs, and go with it.
        Path scratch = Files.createTempDirectory("beacon-preview");
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch cleaned = new CountDownLatch(1);
        // Ctrl+C runs this hook, and the JVM ends when it returns: it waits until the folder is gone.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                cleaned.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PreviewSite site = new PreviewSite(common.content,
                    theme != null ? theme : Theme.directory(templates, scratch.resolve("templates")), System.getenv());
            PreviewServer started;
            try {
                started = PreviewServer.start(site, common.content, templates, Clock.systemUTC(), port, System.out, timings);
            } catch (BindException e) {
                System.err.println("beacon serve: port " + port + " on 127.0.0.1 is in use (another preview?); "
                        + "stop that one, or pass --port <another number>");
                return 2;
            }
            try (PreviewServer server = started) {
                System.out.println("Preview at " + server.url() + "  (review: " + server.url() + "__beacon/review; Ctrl+C stops)");
                stopped.await();
            }
        } finally {
            Publisher.deleteTree(scratch);
            cleaned.countDown();
            if (stopped.getCount() > 0) Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }
}
