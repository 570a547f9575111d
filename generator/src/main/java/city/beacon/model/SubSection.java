package city.beacon.model;

/**
 * A sub-folder of a section folder, at any depth: {@code en/services/heating/} holds the pages of
 * the sub-section {@code heating}. {@code path} is its folder under the section folder as written
 * ({@code heating/schools}); {@code url} its list page ({@code en/services/heating/schools/}, each
 * folder name made an address as file names are). {@code source} is its {@code _index.md}, or the
 * folder itself when it has none ({@code described} false: then {@code title} is made from the
 * folder name). {@code translation}: the other language's {@code _index.md}, relative to content/,
 * as written ({@code translationLine} its line), or null; {@code intro}: the Markdown of its
 * introduction, shown at the top of its list, from the line {@code introLine} of its file.
 */
public record SubSection(String lang, Section section, String path, String url, String title, String summary, int weight,
                         String translation, int translationLine, String intro, int introLine, SourceFile source,
                         boolean described) {

    /** Its introduction as the Markdown stage reads a page's text: a page at the sub-section's address, from its _index.md. */
    public Page introduction() {
        return new Page(source, lang, section, "", url, title, summary, java.util.List.of(), false, null, null, false, weight,
                null, new Details.None(), intro, introLine, 0);
    }

    /** The file name of a sub-section's description. */
    public static final String INDEX = "_index.md";

    /** The folder of the sub-section relative to content/, ending with '/': {@code en/services/heating/}. */
    public String folder() {
        return lang + "/" + section.folder().get(lang) + "/" + path + "/";
    }

    /** The folder of the sub-section (or section) it is in, relative to content/, ending with '/'. */
    public String parentFolder() {
        String inner = folder().substring(0, folder().length() - 1);
        return inner.substring(0, inner.lastIndexOf('/') + 1);
    }

    /** How deep it is: 1 for a sub-folder of a section folder. */
    public int depth() {
        return path.split("/").length;
    }

    /** The title a sub-folder without {@code _index.md} gets from its name: hyphens to spaces, the first letter a capital. */
    public static String titleOf(String folderName) {
        String words = folderName.replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) return folderName;
        return words.substring(0, words.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
                + words.substring(words.offsetByCodePoints(0, 1));
    }
}
