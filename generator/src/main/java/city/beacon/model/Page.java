package city.beacon.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One page an editor wrote, with its front matter checked and typed. {@code url} is relative to
 * the site root and ends with '/', e.g. {@code uk/poslugy/pasport/}. {@code reviewedLine} is the line
 * of the 'reviewed:' field (0 when absent), for findings made after parsing (the review policy).
 */
public record Page(SourceFile source, String lang, Section section, String slug, String url,
                   String title, String summary, List<String> tags, boolean draft,
                   LocalDate updated, LocalDate reviewed, boolean example, int weight,
                   String translation, Details details, String body, int bodyLine, int reviewedLine) {

    public PageKind kind() {
        return section.kind();
    }

    /** The page with {@code text} as its Markdown body. */
    public Page withBody(String text) {
        return withBody(text, bodyLine);
    }

    /** This page with {@code text} as its text, starting at line {@code bodyLine} of its file. */
    public Page withBody(String text, int bodyLine) {
        return new Page(source, lang, section, slug, url, title, summary, tags, draft, updated, reviewed, example, weight,
                translation, details, text, bodyLine, reviewedLine);
    }

    /** The page without its text, for what needs only its facts (lists, a build holding thousands of pages). */
    public Page withoutBody() {
        return body.isEmpty() ? this : withBody(""); // a build holding 100 000 pages keeps one copy of each
    }

    /**
     * Pairs a page with its translation: same section, same sub-folders (if any) and same file name
     * in the other language.
     */
    public String pairKey() {
        String prefix = lang + "/" + section.folder().get(lang) + "/";
        String relative = source.relative();
        String name = relative.startsWith(prefix) ? relative.substring(prefix.length()) : relative.substring(relative.lastIndexOf('/') + 1);
        return section.id() + "/" + name;
    }

    /** The folder of the page, relative to content/, ending with '/': {@code en/services/} or {@code en/services/heating/}. */
    public String folder() {
        return source.relative().substring(0, source.relative().lastIndexOf('/') + 1);
    }
}
