package city.beacon.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks a copy of the site against its manifest and, when it is signed, the signature. */
public final class Verifier {
    private Verifier() {
    }

    /** What a check found; {@code notes} are facts that are not failures (e.g. which key was used). */
    public record Result(int checked, List<String> missing, List<String> modified, List<String> extra,
                         List<String> failures, List<String> notes) {
        public boolean ok() {
            return missing.isEmpty() && modified.isEmpty() && extra.isEmpty() && failures.isEmpty();
        }
    }

    public static Result verify(Path dir, Optional<Path> publicKey) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            failures.add("no " + Manifest.FILE + " in " + dir + ": this is not a Beacon site, or the copy is incomplete");
            return new Result(0, missing, modified, extra, failures, notes);
        }
        byte[] manifestBytes = Files.readAllBytes(manifestFile);
        Optional<Map<String, String>> parsed = Manifest.parse(new String(manifestBytes, StandardCharsets.UTF_8));
        if (parsed.isEmpty()) {
            failures.add(Manifest.FILE + " is not in sha256sum format: it was damaged or edited");
            return new Result(0, missing, modified, extra, failures, notes);
        }
        Map<String, String> entries = parsed.get();
        entries.forEach((path, hash) -> {
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                missing.add(path);
                return;
            }
            try {
                if (!Manifest.sha256(Files.readAllBytes(file)).equals(hash)) modified.add(path);
            } catch (IOException e) {
                missing.add(path + " (" + e.getMessage() + ")");
            }
        });
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !Files.isDirectory(p))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Manifest.covers(p) && !entries.containsKey(p))
                    .sorted().forEach(extra::add);
        }
        checkSignature(dir, manifestBytes, publicKey, failures, notes);
        return new Result(entries.size(), missing, modified, extra, failures, notes);
    }

    private static void checkSignature(Path dir, byte[] manifest, Optional<Path> publicKey,
                                       List<String> failures, List<String> notes) throws IOException {
        Path signature = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(signature)) {
            if (publicKey.isPresent()) failures.add("the copy is not signed: there is no " + Manifest.SIGNATURE);
            else notes.add("the copy is not signed (no " + Manifest.SIGNATURE + ")");
            return;
        }
        Path keyFile = publicKey.orElse(dir.resolve(Signing.PUBLIC_KEY_FILE));
        if (!Files.isRegularFile(keyFile)) {
            failures.add("the copy is signed but there is no public key to check it: pass --public-key FILE");
            return;
        }
        if (publicKey.isEmpty()) {
            notes.add("checked the signature with the key inside the copy itself, which proves only that the files "
                    + "match it; pass --public-key with the key from the main site to know who signed it");
        }
        try {
            PublicKey key = Signing.readPublicKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            if (!Signing.verify(key, manifest, Files.readAllBytes(signature))) {
                failures.add("bad signature: " + Manifest.FILE + " was not signed by the key in " + keyFile);
            } else {
                notes.add("good signature by the key in " + keyFile);
            }
        } catch (GeneralSecurityException e) {
            failures.add("bad signature or key (" + keyFile + "): " + e.getMessage());
        }
    }
}
