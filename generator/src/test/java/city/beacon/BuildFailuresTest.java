package city.beacon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Content an editor can write that once made the build crash (exit 3, no file, a staging folder left
 * behind): each is a finding with the file, line and what to write instead, exit 1, and nothing is left
 * beside the output folder.
 */
class BuildFailuresTest {
    @TempDir
    Path tmp;

    /** The tiny fixture's Ukrainian service page; line 10 is 'tags:'. */
    private static final String SERVICE = """
            ---
            title: Відновлення паспорта
            summary: Як відновити втрачений паспорт.
            category: documents
            documents: [Заява]
            cost: Безкоштовно
            processing_time: до 20 днів
            updated: 2026-11-01
            reviewed: 2026-11-01
            tags: [документи, %s]
            ---
            Текст.
            """;

    @ParameterizedTest(name = "tag {0}")
    @ValueSource(strings = {"\"🙂\"", "שלום", "\"!!!\"", "\"..\""})
    void aTagWithNoLetterOrDigitIsAFindingOnItsLine(String tag) throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Files.writeString(content.resolve("uk/poslugy/паспорт.md"), SERVICE.formatted(tag));
        assertFailsWith(content, content.resolve("uk/poslugy/паспорт.md") + ":10:", "error: field 'tags': the tag \""
                + tag.replace("\"", "") + "\" has no letter or digit to make its address of; "
                + "write it in words, with Latin or Cyrillic letters or digits");
    }

    @Test
    void aTagOf300CharactersIsAFinding() throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Files.writeString(content.resolve("uk/poslugy/паспорт.md"), SERVICE.formatted("a".repeat(300)));
        assertFailsWith(content, content.resolve("uk/poslugy/паспорт.md") + ":10:",
                "error: field 'tags': the tag \"" + "a".repeat(300) + "\" makes an address 300 characters long; at most 100 are accepted");
    }

    @Test
    void aSlugOf300CharactersIsAFinding() throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        String slug = "dovha-adresa-".repeat(23) + "a";
        Files.writeString(content.resolve("uk/dovidka/pro.md"), "---\ntitle: Про нас\nslug: " + slug + "\n---\nТекст.\n");
        assertFailsWith(content, content.resolve("uk/dovidka/pro.md") + ":3:",
                "error: field 'slug': the address \"" + slug + "\" is 300 characters long; at most 100 are accepted; "
                        + "write a shorter one, e.g. 'slug: " + "dovha-adresa-".repeat(4) + "dovha'");
    }

    @Test
    void aCyrillicFileNameWhoseAddressExceedsTheFileNameLimitIsAFinding() throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        String name = ("щ".repeat(20) + "-").repeat(6) + "щ.md"; // 251 bytes, a valid file name; its address is 490
        Files.writeString(content.resolve("uk/dovidka").resolve(name), "---\ntitle: Довга назва\n---\nТекст.\n");
        String slug = ("shch".repeat(20) + "-").repeat(6) + "shch";
        assertFailsWith(content, content.resolve("uk/dovidka").resolve(name) + ":", "error: field 'slug': the file name gives an "
                + "address 490 characters long (\"" + slug + "\"); at most 100 are accepted; rename the file, or add a line such as 'slug: "
                + "shch".repeat(15) + "'");
    }

    @ParameterizedTest(name = "static file {0}")
    @ValueSource(strings = {"plan:2026.pdf", "a?b.pdf", "план#1.pdf", "back\\slash.txt", "line\nbreak.txt"})
    void aStaticFileNameWithCharactersUnsafeInAddressesIsAFinding(String name) throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Files.createDirectories(content.resolve("static"));
        Files.writeString(content.resolve("static").resolve(name), "text");
        assertFailsWith(content, content.resolve("static") + "/", "may hold only letters, digits, '-', '_' and '.' (it becomes an address); "
                + "rename the file");
    }

    @ParameterizedTest(name = "category id {0}")
    @ValueSource(strings = {"hou..sing", "..", "<script>", "Housing", "a/b"})
    void categoryIdsAreLowerCaseLatinLettersDigitsAndHyphens(String id) throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Path site = content.resolve("site.yaml");
        Files.writeString(site, Files.readString(site).replace("{id: documents,", "{id: \"" + id + "\","));
        for (String page : List.of("uk/poslugy/паспорт.md", "en/services/passport.md")) {
            Path file = content.resolve(page);
            Files.writeString(file, Files.readString(file).replace("category: documents", "category: \"" + id + "\""));
        }
        BuildRun run = BuildRun.build(content, tmp.resolve("public"));
        assertTrue(run.err().contains(site + ":10:"), run.toString());
        assertTrue(run.err().contains("error: field 'categories[1].id': the id \"" + id
                + "\" may hold only lower-case Latin letters, digits and '-'"), run.toString());
        assertFailedCleanly(run);
    }

    @Test
    void aSectionIdWithASlashIsAFinding() throws IOException {
        Path content = BuildRun.copyOfSite("tiny", tmp);
        Path site = content.resolve("site.yaml");
        Files.writeString(site, Files.readString(site).replace("{id: info,", "{id: ../info,").replace("menu: [services, info]", "menu: [services]"));
        BuildRun run = BuildRun.build(content, tmp.resolve("public"));
        assertTrue(run.err().contains("error: field 'sections[2].id': the id \"../info\" may hold only lower-case Latin letters, digits and '-'"),
                run.toString());
        assertFailedCleanly(run);
    }

    /**
     * A build that fills the disk says so, with the path, and leaves the site published before as it was.
     * On a 3 MB tmpfs (mounted by the test, as root; skipped where that is not permitted).
     */
    @Test
    void aBuildThatFillsTheDiskSaysTheDiskIsFullAndLeavesThePreviousSite() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString()), "cannot mount a tmpfs here");
        try {
            Path content = BuildRun.copyOfSite("tiny", tmp);
            Path out = disk.resolve("public");
            byte[] noise = new byte[3_500_000]; // incompressible: with its .gz copy it does not fit
            new Random(17).nextBytes(noise);
            Files.createDirectories(content.resolve("static"));
            Files.write(content.resolve("static/big.txt"), noise);

            BuildRun first = BuildRun.build(content, out);
            assertEquals(1, first.exit(), first.toString());
            assertTrue(first.err().contains("error: the disk is full: cannot write " + disk), first.toString());
            assertTrue(first.err().contains("free space on the disk of " + disk + ", or build to another folder (--out)"), first.toString());
            assertFalse(first.err().contains("Exception"), first.toString());
            assertFalse(Files.exists(out));
            assertEquals(List.of(), BuildRun.leftovers(disk), "nothing is left beside the output folder");

            Files.delete(content.resolve("static/big.txt"));
            assertEquals(0, BuildRun.build(content, out).exit());
            byte[] published = Files.readAllBytes(out.resolve("uk/index.html"));
            Files.write(content.resolve("static/big.txt"), noise);
            Files.writeString(content.resolve("uk/dovidka/pro.md"), Files.readString(content.resolve("uk/dovidka/pro.md")) + "\nНовий текст.\n");
            BuildRun again = BuildRun.build(content, out);
            assertEquals(1, again.exit(), again.toString());
            assertTrue(again.err().contains("error: the disk is full"), again.toString());
            assertTrue(again.err().startsWith("Build failed: 1 error, 0 warnings; nothing was published; "), again.toString());
            assertEquals(new String(published), Files.readString(out.resolve("uk/index.html")), "the previous site stays");
            assertFalse(Files.exists(out.resolve("static/big.txt")));
            assertEquals(List.of(), BuildRun.leftovers(disk), "nothing is left beside the output folder");
        } finally {
            run("umount", disk.toString());
        }
    }

    private void assertFailsWith(Path content, String where, String finding) throws IOException {
        BuildRun run = BuildRun.build(content, tmp.resolve("public"));
        assertTrue(run.err().contains(where) && run.err().lines().anyMatch(l -> l.contains(finding)),
                "\"" + where + "\" and a line with \"" + finding + "\" in:\n" + run);
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith(where) && l.contains(": error: ")) || where.endsWith("static/"), run.toString());
        assertFailedCleanly(run);
    }

    private void assertFailedCleanly(BuildRun run) throws IOException {
        assertEquals(1, run.exit(), run.toString());
        assertFalse(run.err().contains("Exception") || run.err().contains("internal error"), run.toString());
        assertFalse(Files.exists(tmp.resolve("public")));
        assertEquals(List.of(), BuildRun.leftovers(tmp), "nothing is left beside the output folder");
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
