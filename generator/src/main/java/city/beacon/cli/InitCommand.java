package city.beacon.cli;

import city.beacon.starter.StarterPortal;
import city.beacon.starter.StarterTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code beacon init DIR}: writes a new city's portal that builds and passes {@code check --strict}
 * as written. Asks on a terminal for what the options do not say; never overwrites a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a new city's portal in DIR: settings, emergency numbers, a crisis line, one page of each kind "
                + "per language, the privacy and offline pages, the editors' CI workflow, .gitignore and FIRST-STEPS.md. "
                + "It builds and passes 'beacon check --strict' as written. On a terminal it asks for what the options do not say.",
                "Never overwrites a file: if any file it would write exists, it writes nothing and names them.",
                "Example: beacon init madrid --city Madrid --languages es,en --emergency 112 --emergency \"091=es:Policía Nacional|en:National Police\""})
public final class InitCommand implements Callable<Integer> {
    static final int USAGE = 2;

    @Parameters(index = "0", paramLabel = "DIR", description = "the new portal's folder (made if missing; may hold other files, "
            + "such as .git or a README, but none that init writes)")
    Path dir;

    @Option(names = "--city", paramLabel = "NAME", description = "the city's name, used in every language without --city-name")
    String city;

    @Option(names = "--city-name", paramLabel = "LANG=NAME", description = "the city's name in one language, e.g. uk=Київ (repeatable)")
    Map<String, String> cityNames = new LinkedHashMap<>();

    @Option(names = "--languages", paramLabel = "CODES", split = ",",
            description = "the portal's languages in order, the first the default, e.g. es,en; starter text ships for "
                    + "uk, en, es, pl and ar")
    List<String> languages;

    @Option(names = "--emergency", paramLabel = "NUMBER[=LABEL]",
            description = "an emergency number shown on every page (repeatable, in order): 112, or \"101=Fire and rescue\" "
                    + "(one label for every language), or \"091=es:Policía Nacional|en:National Police\". "
                    + "Without it, 112 is written marked as example data")
    List<String> emergency = new ArrayList<>();

    @Option(names = "--timezone", paramLabel = "ZONE", description = "the city's time zone, e.g. Europe/Madrid (default: this computer's)")
    String timezone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        if (city == null) city = ask(console, "--city", "The city's name (as residents write it): ", null);
        if (languages == null || languages.isEmpty()) {
            String answer = ask(console, "--languages", "The portal's languages, the default first (shipped: "
                    + String.join(", ", StarterTexts.SHIPPED) + "), e.g. es,en: ", null);
            languages = List.of(answer.split("\\s*,\\s*"));
        }
        languages = languages.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        checkLanguages();
        if (emergency.isEmpty() && console != null) {
            console.printf("Emergency numbers shown on every page, one a line: 112, or 101=Fire and rescue; an empty line ends "
                    + "(none: 112, marked as example data to check)%n");
            List<String> answers = new ArrayList<>();
            String answer;
            while ((answer = console.readLine("Emergency number: ")) != null && !answer.isBlank()) answers.add(answer.strip());
            emergency = answers;
        }
        String zone = timezone != null ? timezone : ZoneId.systemDefault().getId();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--timezone: unknown time zone \"" + zone + "\"; write a name like Europe/Madrid");
        }
        for (String lang : cityNames.keySet()) {
            if (!languages.contains(lang)) {
                throw new ParameterException(spec.commandLine(), "--city-name " + lang + "=...: '" + lang
                        + "' is not one of --languages " + String.join(",", languages));
            }
        }
        StarterPortal.Settings settings = new StarterPortal.Settings(city.strip(), Map.copyOf(cityNames), languages,
                emergencyNumbers(), ZoneId.of(zone).getId(), LocalDate.now(ZoneId.of(zone)));
        Map<String, String> files = StarterPortal.files(settings);

        List<String> existing = files.keySet().stream().filter(path -> Files.exists(dir.resolve(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        if (!existing.isEmpty()) {
            System.err.println("beacon init: " + dir + " already holds " + existing.size() + " of the files it would write ("
                    + String.join(", ", existing.subList(0, Math.min(5, existing.size()))) + (existing.size() > 5 ? ", ..." : "")
                    + "); nothing was written. Choose a new folder, or move those files aside");
            return USAGE;
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        System.out.println("Wrote a new portal for " + settings.city() + " in " + dir + " (" + files.size() + " files, languages "
                + String.join(", ", languages) + "). Next: read " + dir.resolve("FIRST-STEPS.md") + ", then run, in " + dir + ":");
        System.out.println("  beacon serve     # the preview at http://127.0.0.1:8080/");
        System.out.println("  beacon check --strict");
        return 0;
    }

    /** The answer on the terminal, or a usage error naming the option when there is none to ask on. */
    private String ask(Console console, String option, String question, String fallback) {
        if (console == null) {
            if (fallback != null) return fallback;
            throw new ParameterException(spec.commandLine(), "beacon init: " + option + " is required when there is no terminal to ask on");
        }
        while (true) {
            String answer = console.readLine(question);
            if (answer == null) throw new ParameterException(spec.commandLine(), "beacon init: no answer for " + option);
            if (!answer.isBlank()) return answer.strip();
        }
    }

    private void checkLanguages() {
        List<String> seen = new ArrayList<>();
        for (String lang : languages) {
            if (seen.contains(lang)) throw new ParameterException(spec.commandLine(), "--languages: '" + lang + "' is named twice");
            seen.add(lang);
            if (!StarterTexts.shipped(lang)) {
                throw new ParameterException(spec.commandLine(), "--languages: there is no starter text for '" + lang + "'; beacon init "
                        + "writes pages in " + String.join(", ", StarterTexts.SHIPPED) + ". Start with those of your languages it has "
                        + "(or en), then add '" + lang + "' by hand as docs/new-city.md describes (\"A language beacon init does not know\")");
            }
        }
    }

    /** {@code 112}, {@code 101=Fire and rescue}, {@code 091=es:Policía|en:Police}: labels by language, "" for every language. */
    private List<StarterPortal.Emergency> emergencyNumbers() {
        List<StarterPortal.Emergency> numbers = new ArrayList<>();
        for (String given : emergency) {
            int eq = given.indexOf('=');
            String number = (eq < 0 ? given : given.substring(0, eq)).strip();
            if (!number.matches("\\+?[0-9][0-9 ]*")) {
                throw new ParameterException(spec.commandLine(), "--emergency: expected a number, then optionally '=' and a label, "
                        + "like 112 or \"101=Fire and rescue\", got \"" + given + "\"");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (eq >= 0) {
                for (String part : given.substring(eq + 1).split("\\|")) {
                    int colon = part.indexOf(':');
                    String lang = colon > 0 ? part.substring(0, colon).strip() : "";
                    if (!languages.contains(lang)) lang = "";
                    String label = (lang.isEmpty() ? part : part.substring(colon + 1)).strip();
                    if (!label.isEmpty()) labels.put(lang, label);
                }
            }
            numbers.add(new StarterPortal.Emergency(number, labels, true));
        }
        return numbers;
    }
}
