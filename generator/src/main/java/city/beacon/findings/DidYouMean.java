package city.beacon.findings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, as rustc and Zola do for unknown keys. */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        String needle = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        // Beyond a third of the word the "suggestion" is a guess that misleads more than it helps.
        int allowed = Math.max(2, needle.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'?" or, when nothing is close, the list of what is allowed. */
    public static String suggest(String wrong, Collection<String> known) {
        return closest(wrong, known)
                .map(s -> "did you mean '" + s + "'?")
                .orElseGet(() -> "expected one of: " + String.join(", ", known.stream().sorted().toList()));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
