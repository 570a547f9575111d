package city.beacon.content;

import city.beacon.findings.Problems;
import city.beacon.model.Section;
import city.beacon.model.SourceFile;
import city.beacon.model.SubSection;
import city.beacon.yaml.FieldReader;

import java.util.List;
import java.util.Optional;

/**
 * Turns the text of a sub-section's {@code _index.md} into a {@link SubSection}: pure (no disk),
 * so tests give it a string. Its fields ({@code title} required, {@code summary},
 * {@code translation}, {@code weight}) are documented in docs/content-reference.md.
 */
public final class SubSectionParser {
    private final List<String> languages;
    private final boolean unknownFieldsAreWarnings;

    /** {@code languages}: the portal's language codes; {@code unknownFieldsAreWarnings} as for pages ({@code check --migrate}). */
    public SubSectionParser(List<String> languages, boolean unknownFieldsAreWarnings) {
        this.languages = List.copyOf(languages);
        this.unknownFieldsAreWarnings = unknownFieldsAreWarnings;
    }

    /** The sub-section at {@code path} (its folder under {@code section}'s) with address {@code url}, described by {@code text}. */
    public Optional<SubSection> parse(SourceFile source, String lang, Section section, String path, String url, String text,
                                      Problems problems) {
        String file = source.display();
        Optional<FrontMatter.Read> read = FrontMatter.read(text, file, problems);
        if (read.isEmpty()) return Optional.empty();
        FrontMatter fm = read.get().split();
        FieldReader f = read.get().fields();
        String title = f.text("title", true);
        String summary = f.text("summary", false);
        int weight = f.integer("weight", 0);
        String translation = translation(f, lang);
        f.hintUnknown(ImportHints::hint, ImportHints.ORIGIN);
        if (unknownFieldsAreWarnings) f.unknownFieldsAreWarnings();
        f.finish();
        if (!f.valid() || title == null) return Optional.empty();
        return Optional.of(new SubSection(lang, section, path, url, title, summary == null ? "" : summary, weight, translation,
                translation == null ? 0 : f.lineOf("translation"), fm.body(), fm.bodyLine(), source, true));
    }

    private String translation(FieldReader f, String lang) {
        String path = f.text("translation", false);
        if (path == null) return null;
        String normal = path.replace('\\', '/');
        boolean otherLanguage = languages.stream().anyMatch(code -> !code.equals(lang) && normal.startsWith(code + "/"));
        if (!otherLanguage || !normal.endsWith("/" + SubSection.INDEX) || normal.contains("../") || normal.startsWith("/")) {
            f.report("translation", "expected the other language's " + SubSection.INDEX
                    + ", relative to content/, like \"uk/poslugy/opalennia/_index.md\", got \"" + path + "\"", null);
            return null;
        }
        return normal;
    }
}
