package city.beacon.mirror;

import city.beacon.content.ContentCommit;
import city.beacon.model.Site;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code build-info.json}: what a copy was built from and when, so an operator or a script can
 * tell a stale mirror from a fresh one. Only facts of the content, never the wall clock.
 */
public final class BuildInfo {
    public static final String FILE = "build-info.json";

    private BuildInfo() {
    }

    /** {@code pagesPerLanguage}: the pages the site has in each language. */
    public static String json(Site site, Map<String, Integer> pagesPerLanguage, Optional<ContentCommit> commit) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("generator", "beacon");
        info.put("buildTime", DateTimeFormatter.ISO_INSTANT.format(site.buildTime()));
        info.put("contentCommit", commit.map(ContentCommit::hash).orElse(null));
        info.put("pages", new TreeMap<>(pagesPerLanguage));
        info.put("pageCount", pagesPerLanguage.values().stream().mapToInt(Integer::intValue).sum());
        info.put("mirrorCount", site.data().mirrors().size());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
