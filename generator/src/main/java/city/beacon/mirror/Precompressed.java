package city.beacon.mirror;

import city.beacon.publish.Gzip;
import city.beacon.publish.OutputTree;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code .gz} beside every text file, for nginx {@code gzip_static}: only where it is smaller
 * than the file. A file that did not change keeps its published .gz without compressing again.
 */
public final class Precompressed {
    static final Set<String> TEXT_TYPES = Set.of("html", "css", "js", "xml", "json", "txt", "svg", "csv", "geojson");

    private Precompressed() {
    }

    public static void write(OutputTree out) {
        List.copyOf(out.files()).parallelStream().filter(Precompressed::isText).forEach(file -> { // it adds the .gz files
            String gz = file + ".gz";
            if (out.unchanged(file) && out.reuse(gz)) return;
            byte[] content = out.read(file);
            byte[] compressed = Gzip.compress(content);
            if (compressed.length < content.length) out.write(gz, compressed);
        });
    }

    static boolean isText(String file) {
        int dot = file.lastIndexOf('.');
        return dot > file.lastIndexOf('/') && TEXT_TYPES.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
