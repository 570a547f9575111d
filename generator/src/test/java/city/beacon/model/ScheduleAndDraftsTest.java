package city.beacon.model;

import city.beacon.TestContent;
import city.beacon.findings.Problems;
import city.beacon.content.ContentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleAndDraftsTest {
    private static List<String> published(ContentLoader.Content c, Instant at, boolean preview) {
        Site site = SiteModel.build(c.config(), c.pages(), c.pageFiles(), c.data(), c.staticFiles(), at, preview, new Problems());
        return site.pages().stream().map(Page::url).toList();
    }

    @Test
    void anAlertIsPublishedFromItsStartUntilItExpires(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/alerts/cut.md"), "---\ntitle: Water cut\nsummary: s\nseverity: warning\n"
                + "starts: 2027-06-01T08:00:00+03:00\nexpires: 2027-06-02\n---\n\nText.\n");
        ContentLoader.Content c = new ContentLoader(content).load(new Problems()).orElseThrow();

        assertEquals(List.of(), published(c, Instant.parse("2027-06-01T04:59:59Z"), false), "before it starts");
        assertEquals(List.of("en/alerts/cut/"), published(c, Instant.parse("2027-06-01T05:00:00Z"), false), "at its start");
        assertEquals(List.of("en/alerts/cut/"), published(c, Instant.parse("2027-06-01T20:59:59Z"), false), "just before it expires");
        assertEquals(List.of(), published(c, Instant.parse("2027-06-01T21:00:00Z"), false), "midnight in Kyiv: expired");
    }

    @Test
    void aDraftAppearsOnlyInThePreview(@TempDir Path temp) throws Exception {
        Path content = TestContent.settingsOnly(temp);
        TestContent.write(content.resolve("en/info/draft.md"), "---\ntitle: Draft\ndraft: true\n---\n\nText.\n");
        ContentLoader.Content c = new ContentLoader(content).load(new Problems()).orElseThrow();
        Instant now = Instant.parse("2027-01-01T00:00:00Z");

        assertEquals(List.of(), published(c, now, false));
        assertEquals(List.of("en/info/draft/"), published(c, now, true));
    }
}
