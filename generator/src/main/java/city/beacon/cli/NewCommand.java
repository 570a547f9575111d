package city.beacon.cli;

import city.beacon.findings.DidYouMean;
import city.beacon.findings.Messages;
import city.beacon.findings.Problems;
import city.beacon.findings.Report;
import city.beacon.model.SiteConfig;
import city.beacon.config.SiteConfigLoader;
import city.beacon.content.Placeholders;
import city.beacon.content.Scaffold;
import city.beacon.model.SubSection;
import city.beacon.model.PageKind;
import city.beacon.model.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code beacon new}: starts a page with every field of its kind, to be filled in. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start a new page: writes every field of the kind with a note and a placeholder (TODO; ЗАПОВНІТЬ in a Ukrainian page); "
                + "the build reports each placeholder left. Never overwrites a file.",
                "Examples: beacon new service uk/poslugy/nova-posluha.md",
                "          beacon new support free-helpline --lang en"})
public final class NewCommand implements Callable<Integer> {
    static final int USAGE = 2;

    @Parameters(index = "0", description = "the kind of page: service, support, page or alert")
    String kind;

    @Parameters(index = "1", description = "the file, relative to the content folder (uk/poslugy/name.md), "
            + "or just a name, put in the kind's section of --lang")
    String path;

    @Option(names = "--lang", description = "the language of a page given by name (default: the portal's first language)")
    String lang;

    @Mixin
    ContentOptions common;


    @Override
    public Integer call() throws IOException {
        Problems problems = new Problems();
        Optional<SiteConfig> loaded = Files.isDirectory(common.content)
                ? SiteConfigLoader.load(common.content, common.content.toString(), problems) : Optional.empty();
        if (loaded.isEmpty()) {
            Report.text(problems, System.err);
            System.err.println("beacon new: no portal settings at " + common.content.resolve(SiteConfigLoader.FILE)
                    + "; run from the portal's repository, or pass --content <folder>");
            return Main.CONTENT_ERRORS;
        }
        SiteConfig config = loaded.get();
        Optional<PageKind> pageKind = PageKind.byId(kind);
        if (pageKind.isEmpty()) {
            System.err.println("beacon new: '" + kind + "' is not a kind of page; " + DidYouMean.suggest(kind, PageKind.ids()));
            return USAGE;
        }
        String relative;
        try {
            relative = target(config, pageKind.get());
        } catch (IllegalArgumentException e) {
            System.err.println("beacon new: " + e.getMessage());
            return USAGE;
        }
        Path file = common.content.resolve(relative);
        String language = relative.substring(0, relative.indexOf('/'));
        byte[] text = Scaffold.of(pageKind.get(), language, config, LocalDate.now(config.timezone())).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            System.err.println("beacon new: " + Messages.orEnglish(language).translate(file + " already exists; it was not changed. "
                    + "Choose another name, or edit that file"));
            return USAGE;
        }
        // The note in the page's language, as the page's own notes are.
        System.out.println(Messages.orEnglish(language).translate("Wrote " + file + ": replace every " + Placeholders.mark(language)
                + " (beacon check lists them), preview it with beacon serve, and delete the line 'draft: true' to publish it."));
        return 0;
    }

    /** The file to write, relative to content/, checked against the portal's languages and sections. */
    private String target(SiteConfig config, PageKind pageKind) {
        String name = path.replace('\\', '/');
        if (!name.endsWith(".md")) name += ".md";
        if (name.startsWith("/") || name.contains("../") || name.startsWith("..")) {
            throw new IllegalArgumentException("'" + path + "' must be a path inside the content folder, like "
                    + example(config, pageKind, config.defaultLanguage()));
        }
        if (!name.contains("/")) {
            String language = lang != null ? lang : config.defaultLanguage();
            checkLanguage(config, language);
            return folder(config, pageKind, language) + "/" + name;
        }
        String[] parts = name.split("/");
        checkLanguage(config, parts[0]);
        if (lang != null && !lang.equals(parts[0])) {
            throw new IllegalArgumentException("--lang " + lang + " does not match the folder '" + parts[0] + "' of " + path);
        }
        Optional<Section> section = config.sectionByFolder(parts[0], parts.length > 2 ? parts[1] : "");
        boolean emptyFolder = java.util.Arrays.stream(parts).anyMatch(part -> part.isBlank() || part.equals("."));
        if (parts.length < 3 || emptyFolder || section.isEmpty() || section.get().kind() != pageKind) {
            throw new IllegalArgumentException("pages of kind '" + pageKind.id() + "' go in " + folder(config, pageKind, parts[0])
                    + "/ or a sub-folder of it, e.g. " + example(config, pageKind, parts[0]));
        }
        if (parts[parts.length - 1].equals(SubSection.INDEX)) {
            throw new IllegalArgumentException(SubSection.INDEX + " describes a sub-section, it is not a page: write it by hand, "
                    + "e.g. '---', 'title: Опалення', '---' and an introduction (docs/content-reference.md, \"Sub-sections\")");
        }
        return name;
    }

    private static void checkLanguage(SiteConfig config, String language) {
        if (!config.languageCodes().contains(language)) {
            String hint = DidYouMean.suggest(language, config.languageCodes());
            throw new IllegalArgumentException("'" + language + "' is not a language of the portal (" + String.join(", ",
                    config.languageCodes()) + ")" + (hint == null ? "" : "; " + hint));
        }
    }

    private static String folder(SiteConfig config, PageKind pageKind, String language) {
        List<Section> sections = config.sections().stream().filter(s -> s.kind() == pageKind).toList();
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("site.yaml has no section of kind '" + pageKind.id() + "'");
        }
        return language + "/" + sections.get(0).folder().get(language);
    }

    private static String example(SiteConfig config, PageKind pageKind, String language) {
        return folder(config, pageKind, language) + "/new-page.md";
    }
}
