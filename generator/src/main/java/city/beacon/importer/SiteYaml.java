package city.beacon.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The settings and data files the importer writes: site.yaml, data/emergency.yaml, data/redirects.yaml. */
final class SiteYaml {
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("uk", "Українська", "en", "English");

    private SiteYaml() {
    }

    static String site(SourceSite site, Sections sections, Importer.Kind kind, Path source) {
        StringBuilder out = new StringBuilder();
        String name = source.toAbsolutePath().normalize().getFileName() == null ? "the site"
                : source.toAbsolutePath().normalize().getFileName().toString();
        out.append("# Written by 'beacon import ").append(kind.name().toLowerCase()).append("' from ").append(name)
                .append(". Every field is explained in docs/content-reference.md;\n")
                .append("# what the import did, and what to do next, in docs/migration.md.\n");
        String title = site.title().isEmpty() ? name : site.title();
        out.append("title:\n");
        for (String lang : site.languages()) out.append("  ").append(lang).append(": ").append(Fields.quote(title)).append('\n');
        out.append("languages:\n");
        for (String lang : site.languages()) {
            String languageName = LANGUAGE_NAMES.getOrDefault(lang, site.languageNames().getOrDefault(lang, lang));
            out.append("  - code: ").append(lang).append("\n    name: ").append(Fields.quote(languageName)).append('\n');
        }
        List<Sections.Top> tops = sections.tops(site.languages());
        out.append("# Every page is of kind 'page' (title required, summary optional): the old site's pages have no\n")
                .append("# service or support fields. Move pages into sections of other kinds as you rewrite them.\n");
        out.append("sections:\n");
        for (Sections.Top top : tops) {
            out.append("  - id: ").append(top.id()).append("\n    kind: page\n    folder: {");
            out.append(String.join(", ", site.languages().stream().map(l -> l + ": " + top.id()).toList())).append("}\n    title:\n");
            for (String lang : site.languages()) out.append("      ").append(lang).append(": ").append(Fields.quote(top.titles().get(lang))).append('\n');
        }
        out.append("menu: [").append(String.join(", ", tops.stream().map(Sections.Top::id).toList())).append("]\n");
        return out.toString();
    }

    static String emergency(SourceSite site) {
        StringBuilder out = new StringBuilder("# The emergency numbers shown on every page. Written by 'beacon import' with 112 only:\n"
                + "# check it, and add your city's numbers (docs/content-reference.md, \"Shared data\").\n"
                + "- number: \"112\"\n  label:\n");
        for (String lang : site.languages()) {
            out.append("    ").append(lang).append(": ").append(lang.equals("uk") ? "\"Єдиний номер екстрених служб\"" : "\"Emergency number\"")
                    .append('\n');
        }
        return out.toString();
    }

    /** Each old address of a page, sorted, with the file of the page now there. */
    static String redirects(Map<String, String> redirects) {
        StringBuilder out = new StringBuilder("# The old site's addresses of each imported page (from: the old address; to: the page's\n"
                + "# file under content/). Written by 'beacon import' so that old links and bookmarks can be sent on; see docs/migration.md.\n");
        if (redirects.isEmpty()) return out.append("[]\n").toString();
        redirects.forEach((from, to) -> out.append("- from: ").append(Fields.quote(from)).append("\n  to: ").append(Fields.quote(to)).append('\n'));
        return out.toString();
    }
}
