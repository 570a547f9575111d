package city.beacon;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a command run in the test's own process prints: {@code System.out} and {@code System.err}
 * captured (UTF-8) before each test and put back after it. Register it with
 * {@code @RegisterExtension final CapturedOutput output = new CapturedOutput();}.
 */
public final class CapturedOutput implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What was printed to standard output since the test began, or since {@link #reset}. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed to standard error since the test began, or since {@link #reset}. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    public void reset() {
        out.reset();
        err.reset();
    }

    /** Standard error goes into standard output from now on: one stream, as a terminal or a CI log shows them. */
    public void mergeErrIntoOut() {
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
