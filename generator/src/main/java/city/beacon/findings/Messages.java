package city.beacon.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor-facing messages in one language, gettext-like: the English text is the key, with
 * {@code {0}}, {@code {1}} where a finding's own words go (a field, a file, a date), and a
 * catalogue per language ({@code messages/uk.po} in the jar, the PO format translators' tools
 * read) gives the text in that language. {@code messages/beacon.pot} lists every English
 * template translated. The code keeps writing its findings in English (so {@code --format json}
 * and tools stay as they are); a message is translated when printed, by finding the template it
 * was made from. A message no template matches is printed in English, never lost.
 */
public final class Messages {
    /** The languages whose catalogue the jar ships; English is the code's own. */
    public static final List<String> SHIPPED = List.of("en", "uk");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Messages ENGLISH = new Messages("en", List.of());

    /** One template: its English key, the translation, and the pattern that finds the key's words in a message. */
    public record Entry(String english, String translation, Pattern pattern, List<Integer> order) {
    }

    private final String lang;
    private final List<Entry> entries;

    private Messages(String lang, List<Entry> entries) {
        this.lang = lang;
        this.entries = entries;
    }

    public static Messages english() {
        return ENGLISH;
    }

    /** The messages of {@code lang}, one of {@link #SHIPPED}. */
    public static Messages of(String lang) {
        if ("en".equals(lang)) return ENGLISH;
        if (!SHIPPED.contains(lang)) throw new IllegalArgumentException("no messages in '" + lang + "'");
        List<Entry> entries = new ArrayList<>();
        catalogue(lang).forEach((english, translation) -> {
            if (!translation.isEmpty()) entries.add(entry(english, translation));
        });
        // The most specific template first: "unknown field '{0}', and it is empty ..." before "unknown field '{0}'".
        entries.sort(Comparator.comparingInt((Entry e) -> -literalLength(e.english())));
        return new Messages(lang, List.copyOf(entries));
    }

    /** The messages of {@code lang} when shipped, else English. */
    public static Messages orEnglish(String lang) {
        return SHIPPED.contains(lang) ? of(lang) : ENGLISH;
    }

    public String lang() {
        return lang;
    }

    /** {@code english} in this language; itself when no template matches. */
    public String translate(String english) {
        return translation(english).orElse(english);
    }

    /** {@code english} in this language, or empty when no template of the catalogue matches it. */
    public Optional<String> translation(String english) {
        if (entries.isEmpty()) return Optional.ofNullable(english);
        if (english == null) return Optional.empty();
        for (Entry entry : entries) {
            Matcher m = entry.pattern().matcher(english);
            if (!m.matches()) continue;
            Matcher slot = PLACEHOLDER.matcher(entry.translation());
            StringBuilder out = new StringBuilder();
            while (slot.find()) {
                int index = entry.order().indexOf(Integer.parseInt(slot.group(1)));
                String value = index < 0 ? slot.group() : m.group(index + 1);
                // A value may itself be a message ("in a draft, {0}"): translated when a template matches it whole.
                slot.appendReplacement(out, Matcher.quoteReplacement(index < 0 ? value : translate(value)));
            }
            slot.appendTail(out);
            return Optional.of(out.toString());
        }
        return Optional.empty();
    }

    /** {@link Problem#format(boolean)} in this language: the severity stays {@code error}/{@code warning}, which editors' tools match. */
    public String format(Problem p, boolean debug) {
        if (entries.isEmpty()) return p.format(debug);
        StringBuilder out = new StringBuilder(p.file());
        if (p.line() > 0) {
            out.append(':').append(p.line());
            if (p.column() > 0) out.append(':').append(p.column());
        }
        out.append(": ").append(p.severity().label()).append(": ");
        if (p.field() != null && !p.field().isEmpty()) out.append(translate("field '" + p.field() + "'")).append(": ");
        out.append(translate(p.plainMessage()));
        if (p.suggestion() != null && !p.suggestion().isEmpty()) out.append("; ").append(translate(p.suggestion()));
        int detail = p.message().indexOf(Problem.DEBUG_DETAIL);
        if (debug && detail >= 0) out.append(" (").append(p.message().substring(detail + 1)).append(')');
        return out.toString();
    }

    /** The catalogue of {@code lang} as shipped: English template -> translation (empty when not translated yet). */
    public static Map<String, String> catalogue(String lang) {
        return Po.read(resource("messages/" + lang + ".po"));
    }

    /** Every English template declared translated: {@code messages/beacon.pot}. */
    public static List<String> templates() {
        return List.copyOf(Po.read(resource("messages/beacon.pot")).keySet());
    }

    private static Entry entry(String english, String translation) {
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        Matcher slot = PLACEHOLDER.matcher(english);
        int at = 0;
        while (slot.find()) {
            regex.append(Pattern.quote(english.substring(at, slot.start())));
            int n = Integer.parseInt(slot.group(1));
            if (order.contains(n)) {
                regex.append("\\").append(order.indexOf(n) + 1); // the same words again
            } else {
                order.add(n);
                regex.append("(.+?)");
            }
            at = slot.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        return new Entry(english, translation, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(order));
    }

    private static int literalLength(String template) {
        return PLACEHOLDER.matcher(template).replaceAll("").length();
    }

    private static String resource(String path) {
        try (InputStream in = Messages.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException("the jar has no " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of the PO format a catalogue uses: comments, msgid and msgstr, strings continued on the next lines. */
    static final class Po {
        private Po() {
        }

        static Map<String, String> read(String text) {
            Map<String, String> entries = new LinkedHashMap<>();
            String id = null;
            StringBuilder current = null;
            StringBuilder msgid = new StringBuilder();
            StringBuilder msgstr = new StringBuilder();
            for (String raw : (text + "\n\n").split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    if (id != null && !id.isEmpty()) entries.put(id, msgstr.toString());
                    id = null;
                    current = null;
                    msgid.setLength(0);
                    msgstr.setLength(0);
                } else if (line.startsWith("#")) {
                    continue;
                } else if (line.startsWith("msgid ")) {
                    current = msgid;
                    current.append(unquote(line.substring(6)));
                    id = "";
                } else if (line.startsWith("msgstr ")) {
                    id = msgid.toString();
                    current = msgstr;
                    current.append(unquote(line.substring(7)));
                } else if (line.startsWith("\"") && current != null) {
                    current.append(unquote(line));
                } else {
                    throw new IllegalStateException("a catalogue line the PO format does not have: " + raw);
                }
            }
            return entries;
        }

        private static String unquote(String quoted) {
            String s = quoted.strip();
            if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) throw new IllegalStateException("expected a quoted string: " + quoted);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 >= s.length() - 1) {
                    out.append(c);
                    continue;
                }
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            }
            return out.toString();
        }
    }
}
