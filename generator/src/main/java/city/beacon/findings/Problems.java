package city.beacon.findings;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings from every stage so that an editor sees all of them in one run, never
 * just the first. Safe to use from the parallel render stage.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public synchronized void add(Problem problem) {
        found.add(problem);
    }

    public void error(String file, int line, int column, String field, String message, String suggestion) {
        add(Problem.error(file, line, column, field, message, suggestion));
    }

    public void warning(String file, int line, int column, String field, String message, String suggestion) {
        add(Problem.warning(file, line, column, field, message, suggestion));
    }

    public synchronized void addAll(Problems other) {
        found.addAll(other.sorted());
    }

    /** Every finding so far, sorted by file, line and column. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(found);
        copy.sort(Problem.ORDER);
        return copy;
    }

    public synchronized long errorCount() {
        return found.stream().filter(Problem::isError).count();
    }

    public synchronized long warningCount() {
        return found.size() - errorCount();
    }

    public synchronized boolean hasErrors() {
        return errorCount() > 0;
    }

    /** Whether the build must stop: any error, or under {@code strict} any finding at all. */
    public synchronized boolean failBuild(boolean strict) {
        return strict ? !found.isEmpty() : hasErrors();
    }

    /** The same findings with every warning made an error: what {@code --strict} reports. */
    public synchronized Problems withWarningsAsErrors() {
        Problems strict = new Problems();
        for (Problem p : found) {
            strict.add(new Problem(Severity.ERROR, p.file(), p.line(), p.column(), p.field(), p.message(), p.suggestion()));
        }
        return strict;
    }
}
