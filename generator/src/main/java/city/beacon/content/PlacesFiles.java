package city.beacon.content;

import city.beacon.findings.Problems;
import city.beacon.model.Places;
import city.beacon.model.SiteConfig;
import city.beacon.yaml.TextFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the places' files of content/data/ ({@code places.csv}, the YAML files of {@code places/},
 * {@code places-status.csv}) and hands their texts to {@link PlacesReader}. A city's list is larger
 * than a page: up to {@value #MAX_MB} MB are read.
 */
final class PlacesFiles {
    static final String CSV = "places.csv";
    static final String FOLDER = "places";
    static final String STATUS = "places-status.csv";
    static final int MAX_MB = 32;

    private PlacesFiles() {
    }

    static Places read(Path dataDir, String display, SiteConfig config, Problems problems) {
        List<PlacesReader.Source> sources = new ArrayList<>();
        text(dataDir, dataDir.resolve(CSV), display + "/" + CSV, problems).ifPresent(sources::add);
        Path folder = dataDir.resolve(FOLDER);
        String folderShown = display + "/" + FOLDER;
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(folder)) {
            if (TextFiles.notLinkedFolder(folder, folderShown, problems)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(".")) continue;
                        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                            text(dataDir, file, folderShown + "/" + name, problems).ifPresent(sources::add);
                        } else {
                            problems.warning(folderShown + "/" + name, 0, 0, null, "this file is not read",
                                    "places here are YAML files (.yaml); a CSV list goes in " + display + "/" + CSV);
                        }
                    }
                } catch (IOException e) {
                    problems.error(folderShown, 0, 0, null, "the folder cannot be read: " + e.getMessage(), null);
                }
            }
        }
        PlacesReader.Source status = text(dataDir, dataDir.resolve(STATUS), display + "/" + STATUS, problems).orElse(null);
        Places places = PlacesReader.read(sources, status, config, problems);
        String outlinesShown = display + "/" + DistrictOutlines.FILE;
        return text(dataDir, dataDir.resolve(DistrictOutlines.FILE), outlinesShown, problems)
                .map(source -> places.withOutlines(DistrictOutlines.parse(source.text(), outlinesShown, problems)))
                .orElse(places);
    }

    /** The text of {@code file}, when it exists and can be read (else a finding, or nothing when it is absent). */
    private static Optional<PlacesReader.Source> text(Path dataDir, Path file, String shown, Problems problems) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        if (!TextFiles.insideContent(file, dataDir.toAbsolutePath().getParent(), shown, problems)) return Optional.empty();
        if (TextFiles.refusedAsSpecial(file, shown, problems)) return Optional.empty();
        try {
            long size = Files.size(file);
            if (size > MAX_MB * 1024L * 1024) {
                problems.error(shown, 0, 0, null, String.format(java.util.Locale.ROOT, "the file is %.1f MB; at most %d MB are read",
                        size / 1048576.0, MAX_MB), "split the places into several YAML files under " + FOLDER + "/, or shorten the notes");
                return Optional.empty();
            }
            return TextFiles.decode(Files.readAllBytes(file), shown, problems).map(text -> new PlacesReader.Source(shown, text));
        } catch (IOException e) {
            problems.error(shown, 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            return Optional.empty();
        }
    }
}
