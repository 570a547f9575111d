package city.beacon.publish;

import city.beacon.build.SiteBuilder;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Atomic publish: the published folder is always a complete site, whatever happens to a build. */
class PublisherTest {
    private static final Path REPO = Path.of(System.getProperty("beacon.repo", "..")).toAbsolutePath().normalize();

    @Test
    void identicalFilesAreNotWrittenAgainSoTheyKeepBytesInodeAndTime(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same", "b.html", "old"));
        FileTime old = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a.html"), old);
        Files.setLastModifiedTime(out.resolve("b.html"), old);
        Object inode = Files.getAttribute(out.resolve("a.html"), "unix:ino");

        int written = publish(out, Map.of("a.html", "same", "b.html", "new"));

        assertEquals(1, written, "only the changed file is written");
        assertEquals(old, Files.getLastModifiedTime(out.resolve("a.html")));
        assertEquals(inode, Files.getAttribute(out.resolve("a.html"), "unix:ino"));
        assertEquals("new", Files.readString(out.resolve("b.html")));
        assertNotEquals(old, Files.getLastModifiedTime(out.resolve("b.html")));
    }

    @Test
    void aFileChangedWithinTheSecondOfItsPreviousVersionIsDatedLaterSoRsyncSeesIt(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("manifest", "aaaa"));
        FileTime future = FileTime.fromMillis(System.currentTimeMillis() + 60_000); // as if written this very second
        Files.setLastModifiedTime(out.resolve("manifest"), future);

        publish(out, Map.of("manifest", "bbbb")); // same size, new bytes

        assertEquals(future.toMillis() / 1000 + 1, Files.getLastModifiedTime(out.resolve("manifest")).toMillis() / 1000);
    }

    @Test
    void rewritingAFileInStagingNeverWritesThroughToThePublishedCopy(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "same"));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            staged.write("a.html", "same"); // not written: the published file is identical
            staged.write("a.html", "changed");
            assertEquals("same", Files.readString(out.resolve("a.html")));
            publisher.discard(staged);
        }
        assertEquals("same", Files.readString(out.resolve("a.html")));
    }

    @Test
    void aFailedBuildLeavesThePublishedSiteExactlyAsItWas(@TempDir Path tmp) throws Exception {
        Path content = copyContent(tmp);
        Path out = tmp.resolve("public");
        assertTrue(build(content, out).published());
        Map<String, String> before = snapshot(out);
        Files.writeString(content.resolve("en/services/broken.md"), "---\ntitle: [unclosed\n---\nText\n");

        SiteBuilder.Result failed = build(content, out);

        assertFalse(failed.published());
        assertEquals(before, snapshot(out));
        assertEquals(List.of("content", "public"), siblings(tmp), "no staging folder is left behind");
    }

    @Test
    void aSecondBuildAtOnceIsRefusedWithAClearMessage(@TempDir Path tmp) throws Exception {
        Path content = copyContent(tmp);
        Path out = tmp.resolve("public");
        try (Publisher first = Publisher.acquire(out)) {
            SiteBuilder.Result second = build(content, out);
            assertFalse(second.published());
            assertTrue(second.problems().sorted().stream().anyMatch(p -> p.isError() && p.toString().contains("another build (process "
                    + ProcessHandle.current().pid() + ") is writing")), second.problems().sorted().toString());

            // and from another process, as two cron jobs would
            Process child = beacon(tmp, "build", "--content", content.toString(), "--out", out.toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, child.waitFor());
            assertTrue(output.contains("another build (process " + ProcessHandle.current().pid() + ") is writing"), output);
            assertTrue(output.contains("wait until that build has finished"), output);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void aBuildKilledBetweenItsTwoRenamesIsRepairedByTheNextBuild(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("index.html", "previous site"));
        Map<String, String> before = snapshot(out);
        // the state kill -9 leaves after 'public -> .public.old-PID' and before 'staging -> public'
        Files.move(out, tmp.resolve(".public.old-4242"));
        Files.createDirectories(tmp.resolve(".public.staging-123"));
        Files.writeString(tmp.resolve(".public.staging-123/index.html"), "half-written new site");

        try (Publisher next = Publisher.acquire(out)) {
            assertEquals(before, snapshot(out));
        }
        assertEquals(List.of("public"), siblings(tmp));
    }

    @Test
    void aPublishKilledAfterItsJournalIsFinishedByTheNextBuild(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "old a", "b.html", "old b", "gone/index.html", "removed page"));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            staged.write("a.html", "new a");
            staged.write("b.html", "new b");
            staged.write("c/index.html", "new page");
            publisher.writeJournal(staged);
            // kill -9 after the first file moved in: the site is half old, half new until the next build
            Files.move(staged.root().resolve("a.html"), out.resolve("a.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        try (Publisher next = Publisher.acquire(out)) {
            assertEquals(Map.of("a.html", "new a", "b.html", "new b", "c/index.html", "new page"), texts(out));
        }
        assertEquals(List.of("public"), siblings(tmp), "journal and staging folder are gone");
        assertEquals(Set.of("a.html", "b.html", "c/index.html"), FileStamps.load(FileStamps.fileFor(out)).files(),
                "the stamps describe the new site");
    }

    @Test
    void stampsSavedBeforePublishingDescribeTheNewSiteOnceItIsPublished(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "old a", "b.html", "b"));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            staged.write("a.html", "new a, longer");
            staged.write("b.html", "b");
            publisher.saveStamps(staged); // as a build does while it measures the site
            assertTrue(Files.exists(tmp.resolve(".public.files.next")));
            publisher.publish(staged);
        }
        FileStamps stamps = FileStamps.load(FileStamps.fileFor(out));
        assertTrue(stamps.current("a.html", out.resolve("a.html")).isPresent(), "the new a.html is vouched for by its stamp");
        assertEquals(FileStamps.sha256("new a, longer".getBytes(StandardCharsets.UTF_8)),
                stamps.current("a.html", out.resolve("a.html")).get().sha256());
        assertFalse(Files.exists(tmp.resolve(".public.files.next")));
    }

    @Test
    void stampsSavedForABuildThatFailsAreRemovedWithItsStaging(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "old a"));
        byte[] before = Files.readAllBytes(FileStamps.fileFor(out));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            staged.write("a.html", "new a");
            publisher.saveStamps(staged);
            publisher.discard(staged); // a check failed after the stamps were saved
        }
        assertEquals(Map.of("a.html", "old a"), texts(out));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(FileStamps.fileFor(out))), "the published stamps are untouched");
        assertEquals(List.of("public"), siblings(tmp), "no stamps or staging folder left behind");
        assertFalse(Files.exists(tmp.resolve(".public.files.next")));
    }

    @Test
    void aBuildThatChangesNothingSavesNoStamps(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "a"));
        FileTime saved = Files.getLastModifiedTime(FileStamps.fileFor(out));
        Files.setLastModifiedTime(FileStamps.fileFor(out), FileTime.fromMillis(saved.toMillis() - 60_000));
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            staged.write("a.html", "a");
            publisher.saveStamps(staged);
            assertFalse(Files.exists(tmp.resolve(".public.files.next")), "no stamps to save");
            publisher.publish(staged);
        }
        assertEquals(saved.toMillis() - 60_000, Files.getLastModifiedTime(FileStamps.fileFor(out)).toMillis(), "not written again");
    }

    @Test
    void stampsReadBeforeTheLockServeWhileTheirFileIsUnchangedAndAreReadAgainAfterAnotherPublish(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "a"));
        FileStamps early = FileStamps.load(FileStamps.fileFor(out)); // as a build reads them on a side thread
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage(early);
            assertTrue(staged.previousStamps() == early, "the file is as it was read: no second read");
            publisher.discard(staged);
        }

        publish(out, Map.of("a.html", "a", "b.html", "b")); // another build published in between

        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage(early);
            assertEquals(Set.of("a.html", "b.html"), staged.previousFiles(), "read again: b.html would otherwise never be deleted");
            publisher.discard(staged);
        }
    }

    @Test
    void aPublishKilledBeforeItsJournalLeavesTheOldSite(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "old a"));
        try (Publisher publisher = Publisher.acquire(out)) {
            publisher.stage().write("a.html", "new a"); // staged, never published: the build died here
        }

        try (Publisher next = Publisher.acquire(out)) {
            assertEquals(Map.of("a.html", "old a"), texts(out));
        }
        assertEquals(List.of("public"), siblings(tmp));
    }

    @Test
    void aSideFileHalfSavedByAKilledBuildIsRemovedOnceTheNextBuildHoldsTheLock(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("a.html", "a"));
        Path cache = tmp.resolve(".public.cache");
        Path halfSaved = tmp.resolve(".public.cache.tmp");
        Files.writeString(cache, "the previous copy");
        Files.writeString(halfSaved, "half of a new copy");

        try (Publisher running = Publisher.acquire(out)) {
            assertFalse(Files.exists(halfSaved), "removed by the build that holds the lock");
            Files.writeString(halfSaved, "the running build saving its cache");
            assertThrows(Publisher.Busy.class, () -> Publisher.acquire(out));
            assertTrue(Files.exists(halfSaved), "a build refused the lock leaves the running build's save alone");
        }
        assertEquals("the previous copy", Files.readString(cache));
    }

    @Test
    void killingARealBuildWithSigkillAtAnyMomentLeavesTheOldOrTheNewSiteComplete(@TempDir Path tmp) throws Exception {
        Path content = copyContent(tmp);
        Path pristine = tmp.resolve("old/public");
        assertTrue(build(content, pristine).published());
        Map<String, String> oldSite = contentsOnly(snapshot(pristine));
        Files.writeString(content.resolve("en/info/about.md"),
                Files.readString(content.resolve("en/info/about.md")) + "\nA new paragraph.\n");
        Path expectedNew = tmp.resolve("new/public");
        assertTrue(build(content, expectedNew).published());
        Map<String, String> newSite = contentsOnly(snapshot(expectedNew));
        assertNotEquals(oldSite, newSite);

        Path out = tmp.resolve("site/public");
        List<String> outcomes = new ArrayList<>();
        for (long delay : new long[]{200, 600, 1000, 1400, 1800, 2200, 2700, 3300, 4000}) {
            copyTree(pristine, out);
            Process child = beacon(tmp, "build", "--content", content.toString(), "--out", out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            boolean finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) new ProcessBuilder("kill", "-9", String.valueOf(child.pid())).start().waitFor();
            child.waitFor();
            try (Publisher next = Publisher.acquire(out)) {
                Map<String, String> now = contentsOnly(snapshot(out));
                assertTrue(now.equals(oldSite) || now.equals(newSite),
                        "after kill -9 at " + delay + " ms the published site is neither the old nor the new one");
                outcomes.add(delay + " ms: " + (finished ? "finished" : "killed") + ", " + (now.equals(oldSite) ? "old" : "new") + " site");
            }
            assertEquals(List.of("public"), siblings(out.getParent()), "leftovers are cleaned by the next build");
        }
        System.out.println("kill -9 of a real build: " + outcomes);
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("killed")), "no build was killed mid-way: " + outcomes);
    }

    @Test
    void thePublishedFolderIs0755AndItsFilesAndFolders0755And0644(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("public");
        publish(out, Map.of("index.html", "home", "uk/index.html", "uk home"));
        assertEquals("rwxr-xr-x", mode(out), "the output folder itself (it was the staging folder's 0700)");
        assertEquals(Map.of("/", "rwxr-xr-x", "index.html", "rw-r--r--", "uk/", "rwxr-xr-x", "uk/index.html", "rw-r--r--"), city.beacon.Operators.modes(out));

        publish(out, Map.of("index.html", "home", "uk/index.html", "uk home", "en/new/index.html", "a new page"));
        assertEquals(Map.of("/", "rwxr-xr-x", "index.html", "rw-r--r--", "uk/", "rwxr-xr-x", "uk/index.html", "rw-r--r--", "en/", "rwxr-xr-x",
                "en/new/", "rwxr-xr-x", "en/new/index.html", "rw-r--r--"), city.beacon.Operators.modes(out));
    }

    @Test
    void aPublishThatFailsHalfWayPutsEveryFileBackAndSaysWhichPathItCouldNotWrite(@TempDir Path tmp) throws Exception {
        assumeTrue(city.beacon.Operators.canRunAsNobody(), "needs root to run the build as 'nobody' (setpriv)");
        List<String> beacon = city.beacon.Operators.beaconAsNobody(tmp);
        Path site = Files.createDirectories(tmp.resolve("site"));
        Path content = copyContent(site);
        Path out = site.resolve("public");
        assertTrue(build(content, out).published());
        for (String page : List.of("en/info/about.md", "uk/dovidka/about.md")) {
            Files.writeString(content.resolve(page), Files.readString(content.resolve(page)) + "\nA new paragraph.\n");
        }
        city.beacon.Operators.giveToNobody(site); // the building user owns the checkout and the site ...
        assertEquals(0, city.beacon.Operators.run(site, List.of("chown", "-R", "root:root", out.resolve("uk").toString())).exit());
        Map<String, String> before = snapshot(out); // ... but for public/uk, which it cannot write
        Map<String, String> modesBefore = city.beacon.Operators.modes(out);
        List<String> siblingsBefore = siblings(site);

        List<String> command = new ArrayList<>(beacon);
        command.addAll(List.of("build", "--content", content.toString(), "--out", out.toString()));
        city.beacon.Operators.Run run = city.beacon.Operators.run(site, command);

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("could not publish: " + out.resolve("uk")), run.output());
        assertTrue(run.output().contains("permission denied; the site is as it was"), run.output());
        assertFalse(run.output().contains("internal error") || run.output().contains("\tat "), run.output());
        assertEquals(before, snapshot(out), "every file is back, byte for byte");
        assertEquals(modesBefore, city.beacon.Operators.modes(out));
        assertEquals(siblingsBefore, siblings(site), "no staging folder or journal is left behind");
    }

    @Test
    void aFirstBuildIntoAFolderTheBuildingUserCannotWriteGetsAClearErrorAndLeavesNothing(@TempDir Path tmp) throws Exception {
        assumeTrue(city.beacon.Operators.canRunAsNobody(), "needs root to run the build as 'nobody' (setpriv)");
        List<String> beacon = new ArrayList<>(city.beacon.Operators.beaconAsNobody(tmp));
        Path content = copyContent(Files.createDirectories(tmp.resolve("checkout")));
        city.beacon.Operators.giveToNobody(content);
        Path srv = Files.createDirectories(tmp.resolve("srv")); // root's, 0755: 'nobody' cannot write into it
        Files.setPosixFilePermissions(srv, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        beacon.addAll(List.of("build", "--content", content.toString(), "--out", srv.resolve("beacon").toString()));
        city.beacon.Operators.Run run = city.beacon.Operators.run(tmp, beacon);

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains(srv + ": error: permission denied: the user running the build cannot write here"), run.output());
        assertFalse(run.output().contains("internal error") || run.output().contains("\tat "), run.output());
        assertEquals(List.of(), siblings(srv), "nothing is left in " + srv);
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int publish(Path out, Map<String, String> files) throws Exception {
        try (Publisher publisher = Publisher.acquire(out)) {
            OutputTree staged = publisher.stage();
            new TreeMap<>(files).forEach(staged::write);
            publisher.publish(staged);
            return staged.writtenCount();
        }
    }

    private static SiteBuilder.Result build(Path content, Path out) throws IOException {
        return new SiteBuilder(new SiteBuilder.Options(content, out, false, false, Theme.bundled(), Map.of())).build();
    }

    private static ProcessBuilder beacon(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "city.beacon.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    static Path copyContent(Path tmp) throws IOException {
        Path target = tmp.resolve("content");
        copyTree(REPO.resolve("content"), target);
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Publisher.deleteTree(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static Map<String, String> texts(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(root.relativize(p).toString(), Files.readString(p));
        }
        return files;
    }

    /** Every file by relative path: its SHA-256 and modification time. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                files.put(root.relativize(p).toString(), hash + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    private static Map<String, String> contentsOnly(Map<String, String> snapshot) {
        Map<String, String> hashes = new TreeMap<>();
        snapshot.forEach((path, value) -> hashes.put(path, value.substring(0, 64)));
        return hashes;
    }

    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".public.lock") && !n.equals(".public.cache") && !n.equals(".public.files") && !n.equals(".public.pages")).sorted().toList();
        }
    }
}
