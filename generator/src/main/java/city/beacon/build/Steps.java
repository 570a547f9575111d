package city.beacon.build;

import java.util.LinkedHashMap;
import java.util.Map;

/** How long each step of a build took, in the order the steps ran (for {@code beacon build --timings}). */
final class Steps {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the step named {@code step}: the time since the previous step ended is counted to it. */
    void done(String step) {
        long now = System.nanoTime();
        millis.merge(step, (now - last) / 1_000_000, Long::sum);
        last = now;
    }

    Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }
}
