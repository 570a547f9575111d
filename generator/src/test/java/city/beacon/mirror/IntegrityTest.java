package city.beacon.mirror;

import city.beacon.BuildRun;
import city.beacon.TestContent;
import city.beacon.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The manifest, its signature, keygen and verify, and the standard tools a mirror checks with. */
class IntegrityTest {
    @TempDir
    static Path shared;
    static Path site;
    static Path keys;

    @BeforeAll
    static void buildSignedSite() throws IOException {
        keys = shared.resolve("keys");
        assertEquals(0, Main.run("keygen", "--out-dir", keys.toString()));
        site = shared.resolve("public");
        MirrorSites.build(MirrorSites.copyOfContent(shared), site,
                new MirrorOptions(keys.resolve(Signing.PRIVATE_KEY_FILE), false, false));
    }

    private static Path copy(Path tmp) throws IOException {
        Path copy = tmp.resolve("copy");
        for (Map.Entry<String, byte[]> f : TestContent.tree(site).entrySet()) {
            Files.createDirectories(copy.resolve(f.getKey()).getParent());
            Files.write(copy.resolve(f.getKey()), f.getValue());
        }
        return copy;
    }

    @Test
    void manifestListsEveryFileButItselfAndItsSignatureSortedInSha256sumFormat() throws IOException {
        List<String> lines = Files.readAllLines(site.resolve(Manifest.FILE));
        List<String> paths = lines.stream().map(l -> l.substring(66)).toList();
        List<String> expected = TestContent.tree(site).keySet().stream().filter(Manifest::covers).sorted().toList();
        assertEquals(expected, paths);
        assertTrue(paths.contains("en/index.html.gz") && paths.contains(Signing.PUBLIC_KEY_FILE) && paths.contains(BuildInfo.FILE));
        for (String line : lines) assertTrue(line.matches("[0-9a-f]{64}  \\S.*"), line);
    }

    @Test
    void sha256sumChecksTheManifest() throws Exception {
        assumeTrue(MirrorSites.installed("sha256sum"), "sha256sum not installed (coreutils)");
        Run check = run(site, "sha256sum", "-c", "--strict", "--quiet", Manifest.FILE);
        assertEquals(0, check.exit, check.output);
    }

    @Test
    void opensslVerifiesTheSignatureWithThePublishedKey() throws Exception {
        assumeTrue(MirrorSites.installed("openssl"), "openssl not installed");
        assertEquals(Files.readString(keys.resolve(Signing.PUBLIC_KEY_FILE)), Files.readString(site.resolve(Signing.PUBLIC_KEY_FILE)));
        Run good = run(site, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", keys.resolve(Signing.PUBLIC_KEY_FILE).toString(),
                "-rawin", "-in", Manifest.FILE, "-sigfile", Manifest.SIGNATURE);
        assertEquals(0, good.exit, good.output);
        assertTrue(good.output.contains("Signature Verified Successfully"), good.output);
    }

    @Test
    void verifyPassesAnUntouchedCopy(@TempDir Path tmp) throws IOException {
        Verifier.Result result = Verifier.verify(copy(tmp), Optional.of(keys.resolve(Signing.PUBLIC_KEY_FILE)));
        assertTrue(result.ok(), result.toString());
        assertTrue(result.checked() > 300, "files checked: " + result.checked());
    }

    @Test
    void verifyReportsModifiedMissingAndExtraFilesAndExitsOne(@TempDir Path tmp) throws IOException {
        Path copy = copy(tmp);
        Files.writeString(copy.resolve("en/support/index.html"), "<p>Call 0-800-FAKE</p>");
        Files.delete(copy.resolve("uk/index.html"));
        Files.writeString(copy.resolve("en/donate.html"), "<p>send money</p>");
        Verifier.Result result = Verifier.verify(copy, Optional.empty());
        assertEquals(List.of("en/support/index.html"), result.modified());
        assertEquals(List.of("uk/index.html"), result.missing());
        assertEquals(List.of("en/donate.html"), result.extra());
        assertTrue(result.failures().isEmpty(), "the signature of the manifest itself is still good");

        Run cli = beacon("verify", copy.toString());
        assertEquals(1, cli.exit);
        assertTrue(cli.output.contains("modified: en/support/index.html") && cli.output.contains("missing: uk/index.html")
                && cli.output.contains("extra: en/donate.html"), cli.output);
    }

    @Test
    void verifyCatchesAForgedManifestAndASignatureByAnotherKey(@TempDir Path tmp) throws Exception {
        Path copy = copy(tmp);
        // A forger changes a page and rewrites the manifest to match: only the signature can tell.
        Path page = copy.resolve("en/support/index.html");
        byte[] fake = "<p>Call 0-800-FAKE</p>".getBytes(StandardCharsets.UTF_8);
        Files.write(page, fake);
        String manifest = Files.readString(copy.resolve(Manifest.FILE)).lines()
                .map(l -> l.endsWith("  en/support/index.html") ? Manifest.sha256(fake) + "  en/support/index.html" : l)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(copy.resolve(Manifest.FILE), manifest);
        Verifier.Result forged = Verifier.verify(copy, Optional.of(keys.resolve(Signing.PUBLIC_KEY_FILE)));
        assertEquals(List.of(), forged.modified());
        assertTrue(forged.failures().stream().anyMatch(f -> f.startsWith("bad signature")), forged.toString());
        assertEquals(1, beacon("verify", copy.toString(), "--public-key", keys.resolve(Signing.PUBLIC_KEY_FILE).toString()).exit);

        // The forger also re-signs with their own key: checking with the main site's key still fails.
        var forgerKeys = Signing.generate();
        Files.write(copy.resolve(Manifest.SIGNATURE), Signing.sign(forgerKeys.getPrivate(), manifest.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(copy.resolve(Signing.PUBLIC_KEY_FILE), Signing.publicKeyFile(forgerKeys.getPublic()));
        Verifier.Result resigned = Verifier.verify(copy, Optional.of(keys.resolve(Signing.PUBLIC_KEY_FILE)));
        assertTrue(resigned.failures().stream().anyMatch(f -> f.startsWith("bad signature")), resigned.toString());
    }

    /** A change a hostile upstream makes to a correctly signed copy, and the entry verify must name. */
    record Hostile(String change, String named, HostileChange make) {
        @Override
        public String toString() {
            return change;
        }
    }

    interface HostileChange {
        void make(Path copy, Path outside) throws Exception;
    }

    static List<Hostile> hostileChanges() {
        return List.of(
                new Hostile("a link to the root folder", "unsafe: rootfs (a symbolic link",
                        (copy, outside) -> Files.createSymbolicLink(copy.resolve("rootfs"), Path.of("/"))),
                new Hostile("a link to /etc/passwd", "unsafe: leak.txt (a symbolic link",
                        (copy, outside) -> Files.createSymbolicLink(copy.resolve("leak.txt"), Path.of("/etc/passwd"))),
                new Hostile("a listed file replaced by a link to an identical copy out of the tree", "unsafe: en/index.html (a symbolic link",
                        (copy, outside) -> {
                            Files.move(copy.resolve("en/index.html"), outside.resolve("index.html"));
                            Files.createSymbolicLink(copy.resolve("en/index.html"), outside.resolve("index.html"));
                        }),
                new Hostile("a listed folder replaced by a link to an identical copy out of the tree", "unsafe: en (a symbolic link",
                        (copy, outside) -> {
                            Files.move(copy.resolve("en"), outside.resolve("en"));
                            Files.createSymbolicLink(copy.resolve("en"), outside.resolve("en"));
                        }),
                new Hostile("a FIFO in place of a listed file", "unsafe: uk/index.html (a FIFO",
                        (copy, outside) -> {
                            Files.delete(copy.resolve("uk/index.html"));
                            assertEquals(0, run(copy, "mkfifo", "uk/index.html").exit);
                        }),
                new Hostile("an unlisted file", "extra: en/donate.html",
                        (copy, outside) -> Files.writeString(copy.resolve("en/donate.html"), "<p>send money</p>")),
                new Hostile("an unlisted empty folder", "extra: en/cgi-bin/",
                        (copy, outside) -> Files.createDirectories(copy.resolve("en/cgi-bin"))),
                new Hostile("the manifest itself replaced by a link", "unsafe: " + Manifest.FILE + " (a symbolic link",
                        (copy, outside) -> {
                            Files.move(copy.resolve(Manifest.FILE), outside.resolve(Manifest.FILE));
                            Files.createSymbolicLink(copy.resolve(Manifest.FILE), outside.resolve(Manifest.FILE));
                        }));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("hostileChanges")
    void verifyRefusesLinksFifosAndUnlistedEntriesAnywhereAndNeverFollowsALink(Hostile hostile, @TempDir Path tmp) throws Exception {
        Path copy = copy(tmp);
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        hostile.make().make(copy, outside);

        Run cli = beacon("verify", copy.toString(), "--public-key", keys.resolve(Signing.PUBLIC_KEY_FILE).toString());

        assertEquals(1, cli.exit, cli.output);
        assertTrue(cli.output.contains(hostile.named()), cli.output);
        assertTrue(cli.output.contains("FAILED: "), cli.output);
        assertTrue(!cli.output.contains("root:x:0:0"), "nothing of /etc/passwd is read or shown: " + cli.output);
    }

    @Test
    void keygenRefusesToOverwriteAKeyAndKeepsThePrivateKeyPrivate() throws IOException {
        assertEquals(2, Main.run("keygen", "--out-dir", keys.toString()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(Signing.PRIVATE_KEY_FILE))));
    }

    @Test
    void aBuildWithAnUnreadableSignKeyFailsWithAClearMessage(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("key.pem");
        Files.writeString(bad, "not a key");
        Run build = beacon("build", "--content", MirrorSites.repo().resolve("content").toString(),
                "--out", tmp.resolve("public").toString(), "--sign-key", bad.toString());
        assertEquals(1, build.exit);
        assertTrue(build.output.contains("the signing key cannot be read") && build.output.contains("beacon keygen"), build.output);
        assertTrue(Files.notExists(tmp.resolve("public")));
    }

    record Run(int exit, String output) {
    }

    static Run run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }

    private static Run beacon(String... args) {
        BuildRun.Merged run = BuildRun.merged(args);
        return new Run(run.exit(), run.output());
    }
}
