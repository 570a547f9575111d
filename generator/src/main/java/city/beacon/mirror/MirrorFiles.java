package city.beacon.mirror;

import city.beacon.findings.Problems;
import city.beacon.content.ContentCommit;
import city.beacon.model.Site;
import city.beacon.publish.OutputTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a build adds for mirrors once every other file is written, in this order:
 * build-info.json, the public key, the offline zip and ZIM file, a .gz beside every text file
 * ({@link #write}), then the manifest of all of them and its signature ({@link #list}).
 */
public final class MirrorFiles {
    private final MirrorOptions options;
    private final Optional<ContentCommit> commit;
    private final KeyPair keys;

    private MirrorFiles(MirrorOptions options, Optional<ContentCommit> commit, KeyPair keys) {
        this.options = options;
        this.commit = commit;
        this.keys = keys;
    }

    /** Reads the signing key up front, so a bad key stops the build before anything is rendered. */
    public static Optional<MirrorFiles> prepare(MirrorOptions options, Optional<ContentCommit> commit, Problems problems) {
        if (options.signKey() == null) return Optional.of(new MirrorFiles(options, commit, null));
        Path file = options.signKey();
        try {
            return Optional.of(new MirrorFiles(options, commit, Signing.readKeyPair(file)));
        } catch (IOException | GeneralSecurityException e) {
            problems.error(file.toString(), 0, 0, "--sign-key", "the signing key cannot be read: " + e.getMessage(),
                    "pass the " + Signing.PRIVATE_KEY_FILE + " written by 'beacon keygen'");
            return Optional.empty();
        }
    }

    /**
     * The site addresses of the files this build publishes for checking and offline reading; with
     * {@code --zim}, a ZIM file per language of {@code languages} (and the first's old name).
     */
    public List<String> downloads(List<String> languages) {
        List<String> files = new ArrayList<>(List.of(Manifest.FILE));
        if (keys != null) files.addAll(List.of(Manifest.SIGNATURE, Signing.PUBLIC_KEY_FILE));
        files.add(BuildInfo.FILE);
        if (options.bundle()) files.add(OfflineBundle.FILE);
        if (options.zim()) {
            files.add(ZimFile.FILE);
            languages.forEach(lang -> files.add(ZimFile.file(lang)));
        }
        return files;
    }

    /** {@code pagesPerLanguage}: the pages the site has in each language, for build-info.json. */
    public void write(Site site, Map<String, Integer> pagesPerLanguage, OutputTree out, Problems problems) throws IOException {
        out.write(BuildInfo.FILE, BuildInfo.json(site, pagesPerLanguage, commit));
        if (keys != null) out.write(Signing.PUBLIC_KEY_FILE, Signing.publicKeyFile(keys.getPublic()));
        if (options.bundle()) {
            Map<String, byte[]> bundle = OfflineBundle.files(out);
            out.write(OfflineBundle.FILE, OfflineBundle.zip(bundle, site.buildTime()));
            if (options.zim()) writeZims(bundle, site, out, problems);
        }
        Precompressed.write(out);
    }

    /** One ZIM file per language, each kept when the bundle did not change; the first also under the old single name. */
    private static void writeZims(Map<String, byte[]> bundle, Site site, OutputTree out, Problems problems) throws IOException {
        boolean bundleUnchanged = out.unchanged(OfflineBundle.FILE);
        List<String> languages = site.config().languageCodes();
        for (String lang : languages) {
            String name = ZimFile.file(lang);
            if (bundleUnchanged && out.reuse(name)) continue;
            ZimFile.pack(bundle, site, lang, problems).ifPresent(zim -> out.write(name, zim));
        }
        String first = ZimFile.file(languages.get(0));
        if (out.has(first)) out.write(ZimFile.FILE, out.read(first));
    }

    /** Lists every file of the site in the manifest, and signs it: after every other file is written ({@link #write}). */
    public void list(OutputTree out, Problems problems) {
        byte[] manifest = Manifest.of(out.files(), out::sha256).getBytes(StandardCharsets.UTF_8);
        out.write(Manifest.FILE, manifest);
        if (keys != null) {
            try {
                out.write(Manifest.SIGNATURE, Signing.sign(keys.getPrivate(), manifest));
            } catch (GeneralSecurityException e) {
                problems.error(options.signKey().toString(), 0, 0, "--sign-key", "signing failed: " + e.getMessage(), null);
            }
        }
    }
}
