package city.beacon.model;

/**
 * A link the home page of a language shows first ({@code top_tasks:} in site.yaml): the page,
 * by its file under the content folder, and the link's text ({@code label}; null: the page's
 * title). {@code file}, {@code line} and {@code column} say where it is written, for findings.
 */
public record TopTask(String page, String label, String file, int line, int column) {
}
