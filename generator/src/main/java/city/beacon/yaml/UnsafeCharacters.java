package city.beacon.yaml;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters no text of the portal may hold: control characters (but tab and line break), which
 * a terminal obeys and XML forbids; non-characters and broken surrogate halves, which XML and
 * JSON readers refuse; and the bidirectional controls (embeddings, overrides, isolates and the
 * direction marks), which make a title or a phone number show in another order than it is read.
 * Ukrainian and English text needs none of them.
 */
public final class UnsafeCharacters {
    private UnsafeCharacters() {
    }

    /** What is wrong with the first unsafe character of {@code text}, and what to do: {message, suggestion}; empty when none. */
    public static Optional<String[]> find(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String problem = problem(c);
            if (problem != null) {
                return Optional.of(new String[]{problem, c >= 0x200E && c <= 0x2069 || c == 0x061C
                        ? "delete it: Ukrainian and English text never needs it"
                        : "delete it (retype the text if it was pasted)"});
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static String problem(int c) {
        if (c == '\t' || c == '\n') return null;
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return "contains the control character " + name(c) + ", which cannot be shown and breaks the feeds";
        }
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return "contains a broken character (half of a surrogate pair, " + name(c) + "), which breaks the feeds";
        }
        if ((c & 0xFFFE) == 0xFFFE || c >= 0xFDD0 && c <= 0xFDEF) {
            return "contains " + name(c) + ", which is not a character and breaks the feeds";
        }
        if (c == 0x200E || c == 0x200F || c == 0x061C || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return "contains the invisible direction control " + name(c)
                    + ", which can make the text show in another order than it is read (a phone number backwards)";
        }
        return null;
    }

    private static String name(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
