package city.beacon.outputs;

import city.beacon.model.Replacement;
import city.beacon.model.Site;
import city.beacon.publish.OutputFiles;

import java.util.Map;

/**
 * The files of an output's last write, by address, and the site they list: what the live
 * preview's search index and open data keep, to write a replacement of that site by remaking one
 * page's parts. Not thread-safe.
 */
final class KeptFiles {
    private Map<String, PartsFile> files = Map.of();
    private Site written;

    /** {@code files} were written for {@code site}. */
    void keep(Site site, Map<String, PartsFile> files) {
        this.files = files;
        this.written = site;
    }

    /**
     * Writes the kept files again with the replaced page's parts made again, when they list the
     * site it was replaced in; false when they do not (nothing is written: write all).
     */
    boolean write(Replacement replacement, OutputFiles out) {
        if (replacement.from() != written) return false;
        files.forEach((address, file) -> {
            file.replace(replacement.site(), replacement.before(), replacement.after());
            out.write(address, file.bytes());
        });
        written = replacement.site();
        return true;
    }
}
