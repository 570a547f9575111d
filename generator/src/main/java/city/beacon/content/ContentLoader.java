package city.beacon.content;

import city.beacon.yaml.TextFiles;
import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.markdown.Shortcodes;
import city.beacon.model.SiteConfig;
import city.beacon.config.SiteConfigLoader;
import city.beacon.model.Page;
import city.beacon.model.Section;
import city.beacon.model.SiteData;
import city.beacon.model.Slugs;
import city.beacon.model.SourceFile;
import city.beacon.model.SubSection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The load stage: walks content/, reads site.yaml, the data files and every page, and returns
 * what it could read together with every finding. Never follows a link out of content/.
 */
public final class ContentLoader {
    public static final String DATA_DIR = "data";
    public static final String STATIC_DIR = "static";
    /** The portal's own theme: interface texts (i18n/) and assets layered over the shipped ones (render.Theme). */
    public static final String THEME_DIR = "theme";

    private final Path contentDir;
    private final Path realContentDir;
    private final String display;
    private Map<String, LocalDate> lastCommits;
    private Optional<ContentCommit> commit;
    /** What git says of the commits since the previous build's ({@link #commitsSince}); null until asked. */
    private Optional<GitDates.Dates> commitsSince;
    /** Whether an unknown field is a warning, not an error ({@code beacon check --migrate}). */
    private final boolean unknownFieldsAreWarnings;

    /** What was read: the settings, the pages (drafts included), the shared data, static files. */
    public record Content(SiteConfig config, List<Page> pages, SiteData data, List<SourceFile> staticFiles,
                          List<String> pageFiles) {
    }

    public ContentLoader(Path contentDir) throws IOException {
        this(contentDir, false);
    }

    /** {@code unknownFieldsAreWarnings}: what {@code beacon check --migrate} reads. */
    public ContentLoader(Path contentDir, boolean unknownFieldsAreWarnings) throws IOException {
        this.unknownFieldsAreWarnings = unknownFieldsAreWarnings;
        this.contentDir = contentDir;
        this.realContentDir = contentDir.toRealPath();
        String shown = contentDir.normalize().toString().replace('\\', '/');
        this.display = shown.isEmpty() ? "." : shown;
    }

    /** Reads everything; empty when the settings cannot be read (nothing else can be understood). */
    public Optional<Content> load(Problems problems) throws IOException {
        return load(problems, true);
    }

    /**
     * Reads everything, keeping the pages' text only when {@code keepBodies}: a build of thousands
     * of pages reads each text again as it renders it ({@link #withBody}), so that they are never
     * all in memory at once.
     */
    public Optional<Content> load(Problems problems, boolean keepBodies) throws IOException {
        return load(problems, keepBodies, ParsedPages.NONE);
    }

    /** Reads site.yaml alone: empty when it cannot be read (nothing else can be understood). */
    public Optional<SiteConfig> loadConfig(Problems problems) {
        return SiteConfigLoader.load(contentDir, display, problems);
    }

    /**
     * Reads everything else under {@code config} without the pages' text, taking from {@code cache}
     * each page whose file is as the previous build read it (its findings are reported again);
     * what is read is recorded in it.
     */
    public Content load(Problems problems, SiteConfig config, Supplier<? extends ParsedPages> cache) throws IOException {
        return load(problems, config, false, cache);
    }

    private Optional<Content> load(Problems problems, boolean keepBodies, ParsedPages cache) throws IOException {
        Optional<SiteConfig> config = loadConfig(problems);
        if (config.isEmpty()) return Optional.empty();
        return Optional.of(load(problems, config.get(), keepBodies, () -> cache));
    }

    /** {@code pageCache} is asked for only once the folders are walked: it may still be being read meanwhile. */
    private Content load(Problems problems, SiteConfig site, boolean keepBodies, Supplier<? extends ParsedPages> pageCache) throws IOException {
        Folders folders = folders(site, problems);
        List<PageFile> files = folders.files();
        long now = System.currentTimeMillis();
        ParsedPages cache = pageCache.get();
        PageParser parser = new PageParser(site, lastCommits(site, cache, files), unknownFieldsAreWarnings);
        List<Page> pages = files.parallelStream()
                .map(pf -> readPage(pf, parser, cache, now, keepBodies, problems))
                .flatMap(Optional::stream)
                .map(page -> keepBodies ? page : page.withoutBody())
                .sorted(Comparator.comparing(p -> p.source().relative()))
                .toList();
        if (files.isEmpty()) {
            problems.error(display, 0, 0, null, "no pages found",
                    "pages live at " + display + "/<language>/<section>/<name>.md, e.g. "
                            + display + "/" + site.defaultLanguage() + "/" + site.sections().get(0).folder().get(site.defaultLanguage()) + "/example.md");
        }
        return new Content(site, pages, folders.data(), folders.statics(), folders.pageFiles());
    }

    /**
     * The page files, and those of them that changed since the build that made {@code cache}:
     * read and parsed, recorded in it, without their text. Every other file's entry is kept in
     * {@code cache} undecoded and its findings are reported again. {@code changed} holds the
     * changed files that could be read as pages, {@code changedFiles} all of them.
     */
    public record Changes(SiteData data, List<SourceFile> staticFiles, List<String> pageFiles, List<String> changedFiles,
                          List<Page> changed) {
    }

    /** {@code pageCache} is asked for only once the folders are walked: it may still be being read meanwhile. */
    public Changes changes(Problems problems, SiteConfig site, Supplier<? extends ParsedPages> pageCache) throws IOException {
        Folders folders = folders(site, problems);
        List<PageFile> files = folders.files();
        long now = System.currentTimeMillis();
        ParsedPages cache = pageCache.get();
        PageParser parser = new PageParser(site, lastCommits(site, cache, files), unknownFieldsAreWarnings);
        List<PageFile> changed = files.parallelStream().filter(pf -> {
            String relative = pf.source.relative();
            Optional<ParsedPages.FileState> state = fileState(pf, relative);
            if (state.isEmpty() || !state.equals(cache.previousState(relative))) return true;
            try {
                cache.previousProblems(relative).forEach(problems::add);
            } catch (IOException e) {
                return true; // a damaged entry: the file is read again
            }
            cache.keep(relative);
            return false;
        }).toList();
        List<Page> pages = changed.stream().flatMap(pf -> readPage(pf, parser, cache, now, false, problems).stream()).toList();
        return new Changes(folders.data(), folders.statics(), folders.pageFiles(),
                changed.stream().map(pf -> pf.source.relative()).toList(), pages);
    }

    /** One page: from {@code cache} when its file is unchanged (then without its text), else read and parsed. */
    private Optional<Page> readPage(PageFile pf, PageParser parser, ParsedPages cache, long now, boolean keepBodies, Problems problems) {
        String relative = pf.source.relative();
        Optional<ParsedPages.FileState> state = fileState(pf, relative);
        Optional<ParsedPages.Parse> kept = state.flatMap(s -> cache.reuse(relative, s));
        if (kept.isPresent()) {
            kept.get().problems().forEach(problems::add);
            return Optional.of(kept.get().page());
        }
        Problems found = new Problems();
        Optional<Page> page = TextFiles.read(pf.source.path(), pf.source.display(), found)
                .flatMap(text -> parser.parse(pf.source, pf.lang, pf.section, text, found));
        List<Problem> findings = found.sorted();
        findings.forEach(problems::add);
        if (page.isPresent() && state.isPresent() && cache.records()) {
            Page facts = page.get().withoutBody();
            // A file changed within two seconds of being read may change again with the same size and
            // time (coarse file system clocks): its entry is made never to match, so it is read again.
            ParsedPages.FileState seen = now - state.get().modified() < 2000
                    ? new ParsedPages.FileState(-1, -1, state.get().committed()) : state.get();
            cache.remember(relative, seen, facts, findings);
            return keepBodies ? page : Optional.of(facts);
        }
        return page;
    }

    private Optional<ParsedPages.FileState> fileState(PageFile file, String relative) {
        try {
            BasicFileAttributes attributes = file.attributes() != null ? file.attributes()
                    : Files.readAttributes(file.source().path(), BasicFileAttributes.class);
            return Optional.of(new ParsedPages.FileState(attributes.size(), attributes.lastModifiedTime().toMillis(),
                    lastCommits == null ? null : lastCommits.get(relative)));
        } catch (IOException e) {
            return Optional.empty(); // reported when it is read
        }
    }

    /** The file behind the content path {@code relative}, named as findings name it. */
    public SourceFile sourceOf(String relative) {
        return new SourceFile(contentDir.resolve(relative), display(relative), relative);
    }

    /** How findings name the file at {@code relative} (a path under content/). */
    public String display(String relative) {
        return display + "/" + relative;
    }

    /** {@code page} with its text read again from its file (loaded without it); empty when the file is no longer readable. */
    public static Optional<Page> withBody(Page page, Problems problems) {
        String file = page.source().display();
        return TextFiles.read(page.source().path(), file, problems)
                .flatMap(text -> FrontMatter.split(text, file, problems))
                .map(fm -> page.withBody(fm.body()));
    }

    /** Read once per loader: the history does not change while Beacon runs. */
    private Map<String, LocalDate> lastCommits(SiteConfig site) {
        if (lastCommits == null) lastCommits = GitDates.lastCommits(contentDir, site.timezone());
        return lastCommits;
    }

    /**
     * As above, asking git only for the commits after those the dates in {@code cache} know of
     * (recorded in it for the next build), when it can: {@code files} are the page files to date.
     */
    private Map<String, LocalDate> lastCommits(SiteConfig site, ParsedPages cache, List<PageFile> files) {
        if (lastCommits != null || !cache.records()) return lastCommits(site);
        if (commit().isEmpty()) {
            lastCommits = Map.of(); // not in git, or nothing committed
            return lastCommits;
        }
        GitDates.Dates dates = GitDates.since(contentDir, site.timezone(), cache.previousCommit(), cache.previousCommitDates(),
                files.stream().map(pf -> pf.source.relative()).toList(), commitsSince(site, cache));
        cache.putCommit(dates.commit());
        lastCommits = dates.byFile();
        return lastCommits;
    }

    /**
     * What git says of the commits of the content folder since the one {@code cache} was made at
     * ({@link GitDates#after}), asked once per loader: a build asks on a thread of its own as soon
     * as the page cache is read, while it walks the folders (two git calls, 30 ms at 10 000 pages).
     */
    public synchronized Optional<GitDates.Dates> commitsSince(SiteConfig site, ParsedPages cache) {
        if (commitsSince == null) {
            commitsSince = commit().isEmpty() || !cache.records() ? Optional.empty()
                    : GitDates.after(contentDir, site.timezone(), cache.previousCommit(), commit().get().hash());
        }
        return commitsSince;
    }

    /**
     * The last commit of the content folder, asked of git once per loader: a build asks for it on
     * a thread of its own as it starts, while it reads the settings and walks the folders.
     */
    public synchronized Optional<ContentCommit> commit() {
        if (commit == null) commit = ContentCommit.of(contentDir);
        return commit;
    }

    /** A page file found, with what the walk saw of it ({@code attributes}; null for a link, whose target is looked at when read). */
    private record PageFile(SourceFile source, String lang, Section section, BasicFileAttributes attributes) {
    }

    /**
     * What both readings of the content ({@link #load}, {@link #changes}) start from: the page files
     * found (and their paths under the content folder), the data files with the sub-sections found,
     * and the static files; the sub-sections' introductions are checked against them.
     */
    private record Folders(List<PageFile> files, List<String> pageFiles, SiteData data, List<SourceFile> statics) {
    }

    private Folders folders(SiteConfig site, Problems problems) throws IOException {
        Walk walk = walk(site, problems);
        SiteData data = new DataLoader(site, problems).load(contentDir.resolve(DATA_DIR), display + "/" + DATA_DIR)
                .withSubSections(walk.subSections());
        List<SourceFile> statics = staticFiles(problems);
        List<String> pageFiles = walk.files().stream().map(pf -> pf.source.relative()).toList();
        Introductions.check(walk.subSections(), pageFiles, statics, new Shortcodes(site.shortcodes(), unknownFieldsAreWarnings), problems);
        return new Folders(walk.files(), pageFiles, data, statics);
    }

    /** What the walk of the language folders found: the page files, and the sub-sections (sub-folders of sections) holding them. */
    private record Walk(List<PageFile> files, List<SubSection> subSections) {
    }

    private Walk walk(SiteConfig site, Problems problems) throws IOException {
        List<PageFile> found = new ArrayList<>();
        List<SubSection> subSections = new ArrayList<>();
        for (Path top : list(contentDir)) {
            String name = top.getFileName().toString();
            if (name.startsWith(".") || name.equals(DATA_DIR) || name.equals(STATIC_DIR) || name.equals(THEME_DIR)
                    || name.equals(SiteConfigLoader.FILE)) {
                continue;
            }
            if (linkedFolder(top, problems)) continue;
            if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                problems.warning(shown(top), 0, 0, null, "this file is not used",
                        "pages go under a language folder: " + String.join(", ", site.languageCodes()));
                continue;
            }
            if (!site.languageCodes().contains(name)) {
                problems.error(shown(top), 0, 0, null, "'" + name + "' is not a language of the portal",
                        DidYouMean.suggest(name, site.languageCodes()));
                continue;
            }
            for (Path folder : list(top)) {
                String folderName = folder.getFileName().toString();
                if (folderName.startsWith(".") || linkedFolder(folder, problems)) continue;
                Optional<Section> section = site.sectionByFolder(name, folderName);
                if (section.isEmpty() || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    List<String> folders = site.sections().stream().map(s -> s.folder().get(name)).toList();
                    problems.error(shown(folder), 0, 0, null, "'" + folderName + "' is not a section folder of '" + name + "'",
                            DidYouMean.suggest(folderName, folders));
                    continue;
                }
                walkFolder(new Place(name, section.get(), folder, "", name + "/" + folderName + "/"), site, found, subSections, problems);
            }
        }
        reportMissingTranslations(subSections, problems);
        subSections.sort(Comparator.comparing(SubSection::folder));
        return new Walk(found, List.copyOf(subSections));
    }

    /**
     * A folder of a section at {@code path} under the section folder ("" for the section folder
     * itself, else "heating/" or "heating/schools/"), with the address of its list, {@code url}.
     */
    private record Place(String lang, Section section, Path folder, String path, String url) {
    }

    /**
     * The page files of one folder of a section, then those of its sub-folders (each a sub-section,
     * to any depth), put into {@code found} in the folder's order; the sub-sections into
     * {@code subSections}. Whether any .md file was found in it or under it: an empty sub-folder is no
     * sub-section (git does not even keep one).
     */
    private boolean walkFolder(Place place, SiteConfig site, List<PageFile> found, List<SubSection> subSections,
                               Problems problems) throws IOException {
        String[] names = names(place.folder());
        List<String> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String fileName : names) {
            if (fileName.startsWith(".")) continue;
            // Only a name not ending in .md is looked at here: the page files are looked at once, on every core, below.
            if (!fileName.endsWith(".md") && Files.isDirectory(place.folder().resolve(fileName), LinkOption.NOFOLLOW_LINKS)) {
                folders.add(fileName);
            } else {
                files.add(fileName); // a link to a folder is "not a page", as in a section folder
            }
        }
        boolean nested = !place.path().isEmpty();
        boolean described = nested && files.contains(SubSection.INDEX);
        if (described) files.remove(SubSection.INDEX);
        String relativeDir = place.lang() + "/" + place.section().folder().get(place.lang()) + "/" + place.path();
        // A stat of each page file, ten thousand in a large portal: on every core, in the folder's order.
        List<PageFile> pages = files.parallelStream()
                .map(fileName -> pageFile(place.lang(), place.folder(), relativeDir, place.section(), fileName, problems))
                .flatMap(Optional::stream).toList();
        found.addAll(pages);
        boolean any = described || !pages.isEmpty() || files.stream().anyMatch(n -> n.endsWith(".md"));
        for (String folderName : folders) {
            String slug = site.language(place.lang()).slug().slugify(folderName);
            Path folder = place.folder().resolve(folderName);
            if (slug.isEmpty() || slug.length() > Slugs.MAX_LENGTH) {
                problems.error(shown(folder), 0, 0, null, slug.isEmpty()
                                ? "the folder name \"" + folderName + "\" gives no usable address"
                                : "the folder name gives an address " + slug.length() + " characters long; at most " + Slugs.MAX_LENGTH + " are accepted",
                        "rename the folder with letters or digits" + (slug.isEmpty() ? "" : ", e.g. \"" + Slugs.shortened(slug) + "\""));
                continue;
            }
            Place inner = new Place(place.lang(), place.section(), folder, place.path() + folderName + "/", place.url() + slug + "/");
            if (walkFolder(inner, site, found, subSections, problems)) any = true;
        }
        if (nested && any) subSection(place, described, site, problems).ifPresent(subSections::add);
        return any;
    }

    /** The sub-section of {@code place}: read from its _index.md when {@code described}, else titled from its folder's name, with a warning. */
    private Optional<SubSection> subSection(Place place, boolean described, SiteConfig site, Problems problems) {
        String path = place.path().substring(0, place.path().length() - 1);
        String folderName = path.substring(path.lastIndexOf('/') + 1);
        String folderRelative = place.lang() + "/" + place.section().folder().get(place.lang()) + "/" + path;
        if (!described) {
            String title = SubSection.titleOf(folderName);
            problems.warning(display(folderRelative), 0, 0, null,
                    "this sub-section has no " + SubSection.INDEX + ": its title is made from the folder name (\"" + title + "\")",
                    "add " + folderRelative + "/" + SubSection.INDEX + " with the lines:\n---\ntitle: " + title + "\n---");
            return Optional.of(new SubSection(place.lang(), place.section(), path, place.url(), title, "", 0, null, 0, "", 0,
                    sourceOf(folderRelative), false));
        }
        SourceFile index = sourceOf(folderRelative + "/" + SubSection.INDEX);
        return TextFiles.read(index.path(), index.display(), problems)
                .flatMap(text -> new SubSectionParser(site.languageCodes(), unknownFieldsAreWarnings)
                        .parse(index, place.lang(), place.section(), path, place.url(), text, problems));
    }

    /** A sub-section's 'translation:' must name another sub-section's _index.md, as a page's names a page. */
    private void reportMissingTranslations(List<SubSection> subSections, Problems problems) {
        List<String> indexes = subSections.stream().filter(SubSection::described).map(s -> s.source().relative()).toList();
        for (SubSection s : subSections) {
            if (s.translation() == null || indexes.contains(s.translation())) continue;
            String lang = s.translation().substring(0, s.translation().indexOf('/') + 1);
            problems.error(s.source().display(), s.translationLine(), 1, "translation",
                    "no file " + s.translation() + " in the content folder",
                    DidYouMean.closest(s.translation(), indexes.stream().filter(i -> i.startsWith(lang)).toList())
                            .map(c -> "did you mean '" + c + "'?").orElse(null));
        }
    }

    /** The page file {@code fileName} of a section folder, when it is one (else a finding, or nothing when it is gone). */
    private Optional<PageFile> pageFile(String lang, Path folder, String relativeDir, Section section, String fileName, Problems problems) {
        Path file = folder.resolve(fileName);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return Optional.empty(); // deleted since the folder was listed
        }
        if (!fileName.endsWith(".md") || attributes.isDirectory()) {
            problems.warning(shown(file), 0, 0, null, "not a page (only .md files are read here), so not used",
                    "put images and documents under " + display + "/" + STATIC_DIR + "/");
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            return insideContent(file, problems) ? Optional.of(new PageFile(source(file), lang, section, null)) : Optional.empty();
        }
        String relative = relativeDir + fileName;
        return Optional.of(new PageFile(new SourceFile(file, display(relative), relative), lang, section, attributes));
    }

    private List<SourceFile> staticFiles(Problems problems) throws IOException {
        Path root = contentDir.resolve(STATIC_DIR);
        if (!Files.isDirectory(root) || !TextFiles.notLinkedFolder(root, shown(root), problems)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !TextFiles.refusedAsSpecial(p, shown(p), problems))
                    .filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .filter(p -> safeStaticName(root.relativize(p), problems))
                    .filter(p -> insideContent(p, problems))
                    .filter(p -> StaticFiles.allowed(p, shown(p), problems))
                    .sorted()
                    .map(this::source)
                    .toList();
        }
    }

    /** What each folder and file name under static/ may be: it is part of the file's address, and of its name on every mirror. */
    private static final java.util.regex.Pattern STATIC_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}._-]*");

    /** Whether every name in {@code relative} (under static/) is safe in an address and on any file system; else a finding. */
    private boolean safeStaticName(Path relative, Problems problems) {
        for (Path name : relative) {
            if (!STATIC_NAME.matcher(name.toString()).matches()) {
                String safe = name.toString().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[-.]+", "");
                problems.error(shown(contentDir.resolve(STATIC_DIR).resolve(relative)), 0, 0, null, "the name \"" + name
                        + "\" may hold only letters, digits, '-', '_' and '.' (it becomes an address)",
                        "rename the file" + (safe.isEmpty() ? "" : ", e.g. to \"" + safe + "\""));
                return false;
            }
        }
        return true;
    }

    /** A symbolic link to a folder is never followed (it could lead anywhere, or in a circle). */
    private boolean linkedFolder(Path path, Problems problems) {
        if (!Files.isSymbolicLink(path) || !Files.isDirectory(path)) return false;
        problems.error(shown(path), 0, 0, null, "a symbolic link to a folder; it is not followed",
                "move or copy the folder into the content folder instead of linking to it");
        return true;
    }

    /** A symbolic link is followed only when it stays inside content/; anything else is reported. */
    private boolean insideContent(Path file, Problems problems) {
        if (!Files.isSymbolicLink(file)) return true;
        try {
            Path target = file.toRealPath();
            if (target.startsWith(realContentDir) && Files.isRegularFile(target)) return true;
        } catch (IOException e) {
            // a dangling link: reported as pointing outside, below
        }
        problems.error(shown(file), 0, 0, null, "a symbolic link that points outside the content folder; it is not followed",
                "copy the file into the content folder instead of linking to it");
        return false;
    }

    private SourceFile source(Path file) {
        return sourceOf(contentDir.relativize(file).toString().replace('\\', '/'));
    }

    private String shown(Path file) {
        return source(file).display();
    }

    /**
     * The names in the folder {@code dir}, sorted: read as names, the ten thousand page files of a
     * portal are listed in a third of the time it takes to list them as paths.
     */
    private static String[] names(Path dir) throws IOException {
        String[] names = dir.toFile().list();
        if (names == null) throw new IOException("cannot list " + dir);
        Arrays.sort(names);
        return names;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Objects::nonNull).sorted().toList();
        }
    }
}
