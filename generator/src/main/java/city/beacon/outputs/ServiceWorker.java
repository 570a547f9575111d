package city.beacon.outputs;

import city.beacon.findings.Problems;
import city.beacon.model.Precache;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.model.Urls;
import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * {@code sw.js} at the site's root: the optional service worker that keeps pages for offline use.
 * Its version is a hash of every other file of the build (of the hashes taken as they were
 * written), so the same content gives the same worker and any change makes browsers replace
 * their cached copies. Runs after every output that the worker may cache.
 */
public final class ServiceWorker implements SiteOutput {

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        out.write(Routes.SERVICE_WORKER, script(site, version(out.files(), out::sha256)));
    }

    /** The worker of {@code site}, at {@code version} ({@link #version}). */
    private static String script(Site site, String version) {
        Routes routes = new Routes(site.config());
        String self = Routes.SERVICE_WORKER;
        List<String> precache = Precache.addresses(site).stream().map(a -> Urls.relative(self, a)).toList();
        Map<String, String> offline = new LinkedHashMap<>();
        offline.put("", Urls.relative(self, routes.offline(site.config().defaultLanguage())));
        site.config().languageCodes().forEach(lang -> offline.put(lang, Urls.relative(self, routes.offline(lang))));
        return SOURCE
                .replace("@VERSION@", version)
                .replace("@PRECACHE@", Json.write(precache))
                .replace("@OFFLINE@", Json.write(offline));
    }

    /**
     * The first 16 hex digits of a SHA-256 over every other file's address and hash, in address
     * order ({@code files}, sorted, as a build's are): the same files give the same worker.
     */
    static String version(SortedSet<String> files, Function<String, String> sha256) {
        StringBuilder text = new StringBuilder(files.size() * 128);
        for (String address : files) {
            if (!address.equals(Routes.SERVICE_WORKER)) text.append(address).append('\u0000').append(sha256.apply(address)).append('\n');
        }
        return FileStamps.sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The script's text, read once (the live preview writes it again at every front-matter edit). */
    private static final String SOURCE = source();

    private static String source() {
        try (InputStream in = ServiceWorker.class.getResourceAsStream("sw.js")) {
            if (in == null) throw new IllegalStateException("sw.js is missing from the generator's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
