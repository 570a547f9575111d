package city.beacon.render;

import city.beacon.hashing.CanonicalHash;
import city.beacon.findings.Problems;
import city.beacon.yaml.TextFiles;
import city.beacon.yaml.YamlDocument;
import city.beacon.model.Language;
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
    /** The folder under a content folder holding the portal's own texts and assets (content/theme/). */
    public static final String PORTAL_FOLDER = "theme";

    private final Path root;
    private final Templates templates;
    /** The portal's own theme folder (content/theme/), layered over this one; null: none. */
    private final Path portal;
    private final String portalShown;

    private Theme(Path root, Templates templates, Path portal, String portalShown) {
        this.root = root;
        this.templates = templates;
        this.portal = portal;
        this.portalShown = portalShown;
    }

    private Theme(Path root, Templates templates) {
        this(root, templates, null, "content/" + PORTAL_FOLDER);
    }

    /**
     * This theme with the portal's own folder of {@code contentDir} ({@code theme/}) over it: its
     * {@code i18n/<lang>.yaml} key by key over the texts, its {@code assets/} file by file over the
     * assets. The same theme when it is already that portal's.
     */
    public Theme withPortal(Path contentDir) {
        Path folder = contentDir.resolve(PORTAL_FOLDER);
        if (folder.equals(portal)) return this;
        String shown = contentDir.normalize().toString().replace('\\', '/');
        return new Theme(root, templates, folder, (shown.isEmpty() ? "." : shown) + "/" + PORTAL_FOLDER);
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
            String version = "jar".equals(root.toUri().getScheme()) ? CanonicalHash.fingerprint(code) : CanonicalHash.fingerprint(code, root);
            // The portal's own texts are in the build's key by their content (BuildInputs.texts); its assets by this.
            Path assets = portal == null ? null : portal.resolve("assets");
            return assets != null && Files.isDirectory(assets) ? CanonicalHash.hash(version + " " + CanonicalHash.fingerprint(assets)) : version;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the generator's own location cannot be read", e);
        }
    }

    public Templates templates() {
        return templates;
    }

    /**
     * The interface text of each language: the theme's {@code i18n/<lang>.yaml} with the portal's
     * ({@code content/theme/i18n/<lang>.yaml}) over it, key by key. A language with no texts, or
     * texts missing keys of the theme's English file, is a finding naming the file and every
     * missing key; an unknown key of the portal's file is a warning. Never a crash.
     */
    public Map<String, UiText> textsOf(List<Language> languages, Problems problems) {
        Map<String, String> reference = read(root.resolve("i18n").resolve("en.yaml"), "templates/i18n/en.yaml", problems).orElse(Map.of());
        Map<String, UiText> texts = new HashMap<>();
        for (Language language : languages) {
            String lang = language.code();
            Path shipped = root.resolve("i18n").resolve(lang + ".yaml");
            Path own = portal == null ? null : portal.resolve("i18n").resolve(lang + ".yaml");
            String ownShown = portalShown + "/i18n/" + lang + ".yaml";
            boolean hasShipped = Files.isRegularFile(shipped);
            boolean hasOwn = own != null && Files.isRegularFile(own);
            if (!hasShipped && !hasOwn) {
                problems.error(ownShown, 0, 0, null, "no interface text for the language '" + lang + "' (Beacon ships "
                                + String.join(", ", shippedLanguages()) + ")",
                        "copy templates/i18n/en.yaml (in the Beacon repository) to " + ownShown
                                + " and translate every text (see docs/templates.md, \"A language of your own\")");
                continue;
            }
            Map<String, String> entries = new TreeMap<>();
            if (hasShipped) read(shipped, "templates/i18n/" + lang + ".yaml", problems).ifPresent(entries::putAll);
            if (hasOwn) {
                Map<String, String> ownEntries = read(own, ownShown, problems).orElse(Map.of());
                for (String key : ownEntries.keySet()) {
                    if (!reference.isEmpty() && !reference.containsKey(key) && !optional(key)) {
                        problems.warning(ownShown, 0, 0, key, "'" + key + "' is not a key of the interface texts, so it is not shown",
                                city.beacon.findings.DidYouMean.suggest(key, reference.keySet()));
                    }
                }
                entries.putAll(ownEntries);
            }
            List<String> missing = reference.keySet().stream().filter(k -> !optional(k) && !entries.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                String file = hasOwn ? ownShown : "templates/i18n/" + lang + ".yaml";
                problems.error(file, 0, 0, null, "the interface texts of '" + lang + "' lack " + missing.size()
                                + (missing.size() == 1 ? " key: " : " keys: ") + String.join(", ", missing),
                        "add " + (missing.size() == 1 ? "it" : "them") + " to " + ownShown
                                + " (templates/i18n/en.yaml has every key, with the English text)");
                continue;
            }
            texts.put(lang, new UiText(lang, entries, language.locale(), language.rtl()));
        }
        return texts;
    }

    /** {@link #textsOf} the languages of these codes, each in its code's locale. */
    public Map<String, UiText> texts(List<String> codes, Problems problems) {
        return textsOf(codes.stream().map(code -> new Language(code, code)).toList(), problems);
    }

    /** Keys a language may go without: the note on a page only in one language ({@code only_in} is its fallback), the date's pattern. */
    private static boolean optional(String key) {
        return key.startsWith("only_in.") || key.equals("date_pattern");
    }

    /** The languages whose texts the theme has. */
    public List<String> shippedLanguages() {
        Path folder = root.resolve("i18n");
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A texts file as keys and texts; empty, with a finding, when it cannot be read. */
    private static java.util.Optional<Map<String, String>> read(Path file, String shown, Problems problems) {
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        return TextFiles.read(file, shown, problems)
                .map(text -> YamlDocument.parse(text, shown, 1, problems))
                .filter(doc -> doc.root() != null)
                .map(doc -> doc.texts().orElseGet(() -> {
                    problems.error(shown, 1, 1, null, "expected keys and texts, such as 'skip_link: Skip to content'", null);
                    return new TreeMap<>();
                }));
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
        Map<String, byte[]> files = new TreeMap<>();
        readAssets(root.resolve("assets"), files);
        if (portal != null) readAssets(portal.resolve("assets"), files); // the portal's, file by file over the theme's
        return files;
    }

    private static void readAssets(Path assets, Map<String, byte[]> files) {
        if (!Files.isDirectory(assets)) return;
        try (Stream<Path> walk = Files.walk(assets)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put("assets/" + assets.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
