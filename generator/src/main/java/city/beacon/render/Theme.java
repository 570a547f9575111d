package city.beacon.render;

import city.beacon.hashing.CanonicalHash;
import city.beacon.findings.Problems;
import city.beacon.yaml.TextFiles;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.Routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The look of the site: jte templates, interface text (i18n/) and static assets (assets/).
 * Bundled in the jar (templates precompiled) or read from a templates/ folder at run time.
 */
public final class Theme {
    private final Path root;
    private final Templates templates;

    private Theme(Path root, Templates templates) {
        this.root = root;
        this.templates = templates;
    }

    /** The theme built into the jar: precompiled templates, assets and texts from the class path. */
    public static Theme bundled() {
        return new Theme(classpathRoot(), Templates.precompiled());
    }

    /** A templates/ folder compiled at run time into {@code classDir}. */
    public static Theme directory(Path templatesDir, Path classDir) {
        return new Theme(templatesDir, Templates.fromDirectory(templatesDir, classDir));
    }

    /** Changes whenever the generator (its jar or classes) or this theme's files change: what a build cache is valid for. */
    public String version() {
        try {
            Path code = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return "jar".equals(root.toUri().getScheme()) ? CanonicalHash.fingerprint(code) : CanonicalHash.fingerprint(code, root);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the generator's own location cannot be read", e);
        }
    }

    public Templates templates() {
        return templates;
    }

    /** The interface text of each language; a missing file or key is a finding, not a crash. */
    public Map<String, UiText> texts(List<String> languages, Problems problems) {
        Map<String, UiText> texts = new HashMap<>();
        for (String lang : languages) {
            Path file = root.resolve("i18n").resolve(lang + ".yaml");
            String shown = "templates/i18n/" + lang + ".yaml";
            if (!Files.isRegularFile(file)) {
                problems.error(shown, 0, 0, null, "no interface text for the language '" + lang + "'",
                        "copy templates/i18n/en.yaml to " + shown + " and translate it");
                continue;
            }
            Map<String, String> entries = new TreeMap<>();
            TextFiles.read(file, shown, problems)
                    .map(text -> YamlDocument.parse(text, shown, 1, problems))
                    .ifPresent(doc -> doc.root().fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asText())));
            texts.put(lang, new UiText(lang, entries));
        }
        return texts;
    }

    /**
     * The stylesheet as every page carries it in its head, comments and line breaks removed.
     * Inline rather than linked: measured, a page with its CSS inline still arrives in the first
     * round trip, and a page saved to a phone keeps its look (docs/residents.md, "page weight").
     */
    public String inlineStylesheet() {
        byte[] css = assets().get(Routes.STYLESHEET);
        if (css == null) return "";
        return new String(css, StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("\\s*\n\\s*", "");
    }

    /**
     * The theme's shortcode templates ({@code shortcodes/<name>.html}) by name: what a shortcode
     * that site.yaml gives the policy {@code template} is written with.
     */
    public Map<String, String> shortcodeTemplates() {
        Path folder = root.resolve("shortcodes");
        Map<String, String> templates = new TreeMap<>();
        if (!Files.isDirectory(folder)) return templates;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".html") && Files.isRegularFile(f)).sorted().toList()) {
                String name = file.getFileName().toString();
                templates.put(name.substring(0, name.length() - ".html".length()), Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return templates;
    }

    /** The static files of the theme, by their address in the site (assets/...). */
    public Map<String, byte[]> assets() {
        Path assets = root.resolve("assets");
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(assets)) return files;
        try (Stream<Path> walk = Files.walk(assets)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put("assets/" + assets.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The jar's file system, opened once per process; two threads may ask at once (see {@code Main.preload}). */
    private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    private static Path classpathRoot() {
        URL marker = Theme.class.getClassLoader().getResource("theme/i18n/en.yaml");
        if (marker == null) throw new IllegalStateException("the bundled theme is missing from the class path");
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                return jarFileSystem(uri).getPath("/theme");
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the bundled theme cannot be read", e);
        }
    }
}
