package city.beacon.importer;

import java.util.List;
import java.util.Map;

/**
 * A Hugo or Jekyll site as the importer reads it: its languages (the default first), its pages
 * placed in folders, and the files to copy into {@code static/}. Made by {@link HugoSource} or
 * {@link JekyllSource}; nothing in it is Beacon's yet.
 */
record SourceSite(String title, List<String> languages, Map<String, String> languageNames, List<Page> pages,
                  List<StaticFile> files) {

    enum Role {
        /** A page of a section (or of the site's root, when {@code folders} is empty). */
        PAGE,
        /** A folder's own page ({@code _index.md}): a section's title and introduction. */
        SECTION,
        /** The site's home page: Beacon makes its own. */
        HOME
    }

    /**
     * One page: the folders it is in (from the language's content root), its name without extension,
     * its front matter, and the addresses the old site gave it (the first is its own, the others aliases).
     * {@code contentPath}: its path from the language's content root, as Hugo's {@code ref} names it.
     */
    record Page(SourceTree.File file, String lang, List<String> folders, String stem, Role role, SourceFrontMatter front,
                List<String> oldAddresses, String contentPath, String dateFromName, boolean draftFolder) {
    }

    /** A file to copy: {@code target} is its path under {@code static/}, {@code oldAddress} where the old site served it. */
    record StaticFile(SourceTree.File file, String target, String oldAddress) {
    }
}
