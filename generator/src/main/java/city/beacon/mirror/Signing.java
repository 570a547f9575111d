package city.beacon.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 signatures of the manifest with the JDK's own crypto. Keys are PEM files that
 * openssl reads: the public key as X.509 SubjectPublicKeyInfo ("PUBLIC KEY"), the private key
 * as PKCS#8 ("PRIVATE KEY"). The private key file also holds the public key, because the JDK
 * cannot derive it, and the build publishes it in the site.
 */
public final class Signing {
    public static final String PUBLIC_KEY_FILE = "beacon-public-key.pem";
    public static final String PRIVATE_KEY_FILE = "beacon-signing-key.pem";
    private static final String ALGORITHM = "Ed25519";

    private Signing() {
    }

    public static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    public static String privateKeyFile(KeyPair keys) {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded()) + publicKeyFile(keys.getPublic());
    }

    public static String publicKeyFile(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The key pair in a file written by {@code beacon keygen}. */
    public static KeyPair readKeyPair(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] privateDer = fromPem(text, "PRIVATE KEY")
                .orElseThrow(() -> new GeneralSecurityException("no '-----BEGIN PRIVATE KEY-----' block"));
        PublicKey publicKey = readPublicKey(text);
        PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        return new KeyPair(publicKey, privateKey);
    }

    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        byte[] der = fromPem(pem, "PUBLIC KEY")
                .orElseThrow(() -> new GeneralSecurityException("no '-----BEGIN PUBLIC KEY-----' block"));
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initVerify(key);
        signature.update(data);
        return signature.verify(signatureBytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Optional<byte[]> fromPem(String text, String type) throws GeneralSecurityException {
        Matcher block = Pattern.compile("-----BEGIN " + type + "-----([A-Za-z0-9+/=\\s]*)-----END " + type + "-----")
                .matcher(text);
        if (!block.find()) return Optional.empty();
        try {
            return Optional.of(Base64.getMimeDecoder().decode(block.group(1)));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the " + type + " block is not valid base64");
        }
    }
}
