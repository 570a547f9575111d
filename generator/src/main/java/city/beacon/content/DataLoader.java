package city.beacon.content;

import city.beacon.yaml.FieldReader;
import city.beacon.yaml.YamlDocument;
import city.beacon.yaml.TextFiles;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.model.Localized;
import city.beacon.model.SiteData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Reads the shared data files under content/data/ (the places: {@link PlacesFiles}). */
public final class DataLoader {
    private final SiteConfig config;
    private final Problems problems;

    public DataLoader(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public SiteData load(Path dataDir, String display) {
        if (!TextFiles.notLinkedFolder(dataDir, display, problems)) return new SiteData(List.of(), List.of(), List.of());
        List<String> langs = config.languageCodes();
        Function<FieldReader, SiteData.ContactLine> contact = c -> new SiteData.ContactLine(
                c.phone("number", true), c.localized("label", true, langs), c.localized("hours", false, langs),
                c.bool("free"), c.bool("example"));
        return new SiteData(
                read(dataDir, display, "emergency.yaml", true, contact),
                read(dataDir, display, "crisis-lines.yaml", false, contact),
                read(dataDir, display, "mirrors.yaml", false, m -> new SiteData.Mirror(
                        m.text("name", true), m.url("url", true), m.text("rsync", false),
                        m.localized("location", false, langs), m.bool("example"))),
                List.of(),
                read(dataDir, display, "redirects.yaml", false, r -> new SiteData.Redirect(r.text("from", true), r.text("to", true))),
                PlacesFiles.read(dataDir, display, config, problems));
    }

    private <T> List<T> read(Path dir, String display, String name, boolean required, Function<FieldReader, T> each) {
        Path file = dir.resolve(name);
        String shown = display + "/" + name;
        if (!TextFiles.insideContent(file, dir.toAbsolutePath().getParent(), shown, problems)) return List.of();
        if (TextFiles.refusedAsSpecial(file, shown, problems)) return List.of();
        if (!Files.isRegularFile(file)) {
            if (required) {
                problems.error(shown, 0, 0, null, "the file is missing",
                        "create it: the emergency numbers are shown on every page");
            }
            return List.of();
        }
        return TextFiles.read(file, shown, problems)
                .map(text -> YamlDocument.parse(text, shown, 1, problems))
                .map(doc -> FieldReader.eachItem(doc, shown, problems, each))
                .orElse(List.of());
    }
}
