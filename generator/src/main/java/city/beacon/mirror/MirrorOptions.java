package city.beacon.mirror;

import java.nio.file.Path;

/**
 * What a build adds for mirrors beyond the always-made files (build-info.json, .gz copies, the
 * manifest): a signature with the key in {@code signKey} (null: unsigned), the offline zip, the ZIM file.
 */
public record MirrorOptions(Path signKey, boolean offlineBundle, boolean zim) {
    public static final MirrorOptions NONE = new MirrorOptions(null, false, false);

    /** The ZIM file is packed from the offline bundle, so asking for it makes the bundle too. */
    public boolean bundle() {
        return offlineBundle || zim;
    }
}
