package city.beacon.starter;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files {@code beacon init} writes, as text by path (relative to the new portal's folder):
 * {@code content/site.yaml}, the data files, one page of each kind per language and the privacy
 * and offline pages, the editors' CI workflow, {@code .gitignore} and {@code FIRST-STEPS.md}.
 * Pure: the same settings give the same files, and nothing is read but the jar's starter texts.
 */
public final class StarterPortal {
    /** The pages of each language: the role, and the section it goes in. */
    static final Map<String, String> ROLES = roles();
    private static final List<String> SECTIONS = List.of("services", "support", "info", "alerts");
    private static final Map<String, String> KINDS = Map.of("services", "service", "support", "support", "info", "page", "alerts", "alert");
    private static final List<String> CATEGORIES = List.of("energy", "safety", "housing", "documents", "social", "health");
    private static final Pattern LINK = Pattern.compile("\\{link:([a-z]+)}");

    /** One emergency number: {@code labels} by language (empty: the starter's words), {@code given}: from the options, else an example. */
    public record Emergency(String number, Map<String, String> labels, boolean given) {
    }

    /**
     * What the city told {@code beacon init}: its name ({@code names} by language, {@code city} for
     * the others), its languages (the first is the default), its emergency numbers, its time zone.
     */
    public record Settings(String city, Map<String, String> names, List<String> languages, List<Emergency> emergency,
                           String timezone, LocalDate today) {
        String name(String lang) {
            return names.getOrDefault(lang, city);
        }
    }

    private StarterPortal() {
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("service", "services");
        roles.put("support", "support");
        roles.put("about", "info");
        roles.put("privacy", "info");
        roles.put("offline", "info");
        roles.put("alert", "alerts");
        return roles;
    }

    /** The number residents are told to call in the pages' text: the first emergency number. */
    public static final String DEFAULT_EMERGENCY = "112";

    public static Map<String, String> files(Settings settings) {
        Map<String, StarterTexts> texts = new LinkedHashMap<>();
        for (String lang : settings.languages()) texts.put(lang, StarterTexts.of(lang));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("content/site.yaml", siteYaml(settings, texts));
        files.put("content/data/emergency.yaml", emergencyYaml(settings, texts));
        files.put("content/data/crisis-lines.yaml", crisisLinesYaml(texts));
        String first = settings.languages().get(0);
        for (StarterTexts words : texts.values()) {
            for (String role : ROLES.keySet()) {
                String translation = words.lang().equals(first) ? null : path(texts.get(first), role);
                files.put("content/" + path(words, role), page(settings, words, role, translation));
            }
        }
        files.put(".github/workflows/beacon.yml", StarterTexts.text("beacon.yml"));
        files.put(".gitignore", StarterTexts.text("gitignore"));
        files.put("FIRST-STEPS.md", firstSteps(settings, texts));
        return files;
    }

    /** The page of {@code role} in {@code words}' language, relative to content/: {@code es/servicios/puntos-de-calor.md}. */
    static String path(StarterTexts words, String role) {
        return words.lang() + "/" + words.word("section." + ROLES.get(role) + ".folder") + "/" + words.word("file." + role) + ".md";
    }

    private static String page(Settings settings, StarterTexts words, String role, String translation) {
        String text = words.page(role)
                .replace("{city}", settings.name(words.lang()))
                .replace("{emergency}", settings.emergency().isEmpty() ? DEFAULT_EMERGENCY : settings.emergency().get(0).number())
                .replace("{today}", settings.today().toString())
                .replace("{expires}", settings.today().plusDays(60).toString());
        Matcher link = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (link.find()) link.appendReplacement(out, Matcher.quoteReplacement(link(words, role, link.group(1))));
        link.appendTail(out);
        text = out.toString();
        if (translation != null) {
            int summary = text.indexOf("\nsummary:");
            int end = text.indexOf('\n', summary + 1);
            text = text.substring(0, end + 1) + "translation: " + translation + "\n" + text.substring(end + 1);
        }
        return text;
    }

    /** A relative link from the page of {@code from} to the page of {@code to}, as an editor writes it. */
    private static String link(StarterTexts words, String from, String to) {
        if (!ROLES.containsKey(to)) throw new IllegalStateException("starter/" + words.lang() + "/" + from + ".md links to an unknown page: " + to);
        String file = words.word("file." + to) + ".md";
        return ROLES.get(from).equals(ROLES.get(to)) ? file : "../" + words.word("section." + ROLES.get(to) + ".folder") + "/" + file;
    }

    private static String siteYaml(Settings settings, Map<String, StarterTexts> texts) {
        StringBuilder y = new StringBuilder("# The portal's settings, written by 'beacon init'. Every field is explained in docs/content-reference.md.\n");
        y.append("title:\n");
        texts.values().forEach(w -> y.append("  ").append(w.lang()).append(": ").append(quote(w.word("title").replace("{city}", settings.name(w.lang())))).append('\n'));
        y.append("description:\n");
        texts.values().forEach(w -> y.append("  ").append(w.lang()).append(": ").append(quote(w.word("description").replace("{city}", settings.name(w.lang())))).append('\n'));
        y.append("# The first language is the default: the site's home page opens in it.\nlanguages:\n");
        texts.values().forEach(w -> y.append("  - code: ").append(w.lang()).append("\n    name: ").append(quote(w.word("language.name"))).append('\n'));
        y.append("# Dates of alerts and 'today' are counted in this time zone.\ntimezone: ").append(settings.timezone()).append('\n');
        y.append("sections:\n");
        for (String section : SECTIONS) {
            y.append("  - id: ").append(section).append("\n    kind: ").append(KINDS.get(section)).append("\n    folder: ")
                    .append(localized(texts, "section." + section + ".folder")).append("\n    title: ")
                    .append(localized(texts, "section." + section + ".title")).append('\n');
        }
        y.append("categories:\n");
        for (String category : CATEGORIES) {
            y.append("  - id: ").append(category).append("\n    title: ").append(localized(texts, "category." + category)).append('\n');
        }
        y.append("# The home page's first links, per language: what residents come for most.\ntop_tasks:\n");
        for (StarterTexts w : texts.values()) {
            y.append("  ").append(w.lang()).append(":\n");
            for (String role : List.of("service", "support", "offline")) y.append("    - page: ").append(path(w, role)).append('\n');
        }
        y.append("menu:\n  - services\n  - support\n  - info\n");
        y.append("# How many days a page may go without 'reviewed:' being renewed, per kind (a warning after that).\n");
        y.append("review:\n  service: 365\n  support: 180\n  page: 730\n");
        return y.toString();
    }

    private static String emergencyYaml(Settings settings, Map<String, StarterTexts> texts) {
        StringBuilder y = new StringBuilder("# Emergency numbers shown on every page, in this order.\n");
        List<Emergency> numbers = settings.emergency().isEmpty()
                ? List.of(new Emergency(DEFAULT_EMERGENCY, Map.of(), false)) : settings.emergency();
        if (numbers.stream().anyMatch(e -> !e.given())) {
            y.append("# EXAMPLE DATA: a number marked 'example: true' was not given to 'beacon init'. Check it is your\n")
                    .append("# country's number, add the others (fire, police, ambulance, gas), then delete 'example: true'.\n");
        }
        for (Emergency e : numbers) {
            y.append("- number: ").append(quote(e.number())).append("\n  label: {");
            int i = 0;
            for (StarterTexts w : texts.values()) {
                String label = e.labels().getOrDefault(w.lang(), e.labels().getOrDefault("",
                        e.number().equals("112") ? w.word("emergency.112") : w.word("emergency.other")));
                y.append(i++ > 0 ? ", " : "").append(w.lang()).append(": ").append(quote(label));
            }
            y.append("}\n");
            if (!e.given()) y.append("  example: true\n");
        }
        return y.toString();
    }

    private static String crisisLinesYaml(Map<String, StarterTexts> texts) {
        return "# The main crisis lines shown on every page.\n"
                + "# EXAMPLE DATA: the number below is invented. Replace it with a verified line, then delete 'example: true'.\n"
                + "- number: \"+00 000 000 0090\"\n"
                + "  label: " + localized(texts, "crisis.label") + "\n"
                + "  hours: " + localized(texts, "crisis.hours") + "\n"
                + "  free: true\n"
                + "  example: true\n";
    }

    private static String firstSteps(Settings settings, Map<String, StarterTexts> texts) {
        String lang = settings.languages().get(0).equals("uk") ? "uk" : "en";
        StringBuilder pages = new StringBuilder();
        for (StarterTexts w : texts.values()) {
            for (String role : ROLES.keySet()) pages.append("- `content/").append(path(w, role)).append("`\n");
        }
        return StarterTexts.text("first-steps-" + lang + ".md")
                .replace("{city}", settings.name(settings.languages().get(0)))
                .replace("{pages}", pages.toString().strip());
    }

    private static String localized(Map<String, StarterTexts> texts, String key) {
        StringBuilder out = new StringBuilder("{");
        int i = 0;
        for (StarterTexts w : texts.values()) out.append(i++ > 0 ? ", " : "").append(w.lang()).append(": ").append(quote(w.word(key)));
        return out.append('}').toString();
    }

    /** A YAML double-quoted scalar: any text, safe whatever it holds. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
