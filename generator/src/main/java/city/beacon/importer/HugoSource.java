package city.beacon.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Hugo site: its configuration ({@code hugo.toml}, {@code config.toml}, their YAML forms, or
 * {@code config/_default/}), the pages of {@code content/} (one tree per language when languages have a
 * {@code contentDir}, else {@code name.<lang>.md} suffixes), the files beside them (page bundles) and
 * {@code static/}. The old address of a page is Hugo's default, {@code /section/.../name/} (its
 * {@code slug} as the last part, {@code /<lang>} before it outside the default language), or its
 * {@code url}; {@code aliases} are old addresses too.
 */
final class HugoSource {
    private static final List<String> CONFIG_FILES = List.of("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml",
            "config.yml", "config/_default/hugo.toml", "config/_default/config.toml", "config/_default/hugo.yaml",
            "config/_default/config.yaml");

    private HugoSource() {
    }

    static SourceSite read(SourceTree tree, Optional<String> language, ImportReport report) throws IOException {
        Map<String, Object> config = config(tree, report);
        Map<String, Map<String, Object>> languages = languages(config, tree, report);
        String defaultLanguage = language.orElseGet(() -> SourceFrontMatter.text(config.get("defaultContentLanguage"))
                .orElse("en")).toLowerCase(); // Hugo's own default
        List<String> codes = new ArrayList<>();
        codes.add(defaultLanguage);
        languages.keySet().stream()
                .sorted(Comparator.comparing((String code) -> weight(languages.get(code))).thenComparing(code -> code))
                .filter(code -> !code.equals(defaultLanguage)).forEach(codes::add);
        if (!languages.isEmpty() && !languages.containsKey(defaultLanguage)) {
            report.note("the default language '" + defaultLanguage + "' is not one of the site's languages (" + String.join(", ",
                    languages.keySet()) + ")");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            names.put(code, SourceFrontMatter.text(languages.getOrDefault(code, Map.of()).get("languageName")).orElse(code));
        }
        String contentDir = SourceFrontMatter.text(config.get("contentDir")).orElse("content");
        Map<String, String> roots = new LinkedHashMap<>(); // content root -> language
        for (String code : codes) {
            SourceFrontMatter.text(languages.getOrDefault(code, Map.of()).get("contentDir")).ifPresent(dir -> roots.put(trim(dir), code));
        }
        boolean perLanguageTrees = !roots.isEmpty();
        if (!perLanguageTrees) roots.put(trim(contentDir), defaultLanguage);

        List<SourceSite.Page> pages = new ArrayList<>();
        List<SourceSite.StaticFile> files = new ArrayList<>();
        for (var root : roots.entrySet()) {
            for (SourceTree.File file : tree.files(root.getKey(), Set.of())) {
                String inRoot = file.relative().substring(root.getKey().length() + 1);
                String lang = root.getValue();
                String name = file.name();
                String extension = Paths.extension(name);
                if (extension.equals("md") || extension.equals("markdown")) {
                    String stem = name.substring(0, name.length() - extension.length() - 1);
                    String[] parts = stem.split("\\.");
                    if (!perLanguageTrees && parts.length > 1 && codes.contains(parts[parts.length - 1].toLowerCase())) {
                        lang = parts[parts.length - 1].toLowerCase();
                        stem = stem.substring(0, stem.lastIndexOf('.'));
                    }
                    page(tree, file, inRoot, stem, lang, lang.equals(defaultLanguage) ? "" : "/" + lang, report).ifPresent(pages::add);
                } else if (Paths.isPageLike(extension)) {
                    report.notImported(file.relative(), "a page in " + extension.toUpperCase() + ", not Markdown: write it in Markdown");
                } else {
                    files.add(new SourceSite.StaticFile(file, inRoot, "/" + inRoot));
                }
            }
        }
        for (SourceTree.File file : tree.files("static", Set.of())) {
            String inStatic = file.relative().substring("static/".length());
            files.add(new SourceSite.StaticFile(file, inStatic, "/" + inStatic));
        }
        String title = SourceFrontMatter.text(config.get("title")).orElse("");
        return new SourceSite(title, codes, names, pages, files);
    }

    private static Optional<SourceSite.Page> page(SourceTree tree, SourceTree.File file, String inRoot, String stem, String lang,
                                                  String prefix, ImportReport report) throws IOException {
        Optional<String> text = tree.text(file);
        if (text.isEmpty()) return Optional.empty();
        SourceFrontMatter front;
        try {
            front = SourceFrontMatter.split(text.get());
        } catch (SourceFrontMatter.Unreadable e) {
            report.notImported(file.relative(), e.getMessage());
            return Optional.empty();
        }
        List<String> folders = new ArrayList<>(Arrays.asList(inRoot.split("/")));
        folders.remove(folders.size() - 1);
        SourceSite.Role role = SourceSite.Role.PAGE;
        if (stem.equals("_index")) {
            role = folders.isEmpty() ? SourceSite.Role.HOME : SourceSite.Role.SECTION;
        } else if (stem.equals("index")) { // a page bundle: the folder is the page
            if (folders.isEmpty()) role = SourceSite.Role.HOME;
            else stem = folders.remove(folders.size() - 1);
        }
        List<String> addresses = new ArrayList<>();
        Optional<String> url = SourceFrontMatter.text(front.fields().get("url"));
        if (url.isPresent()) {
            addresses.add(Paths.rooted(url.get()));
        } else {
            String path = String.join("/", folders);
            String last = role == SourceSite.Role.PAGE ? SourceFrontMatter.text(front.fields().get("slug")).orElse(stem) : "";
            String address = prefix + "/" + path + (path.isEmpty() || last.isEmpty() ? "" : "/") + last + "/";
            addresses.add(address.replace("//", "/"));
        }
        addresses.addAll(Paths.addressList(front.fields().get("aliases")));
        return Optional.of(new SourceSite.Page(file, lang, folders, stem, role, front, addresses, inRoot, null, false));
    }

    private static String trim(String dir) {
        String d = dir.replace('\\', '/');
        while (d.startsWith("./")) d = d.substring(2);
        while (d.endsWith("/")) d = d.substring(0, d.length() - 1);
        return d;
    }

    private static int weight(Map<String, Object> language) {
        try {
            return Integer.parseInt(SourceFrontMatter.text(language.get("weight")).orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> languages(Map<String, Object> config, SourceTree tree, ImportReport report)
            throws IOException {
        Object languages = config.get("languages");
        if (languages == null) {
            for (String name : List.of("config/_default/languages.toml", "config/_default/languages.yaml")) {
                if (tree.isFile(name)) languages = readConfig(tree, name, report);
            }
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (languages instanceof Map<?, ?> map) {
            map.forEach((code, settings) -> out.put(code.toString().toLowerCase(),
                    settings instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of()));
        }
        return out;
    }

    private static Map<String, Object> config(SourceTree tree, ImportReport report) throws IOException {
        for (String name : CONFIG_FILES) {
            if (tree.isFile(name)) return readConfig(tree, name, report);
        }
        report.note("no Hugo configuration (hugo.toml, config.toml...) was found: one language, content/ and static/");
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readConfig(SourceTree tree, String name, ImportReport report) throws IOException {
        ObjectMapper mapper = name.endsWith(".toml") ? new TomlMapper() : new ObjectMapper(new YAMLFactory());
        try {
            Object value = mapper.readValue(Files.readString(tree.root().resolve(name)), Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JacksonException e) {
            report.note(name + " cannot be read (" + e.getOriginalMessage().lines().findFirst().orElse("") + "): its settings were not used");
            return Map.of();
        }
    }
}
