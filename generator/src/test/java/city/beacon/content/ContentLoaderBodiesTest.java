package city.beacon.content;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build loads pages without their text and reads each text again as it renders the page. */
class ContentLoaderBodiesTest {

    @Test
    void pagesLoadedWithoutTextGetItBackFromTheirFileWithTheLineItStartsOn(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/info/about.md"), "---\ntitle: About\n---\n\nThe text.\n");
        Page page = new ContentLoader(content).load(new Problems(), false).orElseThrow().pages().get(0);
        assertEquals("", page.body());
        assertEquals(4, page.bodyLine());

        Page read = ContentLoader.withBody(page, new Problems()).orElseThrow();
        assertEquals("\nThe text.\n", read.body());
        assertEquals(page.withBody("\nThe text.\n"), read);
    }

    @Test
    void aFileGoneBeforeItsPageIsRenderedIsAFindingNotACrash(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/info/about.md"), "---\ntitle: About\n---\n\nThe text.\n");
        Page page = new ContentLoader(content).load(new Problems(), false).orElseThrow().pages().get(0);
        Files.delete(content.resolve("en/info/about.md"));

        Problems problems = new Problems();
        assertTrue(ContentLoader.withBody(page, problems).isEmpty());
        assertEquals(1, problems.errorCount());
        assertTrue(problems.sorted().get(0).message().startsWith("the file cannot be read"), problems.sorted().toString());
    }
}
