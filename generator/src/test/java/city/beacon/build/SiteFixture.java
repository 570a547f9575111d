package city.beacon.build;

import city.beacon.Git;
import city.beacon.TestContent;
import city.beacon.mirror.MirrorOptions;
import city.beacon.render.Theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A tiny bilingual site written inline under one folder ({@code content/}, built into
 * {@code public/} beside it), and what a build of it is given besides the content: the base URL,
 * the mirror options, the environment, the theme. Every file is written, edited and deleted
 * through it, so a test states its input in its own text; each save is dated a minute after the
 * one before, starting a day back (as an editor saves, well before the build reads it: the page
 * cache trusts a file's size and time only after two seconds), and the paths saved are kept for
 * whoever must be told of them (the preview's watcher).
 *
 * <p>The site: a service in both languages with a heading ({@code ## What to bring} /
 * {@code ## Що взяти}) that the about page of each language links to with {@code #anchor}; a
 * contacts page in English alone (a missing translation, a warning); an English alert in force until
 * {@link #ALERTS_CHANGE} and a Ukrainian one from then on; the emergency numbers in data/; a
 * static file the English about page links to.
 */
final class SiteFixture {
    /** When the English alert expires and the Ukrainian one starts: 2026-12-03 12:00 in Kyiv. */
    static final String ALERTS_CHANGE = "2026-12-03T12:00:00+02:00";
    /** SOURCE_DATE_EPOCH of the builds: 2026-12-03 10:00 in Kyiv, before {@link #ALERTS_CHANGE}. */
    static final String MORNING = "1796284800";
    /** SOURCE_DATE_EPOCH after {@link #ALERTS_CHANGE}: 2026-12-03 14:00 in Kyiv. */
    static final String AFTERNOON = "1796299200";

    static final String SITE_YAML = """
            title: {uk: Тестове місто, en: Test City}
            description: {uk: Довідник, en: Guide}
            languages:
              - {code: uk, name: Українська}
              - {code: en, name: English}
            sections:
              - {id: services, kind: service, folder: {uk: poslugy, en: services}, title: {uk: Послуги, en: Services}}
              - {id: info, kind: page, folder: {uk: dovidka, en: info}, title: {uk: Довідка, en: About}}
              - {id: alerts, kind: alert, folder: {uk: opovishchennia, en: alerts}, title: {uk: Оповіщення, en: Alerts}}
            categories:
              - {id: documents, title: {uk: Документи, en: Documents}}
            menu: [services, info]
            """;

    static final String EMERGENCY_YAML = """
            - number: "112"
              label: {uk: Єдиний номер екстрених служб, en: Single emergency number}
            - number: "101"
              label: {uk: Пожежна та рятувальна служба, en: Fire and rescue service}
            """;

    static final String PASSPORT_UK = """
            ---
            title: Відновлення паспорта
            summary: Як відновити втрачений паспорт.
            category: documents
            documents: [Заява]
            cost: Безкоштовно
            processing_time: до 20 днів
            updated: 2026-11-01
            reviewed: 2026-11-01
            tags: [документи]
            ---
            ## Що взяти

            Заяву і фото.
            """;

    static final String PASSPORT_EN = """
            ---
            title: Replacing a passport
            summary: How to replace a lost passport.
            category: documents
            documents: [Application]
            cost: Free
            processing_time: up to 20 days
            updated: 2026-11-01
            reviewed: 2026-11-01
            tags: [documents]
            ---
            ## What to bring

            The application and a photo.
            """;

    static final String ABOUT_UK = """
            ---
            title: Про портал
            ---
            Дивіться [що взяти для паспорта](../poslugy/passport.md#що-взяти).
            """;

    static final String ABOUT_EN = """
            ---
            title: About the portal
            ---
            See [what to bring for a passport](../services/passport.md#what-to-bring)
            and [the opening hours](../../static/opening-hours.txt).
            """;

    static final String CONTACTS_EN = """
            ---
            title: Contacts
            summary: Who answers the portal's mail.
            ---
            Write to the editors.
            """;

    static final String POWER_ALERT_EN = """
            ---
            title: Power cuts by schedule
            summary: Planned power cuts until noon.
            severity: warning
            starts: 2026-11-20
            expires: 2026-12-03T12:00:00+02:00
            ---
            Charge your phone.
            """;

    static final String WATER_ALERT_UK = """
            ---
            title: Вода за графіком
            summary: Воду подають за графіком з полудня.
            severity: info
            starts: 2026-12-03T12:00:00+02:00
            expires: 2026-12-10
            ---
            Наберіть воду заздалегідь.
            """;

    static final String OPENING_HOURS = "Mon-Fri 9:00-18:00\n";

    private final Path dir;
    private Instant clock = Instant.now().minusSeconds(86_400);
    private final List<String> saved = new ArrayList<>();

    /** What the builds are given besides the content; changed by a test as an operator changes a command line. */
    String baseUrl;
    MirrorOptions mirror = MirrorOptions.NONE;
    /** The builds' (and the preview's) environment. */
    final Map<String, String> environment = new TreeMap<>(Map.of("SOURCE_DATE_EPOCH", MORNING));
    Theme theme;

    /** The site written under {@code dir}, built with the theme {@code theme}. */
    SiteFixture(Path dir, Theme theme) throws IOException {
        this.dir = dir;
        this.theme = theme;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("site.yaml", SITE_YAML);
        files.put("data/emergency.yaml", EMERGENCY_YAML);
        files.put("uk/poslugy/passport.md", PASSPORT_UK);
        files.put("en/services/passport.md", PASSPORT_EN);
        files.put("uk/dovidka/about.md", ABOUT_UK);
        files.put("en/info/about.md", ABOUT_EN);
        files.put("en/info/contacts.md", CONTACTS_EN);
        files.put("en/alerts/power-schedule.md", POWER_ALERT_EN);
        files.put("uk/opovishchennia/voda.md", WATER_ALERT_UK);
        files.put("static/opening-hours.txt", OPENING_HOURS);
        for (Map.Entry<String, String> file : files.entrySet()) write(file.getKey(), file.getValue());
        saved.clear();
    }

    Path dir() {
        return dir;
    }

    Path content() {
        return dir.resolve("content");
    }

    /** The output folder of the warm builds; its caches are beside it. */
    Path out() {
        return dir.resolve("public");
    }

    /** The build options for building into {@code out}: a copy of the environment as it is now. */
    SiteBuilder.Options options(Path out) {
        return new SiteBuilder.Options(content(), out, false, false, theme, Map.copyOf(environment), baseUrl, mirror);
    }

    /** Writes {@code text} to {@code relative} under content/. */
    SiteFixture write(String relative, String text) throws IOException {
        return save(content(), relative, text);
    }

    /** Rewrites {@code relative} under content/ with {@code change}, which must change it. */
    SiteFixture edit(String relative, UnaryOperator<String> change) throws IOException {
        return edit(content(), relative, change);
    }

    SiteFixture delete(String relative) throws IOException {
        Files.delete(content().resolve(relative));
        saved.add("content/" + relative);
        return this;
    }

    /** Deletes the folder {@code relative} under content/ and everything in it. */
    SiteFixture deleteFolder(String relative) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(content().resolve(relative))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
                saved.add("content/" + content().relativize(p).toString().replace('\\', '/'));
            }
        }
        return this;
    }

    /** Rewrites {@code relative} under the published folder, as someone on the server might by hand (dated now). */
    SiteFixture editPublished(String relative, UnaryOperator<String> change) throws IOException {
        Path file = out().resolve(relative);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertNotEquals(before, after, "the test's edit changes " + file);
        Files.writeString(file, after, StandardCharsets.UTF_8);
        return this;
    }

    /** A copy of the repository's templates/ beside content/, compiled into classes/: a theme a test may edit. */
    SiteFixture themeCopy() throws IOException {
        Path templates = TestContent.copy("templates", dir);
        theme = Theme.directory(templates, dir.resolve("classes"));
        return this;
    }

    /** Rewrites {@code relative} under the theme copy (templates/) with {@code change}. */
    SiteFixture editTheme(String relative, UnaryOperator<String> change) throws IOException {
        return edit(dir.resolve("templates"), relative, change);
    }

    /** A signing key pair made as {@code beacon keygen} makes it, under keys/; returns the private key's file. */
    Path keygen() {
        Path keys = dir.resolve("keys");
        if (city.beacon.cli.Main.run("keygen", "--out-dir", keys.toString()) != 0) throw new AssertionError("keygen failed");
        return keys.resolve(city.beacon.mirror.Signing.PRIVATE_KEY_FILE);
    }

    /** Commits everything under content/ (a repository is made first) at {@code time}, e.g. 2026-12-03T09:00:00+02:00. */
    SiteFixture commit(String time) throws Exception {
        Git.commitAll(content(), time, "content at " + time);
        return this;
    }

    /** The files saved since the site was first written, relative to {@link #dir()} ("content/en/info/about.md"), in order. */
    List<String> saved() {
        return List.copyOf(saved);
    }

    private SiteFixture edit(Path root, String relative, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertNotEquals(before, after, "the test's edit changes " + relative);
        return save(root, relative, after);
    }

    private SiteFixture save(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        TestContent.write(file, text);
        clock = clock.plusSeconds(60);
        Files.setLastModifiedTime(file, FileTime.from(clock));
        saved.add(dir.relativize(file).toString().replace('\\', '/'));
        return this;
    }
}
