package city.beacon.content;

import city.beacon.config.SiteConfig;
import city.beacon.model.Category;
import city.beacon.model.PageKind;

import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The new page {@code beacon new} writes: every field of its kind (the schema {@link PageParser}
 * reads), each with a short comment; what only the editor can know is a {@link Placeholders#MARK}
 * placeholder, which the build reports until it is replaced.
 */
public final class Scaffold {
    private Scaffold() {
    }

    public static String of(PageKind kind, String lang, SiteConfig config, LocalDate today) {
        String todo = Placeholders.MARK;
        StringBuilder out = new StringBuilder("---\n");
        out.append("# A new ").append(kind.id()).append(" page. Replace every ").append(todo)
                .append("; `beacon check` lists those left.\n")
                .append("# Every field is explained in docs/editor-guide.md. Lines starting with # are notes.\n")
                .append("title: \"").append(todo).append(": the name residents look for\"\n")
                .append("# One or two sentences: shown under the title and in lists").append(kind == PageKind.PAGE ? " (optional)" : "")
                .append(".\nsummary: \"").append(todo).append(": who it is for and what they get\"\n");
        switch (kind) {
            case SERVICE -> out.append("# One of: ").append(config.categories().stream().map(Category::id)
                            .collect(Collectors.joining(", "))).append(".\n")
                    .append("category: ").append(todo).append('\n')
                    .append("# What to bring, one item per line.\n")
                    .append("documents:\n  - \"").append(todo).append(": a document\"\n")
                    .append("# What to do, in order (optional).\n")
                    .append("steps:\n  - \"").append(todo).append(": the first step\"\n")
                    .append("cost: \"").append(todo).append(": e.g. free of charge\"\n")
                    .append("processing_time: \"").append(todo).append(": e.g. the same day\"\n")
                    .append(places(todo))
                    .append("# The official page for this service (optional).\n# online: https://\n");
            case SUPPORT -> out.append("# One of: ").append(String.join(", ", PageParser.SUPPORT_TYPES))
                    .append(". A hotline needs at least one phone.\n")
                    .append("type: hotline\n")
                    .append("# Numbers to call. Mark an invented number with 'example: true'.\n")
                    .append("phones:\n  - number: \"").append(todo).append(": +380 44 ...\"\n")
                    .append("    label: \"").append(todo).append(": whose line it is\"\n")
                    .append("    hours: \"").append(todo).append(": e.g. 24/7\"\n")
                    .append("    free: true\n    example: false\n")
                    .append("# Languages spoken, as codes.\nlanguages: [").append(lang).append("]\n")
                    .append("audience: \"").append(todo).append(": who can turn to it\"\n")
                    .append("# A chat or site (optional).\n# online: https://\n")
                    .append(places(todo));
            case ALERT -> out.append("# One of: ").append(String.join(", ", PageParser.SEVERITIES)).append(".\n")
                    .append("severity: warning\n")
                    .append("# Shown from the start of 'starts' until 'expires' (dates, or times like 2026-11-25T08:00:00+02:00).\n")
                    .append("starts: ").append(today).append('\n')
                    .append("expires: ").append(today.plusDays(7)).append('\n');
            case PAGE -> {
            }
        }
        out.append("# Topics, shown as links to lists of pages on the same topic (optional).\n")
                .append("tags: [").append(todo).append("]\n")
                .append("# The same page in the other language, relative to content/ (optional when the file names match).\n")
                .append("# translation: ").append(otherLanguage(config, lang)).append("/...\n")
                .append("# The web address of the page (optional; made from the file name).\n# slug: my-page\n")
                .append("# When the facts last changed (optional in a git repository: the date of the last commit).\n")
                .append("updated: ").append(today).append('\n')
                .append("# When someone last checked every fact against reality.\n")
                .append("reviewed: ").append(today).append('\n')
                .append("# true: shown only in the preview (beacon serve). Delete this line to publish.\n")
                .append("draft: true\n")
                .append("# true: the page holds invented data (addresses, numbers) and says so.\n")
                .append("example: false\n")
                .append("# Lists show lower weights first, then by title.\n")
                .append("weight: 0\n")
                .append("---\n\n")
                .append(todo).append(": the text of the page, in Markdown. Short paragraphs; headings start with '## '.\n");
        return out.toString();
    }

    private static String places(String todo) {
        return "# Where to go (optional: delete the list if there is no place). Mark an invented place with 'example: true'.\n"
                + "places:\n  - name: \"" + todo + ": the office\"\n"
                + "    address: \"" + todo + ": street and number\"\n"
                + "    hours: \"" + todo + ": e.g. Mon–Fri 9:00–18:00\"\n"
                + "    phone: \"" + todo + ": +380 44 ...\"\n"
                + "    example: false\n";
    }

    private static String otherLanguage(SiteConfig config, String lang) {
        return config.languageCodes().stream().filter(code -> !code.equals(lang)).findFirst().orElse(lang);
    }
}
