package city.beacon.config;

import city.beacon.findings.Problems;
import city.beacon.model.AddressWords;
import city.beacon.yaml.TextFiles;
import city.beacon.yaml.YamlDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The address words of each language as its interface texts give them ({@code address.*}), read
 * while site.yaml is: from the portal's theme folder ({@code content/theme/i18n/<lang>.yaml}) over
 * the texts shipped in the jar. The rest of the texts are the render stage's (render.Theme).
 */
final class ThemeWords {
    /** Where the jar keeps its shipped texts, on the class path. */
    static final String SHIPPED = "theme/i18n/";

    private final Path portalTexts;
    private final String portalDisplay;

    /** {@code portalTexts}: the portal's i18n folder (null: none, as for a settings file parsed on its own). */
    ThemeWords(Path portalTexts, String portalDisplay) {
        this.portalTexts = portalTexts;
        this.portalDisplay = portalDisplay;
    }

    /** The words of {@code code}: the portal's, over the shipped ones, over English. */
    AddressWords of(String code, Problems problems) {
        Map<String, String> texts = new TreeMap<>(shipped(code));
        if (portalTexts != null) {
            Path file = portalTexts.resolve(code + ".yaml");
            if (Files.isRegularFile(file)) {
                String shown = portalDisplay + "/" + code + ".yaml";
                // Problems of the file are reported when the render stage reads it whole; here it is read quietly.
                TextFiles.read(file, shown, new Problems()).flatMap(text -> YamlDocument.parse(text, shown, 1, new Problems()).texts())
                        .ifPresent(texts::putAll);
            }
        }
        return AddressWords.of(texts, AddressWords.ENGLISH);
    }

    private static Map<String, String> shipped(String code) {
        try (InputStream in = ThemeWords.class.getClassLoader().getResourceAsStream(SHIPPED + code + ".yaml")) {
            if (in == null) return Map.of();
            String shown = "templates/i18n/" + code + ".yaml";
            return YamlDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), shown, 1, new Problems()).texts().orElse(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's own texts cannot be read", e);
        }
    }
}
