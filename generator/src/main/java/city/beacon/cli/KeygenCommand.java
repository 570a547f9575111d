package city.beacon.cli;

import city.beacon.mirror.Signing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;

/** {@code beacon keygen}: an Ed25519 key pair to sign the manifest of the site. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Make an Ed25519 key pair: " + Signing.PRIVATE_KEY_FILE + " (keep it secret; pass it to "
                + "'beacon build --sign-key') and " + Signing.PUBLIC_KEY_FILE + " (give it to mirror operators).")
public final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out-dir", defaultValue = ".", description = "where to write the two files (default: the current folder)")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        Path privateFile = outDir.resolve(Signing.PRIVATE_KEY_FILE);
        Path publicFile = outDir.resolve(Signing.PUBLIC_KEY_FILE);
        for (Path existing : new Path[]{privateFile, publicFile}) {
            if (Files.exists(existing)) {
                System.err.println("beacon keygen: " + existing + " already exists; move it away first "
                        + "(a new key makes every signature checked with the old one fail)");
                return 2;
            }
        }
        Files.createDirectories(outDir);
        KeyPair keys = Signing.generate();
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateFile); // not a POSIX file system: the folder's own permissions apply
        } catch (FileAlreadyExistsException e) {
            System.err.println("beacon keygen: " + privateFile + " already exists");
            return 2;
        }
        Files.writeString(privateFile, Signing.privateKeyFile(keys), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicFile, Signing.publicKeyFile(keys.getPublic()), StandardCharsets.US_ASCII);
        System.out.println("Wrote " + privateFile + " (secret: keep it off the web server) and " + publicFile);
        return 0;
    }
}
