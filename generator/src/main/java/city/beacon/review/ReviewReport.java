package city.beacon.review;

import city.beacon.findings.Report;
import city.beacon.model.PageKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Entities;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The review of every page on {@code today}, in the order {@link Review} sorts it, as text, JSON or a web page. */
public record ReviewReport(LocalDate today, Map<PageKind, Integer> policy, List<Item> pages) {

    /**
     * One page: {@code due} is when it must next be reviewed (null: no policy for its kind, or
     * never reviewed); {@code alert} says why an alert is not in force (null: it is, or not an alert).
     */
    public record Item(String file, String lang, PageKind kind, String title, boolean draft, LocalDate reviewed,
                       LocalDate due, boolean stale, List<String> missingTranslations, List<String> exampleData,
                       String alert) {
    }

    public List<Item> stale() {
        return only(Item::stale);
    }

    public List<Item> untranslated() {
        return only(i -> !i.missingTranslations().isEmpty());
    }

    public List<Item> withExampleData() {
        return only(i -> !i.exampleData().isEmpty());
    }

    public List<Item> inactiveAlerts() {
        return only(i -> i.alert() != null);
    }

    private List<Item> only(Predicate<Item> which) {
        return pages.stream().filter(which).toList();
    }

    /** The state of one page's review, as a short line. */
    static String status(Item item, LocalDate today) {
        if (item.due() == null) return item.stale() ? "STALE: never reviewed" : "no review policy for " + item.kind().id();
        if (item.stale()) return "STALE: due " + item.due() + ", " + (today.toEpochDay() - item.due().toEpochDay()) + " days ago";
        return "ok: next review by " + item.due();
    }

    private String policyLine() {
        if (policy.isEmpty()) return "no review policy in site.yaml (review: <kind>: <days>)";
        return "review every " + policy.entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue() + " days").collect(Collectors.joining(", "));
    }

    private String counts() {
        return stale().size() + " stale, " + untranslated().size() + " without a translation, " + withExampleData().size()
                + " with example data, " + inactiveAlerts().size() + " alerts not in force";
    }

    public String text() {
        StringBuilder out = new StringBuilder("Review on " + today + " (" + policyLine() + ")\n\n");
        out.append("Pages, stale first (").append(pages.size()).append("):\n");
        for (Item item : pages) {
            out.append(String.format(java.util.Locale.ROOT, "  %-19s  ", item.reviewed() == null ? "never reviewed" : "reviewed " + item.reviewed()))
                    .append(Report.escape(item.file())).append(item.draft() ? " (draft)" : "").append("  ")
                    .append(status(item, today)).append('\n');
        }
        section(out, "Missing translations", untranslated(), i -> "no " + String.join(", ", i.missingTranslations()));
        section(out, "Pages still holding example data", withExampleData(), i -> String.join(", ", i.exampleData()));
        section(out, "Alerts not in force", inactiveAlerts(), Item::alert);
        out.append('\n').append(counts()).append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Item> items, Function<Item, String> what) {
        out.append('\n').append(title).append(" (").append(items.size()).append("):\n");
        for (Item item : items) out.append("  ").append(Report.escape(item.file() + ": " + what.apply(item))).append('\n');
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("today", today.toString());
        ObjectNode days = root.putObject("policy");
        policy.forEach((kind, n) -> days.put(kind.id(), n));
        ArrayNode list = root.putArray("pages");
        for (Item item : pages) {
            ObjectNode node = list.addObject();
            node.put("file", item.file());
            node.put("lang", item.lang());
            node.put("kind", item.kind().id());
            node.put("title", item.title());
            node.put("draft", item.draft());
            node.put("reviewed", item.reviewed() == null ? null : item.reviewed().toString());
            node.put("due", item.due() == null ? null : item.due().toString());
            node.put("stale", item.stale());
            item.missingTranslations().forEach(node.putArray("missingTranslations")::add);
            item.exampleData().forEach(node.putArray("exampleData")::add);
            node.put("alert", item.alert());
        }
        root.put("stale", stale().size());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /** The review as an HTML fragment (heading, summary, table): the live preview serves it at /__beacon/review. */
    public String html() {
        StringBuilder out = new StringBuilder();
        out.append("<h1>Review on ").append(today).append("</h1>\n<p>").append(escape(policyLine())).append(". ")
                .append(counts()).append(".</p>\n<table>\n<tr><th>Reviewed</th><th>Status</th><th>Page</th><th>File</th>"
                        + "<th>Missing translation</th><th>Example data</th><th>Alert</th></tr>\n");
        for (Item item : pages) {
            out.append(item.stale() ? "<tr class=\"stale\">" : "<tr>")
                    .append(cell(item.reviewed() == null ? "never" : item.reviewed().toString()))
                    .append(cell(status(item, today)))
                    .append(cell(item.title() + (item.draft() ? " (draft)" : "")))
                    .append(cell(item.file()))
                    .append(cell(String.join(", ", item.missingTranslations())))
                    .append(cell(String.join(", ", item.exampleData())))
                    .append(cell(item.alert() == null ? "" : item.alert()))
                    .append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
