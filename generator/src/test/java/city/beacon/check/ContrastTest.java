package city.beacon.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** WCAG 2.1 AA contrast of the stylesheet's colours, light and dark: 4.5:1 for text, 3:1 for focus rings and borders of controls. */
class ContrastTest {
    private static final Pattern VARIABLE = Pattern.compile("--([a-z]+):(#[0-9a-fA-F]{3,6})");

    /** Text colour on background, each pair as the stylesheet uses it. */
    private static final List<String[]> TEXT = List.of(
            new String[]{"fg", "bg"}, new String[]{"muted", "bg"}, new String[]{"link", "bg"},
            new String[]{"fg", "soft"}, new String[]{"link", "soft"}, new String[]{"muted", "soft"},
            new String[]{"fg", "warn"}, new String[]{"link", "warn"}, new String[]{"fg", "crit"}, new String[]{"link", "crit"});
    private static final List<String[]> NON_TEXT = List.of(
            new String[]{"line", "bg"}, new String[]{"line", "soft"});

    @Test
    void everyColourPairMeetsAaInLightAndDarkMode() throws IOException {
        String css = Files.readString(Path.of(System.getProperty("beacon.repo", "..")).resolve("templates/assets/beacon.css"));
        int dark = css.indexOf("prefers-color-scheme:dark");
        assertTrue(dark > 0, "the stylesheet has a dark mode");
        assertTrue(css.contains("outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--fg)"), "visible focus ring with halo");
        Map<String, String> light = variables(css.substring(0, dark));
        Map<String, String> darkMode = new HashMap<>(light);
        darkMode.putAll(variables(css.substring(dark, css.indexOf('}', css.indexOf('}', dark) + 1))));
        for (Map<String, String> scheme : List.of(light, darkMode)) {
            for (String[] pair : TEXT) check(scheme, pair, 4.5);
            for (String[] pair : NON_TEXT) check(scheme, pair, 3.0);
            assertTrue(ratio("#ffffff", scheme.get("exit")) >= 4.5, "white on the exit bar");
            // the focus ring is the focus colour inside a halo of the text colour: one of them stands out from the page
            assertTrue(Math.max(ratio(scheme.get("focus"), scheme.get("bg")), ratio(scheme.get("fg"), scheme.get("bg"))) >= 3.0);
        }
    }

    @Test
    void contrastRatioMatchesTheWcagFormula() {
        assertTrue(Math.abs(ratio("#000000", "#ffffff") - 21.0) < 0.01);
        assertTrue(Math.abs(ratio("#767676", "#ffffff") - 4.54) < 0.01);
    }

    private static void check(Map<String, String> scheme, String[] pair, double minimum) {
        double r = ratio(scheme.get(pair[0]), scheme.get(pair[1]));
        assertTrue(r >= minimum, "--" + pair[0] + " " + scheme.get(pair[0]) + " on --" + pair[1] + " " + scheme.get(pair[1])
                + ": " + String.format("%.2f", r) + ":1, needs " + minimum + ":1");
    }

    private static Map<String, String> variables(String css) {
        Map<String, String> vars = new HashMap<>();
        Matcher m = VARIABLE.matcher(css);
        while (m.find()) vars.putIfAbsent(m.group(1), m.group(2));
        return vars;
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }
}
