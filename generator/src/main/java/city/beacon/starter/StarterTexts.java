package city.beacon.starter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The starter text of one language, shipped in the jar under {@code starter/<lang>/}: the
 * portal's words ({@code portal.properties}: title, section and category names, labels) and one
 * page per role ({@code service.md}, {@code support.md}, ...), written for residents, with
 * {@code {city}}, {@code {emergency}}, {@code {today}}, {@code {expires}} and {@code {link:ROLE}}
 * filled in by {@link StarterPortal}.
 */
public final class StarterTexts {
    /** The languages whose starter text the jar ships, in the order the messages name them. */
    public static final List<String> SHIPPED = List.of("uk", "en", "es", "pl", "ar");

    private final String lang;
    private final Properties words;

    private StarterTexts(String lang, Properties words) {
        this.lang = lang;
        this.words = words;
    }

    public static boolean shipped(String lang) {
        return SHIPPED.contains(lang);
    }

    /** The starter text of {@code lang}, one of {@link #SHIPPED}. */
    public static StarterTexts of(String lang) {
        if (!shipped(lang)) throw new IllegalArgumentException("no starter text for '" + lang + "'");
        Properties words = new Properties();
        try (InputStream in = resource(lang + "/portal.properties")) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StarterTexts(lang, words);
    }

    public String lang() {
        return lang;
    }

    /** A word of portal.properties; a missing key is a bug of the shipped texts (StarterTextsTest checks every one). */
    public String word(String key) {
        String value = words.getProperty(key);
        if (value == null) throw new IllegalStateException("starter/" + lang + "/portal.properties has no '" + key + "'");
        return value.strip();
    }

    /** The page of {@code role} (service, support, about, privacy, offline, alert), as shipped. */
    public String page(String role) {
        return text(lang + "/" + role + ".md");
    }

    /** A file of starter/ shared by every language (the editors' workflow, the first-steps page). */
    static String text(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = StarterTexts.class.getResourceAsStream("/starter/" + path);
        if (in == null) throw new IOException("the jar has no starter/" + path);
        return in;
    }
}
