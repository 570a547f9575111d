package city.beacon.serve;

import java.util.Map;

/** Every file a snapshot of the preview serves, by site address: for tests outside this package that compare it with a build. */
public final class PreviewFiles {
    private PreviewFiles() {
    }

    public static Map<String, byte[]> all(PreviewSite.Snapshot snapshot) {
        return snapshot.files().all();
    }
}
