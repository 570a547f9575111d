package city.beacon.serve;

import city.beacon.findings.Messages;
import city.beacon.findings.Problem;
import city.beacon.findings.Report;
import org.jsoup.nodes.Entities;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The pages only the preview shows: the error page, and the reload script added to every page. */
final class PreviewPages {
    static final String SCRIPT = "/__beacon/reload.js";

    private PreviewPages() {
    }

    /** {@code html} with the reload script before {@code </body>}. */
    static String withReload(String html, long version) {
        String tag = "<script src=\"" + SCRIPT + "\" data-version=\"" + version + "\"></script>\n";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
    }

    /** A page of the preview itself (not of the site), in English, with the reload script. */
    static String page(String title, String body, long version) {
        return page(SPOKEN.get(0), title, body, version);
    }

    private static String page(String lang, String title, String body, long version) {
        return withReload("""
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font:1rem/1.5 sans-serif;margin:1rem auto;padding:0 1rem;max-width:80rem}li{margin:0 0 1rem}
                .where{font-weight:bold}table{border-collapse:collapse}.stale{background:#fdd}
                td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}</style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(lang, escape(title), body), version);
    }

    /**
     * The language the error page speaks: that of the pages in error (the folder after the content
     * folder, {@code uk/...}); when they are in both, that of the address asked for; else English.
     */
    static String language(List<Problem> errors, Path contentDir, String address) {
        return language(errors, contentDir, address, SPOKEN);
    }

    /** The languages the preview's own pages are written in, the first the fallback (the editors' message catalogue is issue 22's item 6). */
    static final List<String> SPOKEN = List.of("en", "uk");

    /** As {@link #language(List, Path, String)}, among {@code spoken}, the first the fallback. */
    static String language(List<Problem> errors, Path contentDir, String address, List<String> spoken) {
        Set<String> languages = new TreeSet<>();
        for (Problem problem : errors) {
            Path file = Path.of(problem.file()).toAbsolutePath().normalize();
            if (!file.startsWith(contentDir) || file.getNameCount() < contentDir.getNameCount() + 2) continue;
            String folder = contentDir.relativize(file).getName(0).toString();
            if (spoken.contains(folder)) languages.add(folder);
        }
        if (languages.size() == 1) return languages.iterator().next();
        String asked = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        return languages.contains(asked) ? asked : spoken.get(0);
    }

    /** Every error, each with its file, line and message, in the format the terminal and CI print. */
    static String errors(List<Problem> errors, String lang, long version) {
        boolean uk = lang.equals("uk");
        int n = errors.size();
        StringBuilder page = new StringBuilder(uk ? "<h1>Не вдається показати сайт у попередньому перегляді</h1>\n"
                : "<h1>The preview cannot show the site</h1>\n");
        page.append("<p>").append(uk ? "У матеріалах сайту знайдено " + n + " " + errorsUk(n) + ". Виправте "
                        + (n % 10 == 1 && n % 100 != 11 ? "її" : "їх") + " і збережіть файл — ця сторінка оновиться сама."
                        : Report.count(n, "error") + " in the content. Fix " + (n == 1 ? "it" : "them")
                        + " and save: this page reloads by itself.")
                .append("</p>\n<ol>\n");
        // The findings in the page's language where Beacon has its messages (messages/<lang>.po); the line below
        // each is the one the terminal and CI print, in English, to search for.
        Messages messages = Messages.orEnglish(lang);
        for (Problem problem : errors) {
            page.append("<li><span class=\"where\">").append(escape(location(problem, uk))).append("</span><br>");
            if (problem.field() != null && !problem.field().isEmpty()) {
                page.append(uk ? "поле <code>" : "field <code>").append(escape(problem.field())).append("</code>: ");
            }
            page.append(escape(messages.translate(problem.plainMessage())));
            if (problem.suggestion() != null && !problem.suggestion().isEmpty()) {
                page.append(uk ? "<br>Що зробити: " : "<br>What to do: ").append(escape(messages.translate(problem.suggestion())));
            }
            page.append("<br><code>").append(escape(problem.format())).append("</code></li>\n");
        }
        page.append("</ol>\n");
        return page(lang, uk ? "Попередній перегляд: виправте помилки" : "Preview: fix the content", page.toString(), version);
    }

    /** "помилку", "помилки" or "помилок", as the number before it asks (accusative: "знайдено 1 помилку"). */
    private static String errorsUk(int n) {
        if (n % 10 == 1 && n % 100 != 11) return "помилку";
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "помилки";
        return "помилок";
    }

    private static String location(Problem problem, boolean uk) {
        if (problem.line() <= 0) return problem.file();
        return problem.file() + (uk ? ", рядок " : ", line ") + problem.line()
                + (problem.column() > 0 ? (uk ? ", стовпець " : ", column ") + problem.column() : "");
    }

    static String escape(String text) {
        return Entities.escape(text);
    }
}
