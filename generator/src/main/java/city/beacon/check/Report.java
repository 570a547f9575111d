package city.beacon.check;

import java.io.PrintStream;

/** Prints findings for an editor: one line each, sorted, then a count. */
public final class Report {
    private Report() {
    }

    public static void text(Problems problems, PrintStream out) {
        for (Problem problem : problems.sorted()) out.println(problem.format());
        long errors = problems.errorCount();
        long warnings = problems.warningCount();
        if (errors + warnings > 0) {
            out.println(errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
        }
    }
}
