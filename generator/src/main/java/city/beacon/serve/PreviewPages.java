package city.beacon.serve;

import city.beacon.check.Problem;
import city.beacon.check.Report;
import org.jsoup.nodes.Entities;

import java.util.List;

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

    /** A page of the preview itself (not of the site), with the reload script. */
    static String page(String title, String body, long version) {
        return withReload("""
                <!DOCTYPE html>
                <html lang="en">
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
                """.formatted(escape(title), body), version);
    }

    /** Every error, each with its file, line and message, in the format the terminal and CI print. */
    static String errors(List<Problem> errors, long version) {
        StringBuilder page = new StringBuilder("<h1>The preview cannot show the site</h1>\n");
        page.append("<p>").append(Report.count(errors.size(), "error"))
                .append(" in the content. Fix ").append(errors.size() == 1 ? "it" : "them")
                .append(" and save: this page reloads by itself.</p>\n<ol>\n");
        for (Problem problem : errors) {
            page.append("<li><span class=\"where\">").append(escape(location(problem))).append("</span><br>");
            if (problem.field() != null && !problem.field().isEmpty()) {
                page.append("field <code>").append(escape(problem.field())).append("</code>: ");
            }
            page.append(escape(problem.plainMessage()));
            if (problem.suggestion() != null && !problem.suggestion().isEmpty()) {
                page.append("<br>What to do: ").append(escape(problem.suggestion()));
            }
            page.append("<br><code>").append(escape(problem.format())).append("</code></li>\n");
        }
        page.append("</ol>\n");
        return page("Preview: fix the content", page.toString(), version);
    }

    private static String location(Problem problem) {
        if (problem.line() <= 0) return problem.file();
        return problem.file() + ", line " + problem.line() + (problem.column() > 0 ? ", column " + problem.column() : "");
    }

    static String escape(String text) {
        return Entities.escape(text);
    }
}
