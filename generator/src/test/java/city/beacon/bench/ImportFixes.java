package city.beacon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a site brought in with {@code beacon import hugo} publish, as an editor would:
 * {@code ImportFixes CONTENT [BEACON]} runs {@code BEACON check --content CONTENT --format json}
 * ({@code bin/beacon} by default), edits the content for each error of a kind it knows
 * ({@link Kind}, each edit one of {@link EditorFixes}), and checks again, until no error is left
 * (at most {@link #MAX_PASSES} checks). It prints how many of each fix it made; exit 1 when errors
 * are left, with them. Used by bench/real.sh on a real documentation site.
 */
public final class ImportFixes {
    static final int MAX_PASSES = 8;

    /** One finding of {@code beacon check --format json} (its {@code field} left out). */
    public record Finding(String severity, String file, int line, int column, String message, String suggestion) {
        boolean isError() {
            return severity.equals("error");
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + severity + ": " + message;
        }
    }

    /** Where a fix is made. */
    enum Scope { LINE, SETTING, MOVE, TEXTS, PAGE }

    /** The errors fixed, each by the message Beacon gives it (group 1: what it names). */
    public enum Kind {
        LINK_TO_MISSING_PAGE(Scope.LINE, "links to a missing page made their text", "the link \"(.*)\" points to a page that does not exist"),
        LINK_TO_NO_PAGE(Scope.LINE, "links outside the site's pages (outside the content folder, from '/', data:) made their text",
                "the link \"(.*)\" (?:points outside the content folder|starts with '/', which .*|uses '[a-z]+:', which is not allowed)"),
        MISSING_HEADING(Scope.LINE, "links to a missing heading made links to its page", "the link \"(.*)\" points to a heading that does not exist"),
        MALFORMED_ADDRESS(Scope.LINE, "malformed web addresses (a template in them, no host) no longer links",
                "the web address \"(.*)\" (?:is malformed: .*|has no host name)"),
        IMAGE_FROM_ANOTHER_SITE(Scope.LINE, "images from another site made links to them", "the image \"(.*)\" would load from another site"),
        IMAGE_WITHOUT_ALT(Scope.LINE, "images without a description described by their file's name", "(an image) without a description \\(alt text\\)"),
        LEVEL_ONE_HEADING(Scope.LINE, "level-1 headings in the text made level 2", "(a level-1 heading) \\('# \\.\\.\\.'\\) in the text.*"),
        DUPLICATE_HEADING_ID(Scope.LINE, "headings given an id of their own", "the heading \".*\" gets the id \"(.*)\", which is already used on this page.*"),
        PAGE_ON_SUB_SECTION(Scope.MOVE, "pages moved off a sub-section's address",
                "this page would have the address \\S+ of the sub-section in the folder (\\S+)"),
        LANGUAGE_WITHOUT_TEXTS(Scope.TEXTS, "languages given a copy of the English interface texts", "no interface text for the language '([^']+)'.*"),
        SHORTCODE(Scope.SETTING, "Hugo shortcodes unwrapped (site.yaml shortcodes: NAME: unwrap)",
                "the Hugo shortcode \\{\\{< (\\S+) >\\}\\} is not Beacon Markdown.*"),
        OVER_BUDGET(Scope.SETTING, "pages over the weight budget (site.yaml budget.page_kib raised to the heaviest)",
                "the page \\S+ weighs ([0-9.]+) KiB compressed with its CSS, over the budget of .*budget\\.page_kib.*"),
        MISSING_ID_ON_PAGE(Scope.PAGE, "links to an id a page lacks made links to the page",
                "the link \"[^\"]*\" on the page \\S+ points to #(\\S+), which is not an id on .*");

        final Scope scope;
        final String done;
        final Pattern message;

        Kind(Scope scope, String done, String message) {
            this.scope = scope;
            this.done = done;
            this.message = Pattern.compile(message);
        }

        /** The kind of {@code finding}'s message, and what it names (the link, the address, the folder, the language). */
        static Optional<Map.Entry<Kind, String>> of(Finding finding) {
            for (Kind kind : values()) {
                Matcher m = kind.message.matcher(finding.message());
                if (m.matches()) return Optional.of(Map.entry(kind, m.group(1)));
            }
            return Optional.empty();
        }
    }


    /** What a check of the content finds. */
    @FunctionalInterface
    public interface Check {
        List<Finding> findings(Path content) throws IOException;
    }

    /** The fixes made, per kind, in every pass; and the errors left after the last check (none when it publishes). */
    public record Outcome(Map<Kind, Integer> fixed, int passes, List<Finding> left) {
    }

    private ImportFixes() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ImportFixes CONTENT [BEACON]   (BEACON: the command that runs Beacon; default bin/beacon)");
            System.exit(2);
        }
        String beacon = args.length == 2 ? args[1] : "bin/beacon";
        Outcome outcome = fix(Path.of(args[0]), content -> beaconCheck(beacon, content), System.out);
        System.exit(outcome.left().isEmpty() ? 0 : 1);
    }

    /** Checks and fixes {@code content} until no error is left, at most {@link #MAX_PASSES} checks; prints each pass and the totals. */
    public static Outcome fix(Path content, Check check, PrintStream out) throws IOException {
        Map<Kind, Integer> fixed = new EnumMap<>(Kind.class);
        List<Finding> errors = List.of();
        int pass = 0;
        while (pass < MAX_PASSES) {
            pass++;
            errors = check.findings(content).stream().filter(Finding::isError).toList();
            out.println("import fixes: check " + pass + ": " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"));
            if (errors.isEmpty()) break;
            Map<Kind, Integer> made = apply(content, errors);
            made.forEach((kind, n) -> fixed.merge(kind, n, Integer::sum));
            if (made.values().stream().allMatch(n -> n == 0)) break;
        }
        for (Kind kind : Kind.values()) out.println("import fixes: " + kind.done + ": " + fixed.getOrDefault(kind, 0));
        if (!errors.isEmpty()) {
            out.println("import fixes: " + errors.size() + " error(s) left after " + pass + " checks:");
            errors.forEach(e -> out.println("  " + e));
        }
        return new Outcome(fixed, pass, errors);
    }

    /**
     * Makes the fix of every error of a known kind among {@code errors} (paths as the check printed
     * them: absolute, or relative to the working folder; a built page's relative to the content
     * folder): first the edits of lines, each file's from its last to its first (so that the
     * columns of the others still hold), then of built pages' sources, the settings of site.yaml,
     * the moves of pages and the interface texts. Returns how many errors of each kind it fixed;
     * an error it cannot fix is left.
     */
    static Map<Kind, Integer> apply(Path content, List<Finding> errors) throws IOException {
        Map<Kind, Integer> made = new EnumMap<>(Kind.class);
        Map<Scope, List<Finding>> byScope = new EnumMap<>(Scope.class);
        Map<Path, List<Finding>> lineEdits = new LinkedHashMap<>();
        for (Finding error : errors) {
            Kind kind = Kind.of(error).map(Map.Entry::getKey).orElse(null);
            if (kind == null) continue;
            if (kind.scope == Scope.LINE) lineEdits.computeIfAbsent(Path.of(error.file()), f -> new ArrayList<>()).add(error);
            else byScope.computeIfAbsent(kind.scope, s -> new ArrayList<>()).add(error);
        }
        for (Map.Entry<Path, List<Finding>> file : lineEdits.entrySet()) editLines(file.getKey(), file.getValue(), made);
        for (Finding page : byScope.getOrDefault(Scope.PAGE, List.of())) {
            String fragment = Kind.of(page).orElseThrow().getValue();
            String built = page.file().substring(0, page.file().length() - "index.html".length());
            for (Path source : List.of(content.resolve(built.replaceAll("/$", "") + ".md"), content.resolve(built).resolve("_index.md"))) {
                if (!Files.isRegularFile(source)) continue;
                String text = Files.readString(source, StandardCharsets.UTF_8);
                String edited = EditorFixes.fragmentDroppedEverywhere(text, fragment);
                if (edited.equals(text)) continue;
                Files.writeString(source, edited, StandardCharsets.UTF_8);
                made.merge(Kind.MISSING_ID_ON_PAGE, 1, Integer::sum);
                break;
            }
        }
        settings(content, byScope.getOrDefault(Scope.SETTING, List.of()), made);
        for (Finding move : byScope.getOrDefault(Scope.MOVE, List.of())) {
            String folder = Kind.of(move).orElseThrow().getValue();
            Path page = Path.of(move.file()).toAbsolutePath().normalize();
            String relative = content.toAbsolutePath().normalize().relativize(page).toString().replace('\\', '/');
            boolean hasIndex = Files.exists(content.resolve(folder).resolve("_index.md"));
            Path target = content.resolve(EditorFixes.movedPage(relative, folder, hasIndex, move.suggestion()));
            if (Files.exists(target)) continue;
            Files.move(page, target);
            made.merge(Kind.PAGE_ON_SUB_SECTION, 1, Integer::sum);
        }
        for (Finding text : byScope.getOrDefault(Scope.TEXTS, List.of())) {
            String lang = Kind.of(text).orElseThrow().getValue();
            Path file = Path.of(text.file());
            if (Files.exists(file)) continue;
            Files.createDirectories(file.getParent());
            Files.writeString(file, EditorFixes.interfaceTexts(lang, englishTexts()), StandardCharsets.UTF_8);
            made.merge(Kind.LANGUAGE_WITHOUT_TEXTS, 1, Integer::sum);
        }
        return made;
    }

    /** site.yaml's settings that answer the errors: each shortcode named unwrapped, the page budget the heaviest page's, one page a list. */
    private static void settings(Path content, List<Finding> errors, Map<Kind, Integer> made) throws IOException {
        if (errors.isEmpty()) return;
        Path siteYaml = content.resolve("site.yaml");
        String yaml = Files.readString(siteYaml, StandardCharsets.UTF_8);
        Set<String> shortcodes = new java.util.TreeSet<>();
        Matcher existing = Pattern.compile("(?m)^shortcodes: \\{(.*)}$").matcher(yaml);
        if (existing.find()) {
            for (String entry : existing.group(1).split(",")) if (entry.contains(":")) shortcodes.add(entry.split(":")[0].strip());
        }
        double heaviest = 0;
        for (Finding error : errors) {
            Map.Entry<Kind, String> kind = Kind.of(error).orElseThrow();
            switch (kind.getKey()) {
                case SHORTCODE -> shortcodes.add(kind.getValue());
                case OVER_BUDGET -> heaviest = Math.max(heaviest, Double.parseDouble(kind.getValue()));
                default -> throw new IllegalStateException(kind.getKey() + " is not a setting");
            }
            made.merge(kind.getKey(), 1, Integer::sum);
        }
        if (!shortcodes.isEmpty()) {
            yaml = EditorFixes.withSetting(yaml, "shortcodes", "{" + String.join(", ", shortcodes.stream().map(n -> n + ": unwrap").toList()) + "}");
        }
        if (heaviest > 0) yaml = EditorFixes.withSetting(yaml, "budget", "{page_kib: " + (int) Math.ceil(heaviest) + "}");
        Files.writeString(siteYaml, yaml, StandardCharsets.UTF_8);
    }

    private static final Pattern HEADING = Pattern.compile("the heading \"(.*)\" gets the id .*");

    /**
     * The edits of one file's lines, from its last finding to its first. A link's or image's edit
     * sees its line and the two after it (its text may go on over a line break); one the line does
     * not show (a reference's target, raw HTML) is made in the whole text.
     */
    private static void editLines(Path file, List<Finding> findings, Map<Kind, Integer> made) throws IOException {
        List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> lastFirst = findings.stream()
                .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column).reversed()).toList();
        for (Finding f : lastFirst) {
            if (!seen.add(f.line() + ":" + f.column()) || f.line() < 1 || f.line() > lines.size()) continue;
            Map.Entry<Kind, String> kind = Kind.of(f).orElseThrow();
            int index = f.line() - 1;
            int window = switch (kind.getKey()) {
                case LEVEL_ONE_HEADING, DUPLICATE_HEADING_ID -> 1;
                default -> Math.min(3, lines.size() - index);
            };
            String text = String.join("\n", lines.subList(index, index + window));
            Optional<String> edited = switch (kind.getKey()) {
                case LINK_TO_MISSING_PAGE, LINK_TO_NO_PAGE -> EditorFixes.linkBecomesText(text, f.column());
                case MISSING_HEADING -> EditorFixes.fragmentDropped(text, f.column());
                case MALFORMED_ADDRESS -> EditorFixes.addressLosesLink(text, f.column(), kind.getValue());
                case IMAGE_FROM_ANOTHER_SITE -> EditorFixes.imageBecomesLink(text, f.column());
                case IMAGE_WITHOUT_ALT -> EditorFixes.imageDescribedByItsName(text, f.column());
                case LEVEL_ONE_HEADING -> EditorFixes.headingDemoted(text);
                case DUPLICATE_HEADING_ID -> Optional.empty();
                default -> throw new IllegalStateException(kind.getKey() + " is not an edit of a line");
            };
            if (edited.isPresent() && edited.get().split("\n", -1).length == window) {
                List<String> editedLines = List.of(edited.get().split("\n", -1));
                for (int i = 0; i < window; i++) lines.set(index + i, editedLines.get(i));
                made.merge(kind.getKey(), 1, Integer::sum);
                continue;
            }
            String whole = String.join("\n", lines);
            String wholeEdited = switch (kind.getKey()) {
                case MISSING_HEADING -> {
                    int hash = kind.getValue().indexOf('#');
                    yield hash < 0 ? whole : EditorFixes.fragmentDroppedEverywhere(whole, kind.getValue().substring(hash + 1));
                }
                case IMAGE_FROM_ANOTHER_SITE -> EditorFixes.htmlImageBecomesLink(whole, kind.getValue());
                case DUPLICATE_HEADING_ID -> {
                    Matcher heading = HEADING.matcher(f.message());
                    int near = heading.matches() ? EditorFixes.nearestHeading(lines.toArray(String[]::new), index, heading.group(1)) : -1;
                    if (near < 0) yield whole;
                    lines.set(near, EditorFixes.headingWithId(lines.get(near), kind.getValue() + "-" + (near + 1)).orElseThrow());
                    yield String.join("\n", lines);
                }
                default -> whole;
            };
            if (wholeEdited.equals(whole)) continue;
            lines = new ArrayList<>(List.of(wholeEdited.split("\n", -1)));
            made.merge(kind.getKey(), 1, Integer::sum);
        }
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    }

    /** The jar's English interface texts (templates/i18n/en.yaml in the repository). */
    static String englishTexts() throws IOException {
        try (InputStream in = ImportFixes.class.getResourceAsStream("/theme/i18n/en.yaml")) {
            if (in == null) throw new IOException("theme/i18n/en.yaml is not on the class path (is beacon.jar on it?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The findings of {@code beacon check --format json}: {@code {"findings": [{"severity", "file", "line", ...}], ...}}. */
    public static List<Finding> readFindings(String json) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            findings.add(new Finding(f.path("severity").asText(), f.path("file").asText(), f.path("line").asInt(),
                    f.path("column").asInt(), f.path("message").asText(), f.path("suggestion").isNull() ? null : f.path("suggestion").asText()));
        }
        return findings;
    }

    /** Runs {@code beacon check --content CONTENT --format json} (exit 0 or 1: the findings are on its output). */
    private static List<Finding> beaconCheck(String beacon, Path content) throws IOException {
        Process process = new ProcessBuilder(beacon, "check", "--content", content.toString(), "--format", "json")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int code = process.waitFor();
            if (code != 0 && code != 1) throw new IOException(beacon + " check exited with " + code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return readFindings(json);
    }
}
