package city.beacon.importer;

import city.beacon.content.Placeholders;
import city.beacon.model.Slugs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source page's front matter in Beacon's fields of kind {@code page}: {@code date}/{@code lastmod}
 * (the later) to {@code updated}, {@code description} to {@code summary}, {@code categories},
 * {@code tags}, {@code topics} and {@code keywords} to {@code tags}, {@code slug}, {@code draft}
 * (Jekyll's {@code published: false} too), {@code weight} ({@code order}, {@code nav_order}); the
 * old addresses ({@code url}, {@code aliases}, {@code permalink}, {@code redirect_from}) go to
 * {@code data/redirects.yaml} and {@code translationKey} pairs translations. Any other field is
 * dropped and counted. Written as YAML whose every text is double-quoted, in a fixed order.
 */
final class Fields {
    /** Fields read here or by the source readers: never reported as dropped. */
    private static final Set<String> USED = Set.of("title", "date", "lastmod", "lastModified", "last_modified_at", "description",
            "summary", "excerpt", "categories", "tags", "topics", "keywords", "slug", "draft", "published", "weight", "order",
            "nav_order", "url", "aliases", "permalink", "redirect_from", "translationKey");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private Fields() {
    }

    /** The front matter to write, as YAML lines between '---' (without them). {@code translation}: the paired page, or null. */
    static String yaml(SourceSite.Page page, String translation, Optional<String> madeTitle, ImportReport report) {
        Map<String, Object> f = page.front().fields();
        for (String name : f.keySet()) if (!USED.contains(name)) report.dropped(name);
        StringBuilder out = new StringBuilder();
        Optional<String> title = SourceFrontMatter.text(f.get("title"));
        if (title.isEmpty() && page.dateFromName() != null) title = Optional.of(fromName(page.stem()));
        if (title.isEmpty()) title = madeTitle.filter(t -> !t.isBlank());
        out.append("title: ").append(quote(title.orElse(Placeholders.mark(page.lang()) + ": the page's title"))).append('\n');
        first(f, "description", "summary", "excerpt").ifPresent(s -> out.append("summary: ").append(quote(oneLine(s))).append('\n'));
        updated(page).ifPresent(d -> out.append("updated: ").append(d).append('\n'));
        List<String> tags = tags(f, report);
        if (!tags.isEmpty()) {
            out.append("tags: [").append(String.join(", ", tags.stream().map(Fields::quote).toList())).append("]\n");
        }
        SourceFrontMatter.text(f.get("slug")).map(Slugs::slugify).filter(s -> !s.isEmpty() && !s.equals(Slugs.slugify(page.stem())))
                .ifPresent(s -> out.append("slug: ").append(s).append('\n'));
        weight(f, report).ifPresent(w -> out.append("weight: ").append(w).append('\n'));
        boolean draft = page.draftFolder() || "true".equalsIgnoreCase(SourceFrontMatter.text(f.get("draft")).orElse(""))
                || "false".equalsIgnoreCase(SourceFrontMatter.text(f.get("published")).orElse(""));
        if (draft) out.append("draft: true\n");
        if (translation != null) out.append("translation: ").append(quote(translation)).append('\n');
        return out.toString();
    }

    /** A level-1 heading at the start of a page's text, and the text with its line left blank (so lines keep their numbers). */
    record Heading(String text, String rest) {
    }

    /**
     * The page's first level-1 heading ({@code # Title}), when it is the first line that is not
     * blank: the title of a page that has none (Beacon refuses a level-1 heading in the text).
     */
    static Optional<Heading> firstHeading(String body) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            java.util.regex.Matcher h1 = java.util.regex.Pattern.compile("^ {0,3}# +(.*?)(?: +#+)? *$").matcher(lines[i]);
            if (!h1.matches() || h1.group(1).isBlank()) return Optional.empty();
            lines[i] = "";
            return Optional.of(new Heading(h1.group(1).strip(), String.join("\n", lines)));
        }
        return Optional.empty();
    }

    /** A folder's own page ({@code _index.md}): title, summary, weight, translation. */
    static String sectionYaml(SourceSite.Page page, String fallbackTitle, String translation, ImportReport report) {
        Map<String, Object> f = page.front().fields();
        for (String name : f.keySet()) if (!USED.contains(name)) report.dropped(name);
        StringBuilder out = new StringBuilder();
        out.append("title: ").append(quote(SourceFrontMatter.text(f.get("title")).orElse(fallbackTitle))).append('\n');
        first(f, "description", "summary", "excerpt").ifPresent(s -> out.append("summary: ").append(quote(oneLine(s))).append('\n'));
        weight(f, report).ifPresent(w -> out.append("weight: ").append(w).append('\n'));
        if (translation != null) out.append("translation: ").append(quote(translation)).append('\n');
        return out.toString();
    }

    static Optional<String> title(SourceSite.Page page) {
        return SourceFrontMatter.text(page.front().fields().get("title"));
    }

    /** "the-first-step" -> "The first step": Jekyll's title of a post without one. */
    static String fromName(String name) {
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Optional<String> updated(SourceSite.Page page) {
        Map<String, Object> f = page.front().fields();
        String latest = page.dateFromName();
        for (String name : List.of("date", "lastmod", "lastModified", "last_modified_at")) {
            Optional<String> value = SourceFrontMatter.text(f.get(name));
            if (value.isEmpty()) continue;
            Matcher m = DATE.matcher(value.get());
            if (m.find() && (latest == null || m.group(1).compareTo(latest) > 0)) latest = m.group(1);
        }
        return Optional.ofNullable(latest);
    }

    private static List<String> tags(Map<String, Object> f, ImportReport report) {
        Set<String> tags = new LinkedHashSet<>();
        for (String name : List.of("tags", "categories", "topics", "keywords")) {
            Object value = f.get(name);
            List<Object> items = new ArrayList<>();
            if (value instanceof List<?> list) items.addAll(list);
            else if (value != null) items.addAll(List.of(value.toString().split(",")));
            for (Object item : items) {
                String tag = item == null ? "" : item.toString().strip();
                if (tag.isEmpty()) continue;
                if (tag.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    report.dropped(name + " (a value with no letter or digit)");
                    continue;
                }
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    private static Optional<Integer> weight(Map<String, Object> f, ImportReport report) {
        Optional<String> value = SourceFrontMatter.text(f.get("weight")).or(() -> SourceFrontMatter.text(f.get("order")))
                .or(() -> SourceFrontMatter.text(f.get("nav_order")));
        if (value.isEmpty()) return Optional.empty();
        try {
            int w = (int) Math.round(Double.parseDouble(value.get()));
            if (w >= 0) return Optional.of(w);
        } catch (NumberFormatException e) {
            // reported below
        }
        report.dropped("weight (not a whole number of 0 or more)");
        return Optional.empty();
    }

    private static Optional<String> first(Map<String, Object> f, String... names) {
        for (String name : names) {
            Optional<String> value = SourceFrontMatter.text(f.get(name));
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** A YAML double-quoted string: every text is written so, whatever it holds (': ', '#', quotes). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
