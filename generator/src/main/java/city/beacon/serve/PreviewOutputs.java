package city.beacon.serve;

import city.beacon.build.SiteBuilder;
import city.beacon.findings.Problem;
import city.beacon.findings.Problems;
import city.beacon.model.Replacement;
import city.beacon.model.Site;
import city.beacon.publish.SiteOutput;

import java.util.List;
import java.util.Map;

/**
 * The files the preview makes from the whole site, as a build makes them ({@link
 * SiteBuilder#outputs()}: search index, feeds, robots.txt, open data; not sw.js), held in memory. The
 * outputs are kept for the preview's life: for a page replaced in the site they last wrote, they
 * make that page's parts again, not every page's. Not thread-safe.
 */
final class PreviewOutputs {
    private final List<SiteOutput> outputs = SiteBuilder.outputs();
    /** Null before the first write. */
    private MemoryFiles files;
    private List<Problem> problems = List.of();

    /** Makes the files of {@code site}; those whose bytes changed go into {@code changes}. */
    void write(Site site, Changes changes) {
        write(changes, (output, next, found) -> output.write(site, next, found));
    }

    /** Makes the files of {@code replacement.site()}, from those of the site it was replaced in where they kept them. */
    void write(Replacement replacement, Changes changes) {
        write(changes, (output, next, found) -> output.write(replacement, next, found));
    }

    /** One output's part of a write. */
    private interface Writing {
        void write(SiteOutput output, MemoryFiles files, Problems found);
    }

    private void write(Changes changes, Writing writing) {
        MemoryFiles next = new MemoryFiles(files);
        Problems found = new Problems();
        outputs.forEach(output -> writing.write(output, next, found));
        problems = found.sorted();
        Map<String, byte[]> before = files();
        Map<String, byte[]> after = next.bytes();
        after.forEach((file, bytes) -> changes.file(file, before.get(file), bytes));
        before.keySet().forEach(file -> {
            if (!after.containsKey(file)) changes.removed.add(file);
        });
        files = next;
    }

    /** The files, by address; none before the first write. */
    Map<String, byte[]> files() {
        return files == null ? Map.of() : files.bytes();
    }

    /** What the last write found. */
    List<Problem> problems() {
        return problems;
    }
}
