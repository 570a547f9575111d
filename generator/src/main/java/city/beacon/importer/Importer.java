package city.beacon.importer;

import city.beacon.content.StaticFiles;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.Slugs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code beacon import hugo|jekyll SOURCE --content DIR}: writes a Beacon content folder made of a
 * Hugo or Jekyll site (pages of kind {@code page}, sub-folders as nested sections, images and
 * documents under {@code static/}, old addresses in {@code data/redirects.yaml}) and a report.
 * Reads the source and never writes it; writes only into DIR, which must be new or empty, and the
 * report. The same source gives the same bytes.
 */
public final class Importer {
    public enum Kind {
        HUGO, JEKYLL
    }

    public record Options(Kind kind, Path source, Path content, Optional<String> language, Path report) {
    }

    public record Result(int pages, int files, int redirects, int unresolvedLinks, int shortcodesLeft) {
    }

    /** Why nothing was imported: said to the user as it is. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** Extensions of the files Beacon publishes from static/ (checked by {@link StaticFiles#allowed}). */
    private static final Set<String> PUBLISHED = Set.of("pdf", "txt", "csv", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg",
            "gif", "webp", "avif", "svg");
    /** The section of the pages at the root of the old site. */
    static final String ROOT_SECTION = "pages";

    private final Options options;
    private final ImportReport report = new ImportReport();
    private final Map<SourceSite.Page, String> placed = new IdentityHashMap<>();
    private final Map<String, String> byAddress = new LinkedHashMap<>();
    private final Map<String, String> bySource = new LinkedHashMap<>();
    private final Map<String, List<String>> byName = new TreeMap<>();
    private final Map<String, String> redirects = new TreeMap<>();
    private final Map<String, byte[]> output = new TreeMap<>();

    private Importer(Options options) {
        this.options = options;
    }

    public static Result run(Options options) throws IOException, Refused {
        return new Importer(options).run();
    }

    private Result run() throws IOException, Refused {
        checkFolders();
        SourceTree tree = new SourceTree(options.source(), report);
        SourceSite site = options.kind() == Kind.HUGO ? HugoSource.read(tree, options.language(), report)
                : JekyllSource.read(tree, options.language(), report);
        site = withFolderPages(site);
        place(site);
        site = withLanguagesThatHavePages(site);
        copyFiles(site);
        Sections sections = new Sections(site, report);
        for (Sections.Top top : sections.tops(site.languages())) {
            report.section("`" + top.id() + "`: " + String.join(", ", top.titles().values().stream().distinct().toList()));
        }
        writePages(site, tree, sections);
        sections.introductionsMissing(placed, output);
        output.put("site.yaml", SiteYaml.site(site, sections, options.kind(), options.source()).getBytes(StandardCharsets.UTF_8));
        output.put("data/emergency.yaml", SiteYaml.emergency(site).getBytes(StandardCharsets.UTF_8));
        output.put("data/redirects.yaml", SiteYaml.redirects(redirects).getBytes(StandardCharsets.UTF_8));
        report.redirects(redirects.size());
        write(tree);
        String kind = options.kind().name().toLowerCase();
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report.markdown(kind, name(options.source())));
        return new Result(report.pages(), filesCopied, redirects.size(), report.unresolvedLinks(), report.shortcodesLeft());
    }

    /**
     * The site where a page beside a folder of the same name ({@code tools/slack.md} and {@code tools/slack/}) is that
     * folder's introduction, as the old site served it at the folder's address; in Beacon both would have that address.
     */
    private SourceSite withFolderPages(SourceSite site) {
        Set<String> folders = new java.util.HashSet<>();
        Set<String> introduced = new java.util.HashSet<>();
        for (SourceSite.Page page : site.pages()) {
            for (int i = 1; i <= page.folders().size(); i++) folders.add(folderKey(page.lang(), page.folders().subList(0, i)));
            if (page.role() == SourceSite.Role.SECTION) introduced.add(folderKey(page.lang(), page.folders()));
        }
        List<SourceSite.Page> pages = new ArrayList<>();
        for (SourceSite.Page page : site.pages()) {
            List<String> asFolder = new ArrayList<>(page.folders());
            asFolder.add(page.stem());
            String key = folderKey(page.lang(), asFolder);
            if (page.role() == SourceSite.Role.PAGE && folders.contains(key) && introduced.add(key)) {
                report.note(page.file().relative() + " is the introduction of the folder " + String.join("/", asFolder)
                        + "/ (a page and a folder cannot have one address): its tags and dates are not kept");
                page = new SourceSite.Page(page.file(), page.lang(), asFolder, "_index", SourceSite.Role.SECTION, page.front(),
                        page.oldAddresses(), page.contentPath(), page.dateFromName(), page.draftFolder());
            }
            pages.add(page);
        }
        return new SourceSite(site.title(), site.languages(), site.languageNames(), pages, site.files());
    }

    private static String folderKey(String lang, List<String> folders) {
        return lang + "/" + String.join("/", folders.stream().map(Sections::folder).toList());
    }

    /** The site with only the languages some page is in (the default first): a language without pages would be an empty site. */
    private SourceSite withLanguagesThatHavePages(SourceSite site) {
        Set<String> used = new java.util.HashSet<>();
        placed.keySet().forEach(page -> used.add(page.lang()));
        List<String> languages = site.languages().stream().filter(used::contains).toList();
        for (String lang : site.languages()) {
            if (!used.contains(lang)) report.note("the language '" + lang + "' has no pages: it is left out of site.yaml");
        }
        if (languages.isEmpty()) languages = List.of(site.languages().get(0));
        return new SourceSite(site.title(), languages, site.languageNames(), site.pages(), site.files());
    }

    private static String name(Path source) {
        Path name = source.toAbsolutePath().normalize().getFileName();
        return name == null ? "/" : name.toString();
    }

    private void checkFolders() throws Refused, IOException {
        if (!Files.isDirectory(options.source())) throw new Refused(options.source() + " is not a folder: give the old site's folder");
        Path source = options.source().toRealPath();
        Path content = options.content().toAbsolutePath().normalize();
        if (Files.exists(content)) {
            if (!Files.isDirectory(content)) throw new Refused(options.content() + " is a file: give a new folder to write the site into");
            try (Stream<Path> entries = Files.list(content)) {
                if (entries.findAny().isPresent()) {
                    throw new Refused(options.content() + " is not empty: the import writes a whole content folder and changes no "
                            + "file of yours; give a new or empty folder (then copy what you need across)");
                }
            }
            content = content.toRealPath();
        }
        Path report = options.report().toAbsolutePath().normalize();
        if (content.startsWith(source) || report.startsWith(source)) {
            throw new Refused("the content folder and the report must be outside " + options.source() + ": the import never changes the source");
        }
        if (report.startsWith(content)) throw new Refused("the report must be outside the content folder " + options.content());
    }

    /** Gives each page its file in the content folder, and records under which addresses and source paths it is found. */
    private void place(SourceSite site) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (SourceSite.Page page : site.pages()) {
            List<String> folders = page.folders().stream().map(Sections::folder).toList();
            String file;
            if (page.role() == SourceSite.Role.HOME) {
                report.note("the home page (" + page.file().relative() + ") is not imported: Beacon makes the home page from site.yaml");
                continue;
            } else if (page.role() == SourceSite.Role.SECTION) {
                if (folders.size() < 2) continue; // a top section: its title goes to site.yaml
                file = page.lang() + "/" + String.join("/", folders) + "/_index.md";
            } else {
                String stem = Slugs.slugify(page.stem());
                if (stem.isEmpty()) stem = "page";
                String dir = page.lang() + "/" + (folders.isEmpty() ? ROOT_SECTION : String.join("/", folders));
                file = dir + "/" + stem + ".md";
                int n = taken.merge(file, 1, Integer::sum);
                if (n > 1) {
                    report.note(page.file().relative() + " has the same address as another page once its name is made an address: "
                            + "written as " + stem + "-" + n + ".md");
                    file = dir + "/" + stem + "-" + n + ".md";
                }
            }
            if (output.containsKey(file) || placed.containsValue(file)) {
                report.notImported(page.file().relative(), "a second introduction of the same folder");
                continue;
            }
            placed.put(page, file);
            for (String address : page.oldAddresses()) {
                String key = Paths.key(address);
                if (byAddress.putIfAbsent(key, file) == null) redirects.put(address, file);
            }
            bySource.put(page.file().relative(), file);
            byName.computeIfAbsent(page.file().name(), k -> new ArrayList<>()).add(file);
        }
    }

    private int filesCopied;

    private void copyFiles(SourceSite site) {
        for (SourceSite.StaticFile f : site.files()) {
            String extension = Paths.extension(f.file().name());
            if (!PUBLISHED.contains(extension)) {
                report.skippedType(extension);
                continue;
            }
            if (f.file().size() > SourceTree.MAX_FILE_BYTES) {
                report.notImported(f.file().relative(), "larger than " + (SourceTree.MAX_FILE_BYTES >> 20) + " MiB: not copied");
                continue;
            }
            Problems problems = new Problems();
            if (!StaticFiles.allowed(f.file().path(), f.file().relative(), problems)) {
                report.notImported(f.file().relative(), problems.sorted().stream().map(Problem::plainMessage).findFirst().orElse("refused"));
                continue;
            }
            String target = "static/" + String.join("/", Stream.of(f.target().split("/")).map(Paths::staticName).toList());
            if (staticFiles.containsKey(target)) {
                report.notImported(f.file().relative(), "another file has the same name under static/: " + target);
                continue;
            }
            staticFiles.put(target, f.file().path());
            byAddress.putIfAbsent(Paths.key(f.oldAddress()), target);
            bySource.put(f.file().relative(), target);
            byName.computeIfAbsent(f.file().name(), k -> new ArrayList<>()).add(target);
            report.staticFile();
            filesCopied++;
        }
    }

    private final Map<String, Path> staticFiles = new TreeMap<>();

    private void writePages(SourceSite site, SourceTree tree, Sections sections) {
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        for (var e : placed.entrySet()) {
            SourceFrontMatter.text(e.getKey().front().fields().get("translationKey"))
                    .ifPresent(key -> byKey.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(e.getKey().lang(), e.getValue()));
        }
        BodyRewriter.Targets targets = new BodyRewriter.Targets() {
            @Override
            public Optional<String> byAddress(String address) {
                return Optional.ofNullable(byAddress.get(Paths.key(address)));
            }

            @Override
            public Optional<String> bySource(SourceSite.Page from, String path) {
                return Importer.this.bySource(from, path);
            }
        };
        for (SourceSite.Page page : site.pages()) {
            String file = placed.get(page);
            if (file == null) continue;
            String translation = translation(site, page, file, byKey);
            String text = page.front().body();
            Optional<String> madeTitle = Optional.empty();
            if (page.role() != SourceSite.Role.SECTION && Fields.title(page).isEmpty() && page.dateFromName() == null) {
                Optional<Fields.Heading> heading = Fields.firstHeading(text);
                if (heading.isPresent()) {
                    madeTitle = Optional.of(heading.get().text());
                    text = heading.get().rest();
                    report.note("`" + page.contentPath() + "`: no title; took \"" + madeTitle.get() + "\" from its first heading");
                } else {
                    madeTitle = Optional.of(Fields.fromName(page.stem()));
                    report.note("`" + page.contentPath() + "`: no title; made \"" + madeTitle.get() + "\" from its file name");
                }
            }
            String yaml = page.role() == SourceSite.Role.SECTION
                    ? Fields.sectionYaml(page, Fields.fromName(page.folders().get(page.folders().size() - 1)), translation, report)
                    : Fields.yaml(page, translation, madeTitle, report);
            String body = new BodyRewriter(page, file, targets, report).rewrite(text, page.front().bodyLine());
            output.put(file, ("---\n" + yaml + "---\n" + body).getBytes(StandardCharsets.UTF_8));
            if (page.role() == SourceSite.Role.SECTION) report.sectionIntroduction();
            else report.page(page.lang());
        }
    }

    private String translation(SourceSite site, SourceSite.Page page, String file, Map<String, Map<String, String>> byKey) {
        Optional<String> key = SourceFrontMatter.text(page.front().fields().get("translationKey"));
        if (key.isEmpty()) return null;
        Map<String, String> group = byKey.get(key.get());
        for (String lang : site.languages()) {
            String other = group.get(lang);
            if (lang.equals(page.lang()) || other == null) continue;
            boolean sameName = other.substring(other.indexOf('/')).equals(file.substring(file.indexOf('/')));
            return sameName ? null : other;
        }
        return null;
    }

    /** The imported file of a source path named by a page (a ref, a relative link), as Hugo finds it. */
    private Optional<String> bySource(SourceSite.Page from, String path) {
        String fromDir = Paths.parent(from.file().relative());
        String root = from.file().relative().substring(0, from.file().relative().length() - from.contentPath().length());
        List<String> tried = new ArrayList<>();
        for (String base : path.startsWith("/") ? List.of(root) : List.of(fromDir, root)) {
            String resolved = Paths.resolve(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                    path.startsWith("/") ? path.substring(1) : path);
            if (resolved == null) continue;
            for (String candidate : List.of(resolved, resolved + ".md", resolved + "/_index.md", resolved + "/index.md",
                    resolved.replaceAll("/$", "") + ".md")) {
                tried.add(candidate);
                String found = bySource.get(candidate);
                if (found != null) return Optional.of(found);
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<String> named = byName.getOrDefault(name.endsWith(".md") ? name : name + ".md", List.of());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Writes every file, each checked to land inside the content folder. */
    private void write(SourceTree tree) throws IOException {
        Path content = options.content().toAbsolutePath().normalize();
        Files.createDirectories(content);
        for (var e : output.entrySet()) {
            Path file = inside(content, e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        for (var e : staticFiles.entrySet()) {
            Path file = inside(content, e.getKey());
            Files.createDirectories(file.getParent());
            Files.copy(e.getValue(), file);
        }
    }

    private static Path inside(Path content, String relative) throws IOException {
        Path file = content.resolve(relative).normalize();
        if (!file.startsWith(content)) throw new IOException("refused to write outside the content folder: " + relative);
        return file;
    }
}
