package city.beacon.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built sample portal served on 127.0.0.1 under a sub-path for the tests of one class, which
 * are skipped when Chromium is not installed:
 * {@code @RegisterExtension static final ServedPortal portal = new ServedPortal();}, then
 * {@code portal.server().base() + "uk/"}. The server stops after the class's last test.
 */
final class ServedPortal implements BeforeAllCallback, AfterAllCallback {
    private LocalServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Chromium.assumeInstalled();
        server = new LocalServer(BuiltSite.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
    }

    LocalServer server() {
        return server;
    }
}
