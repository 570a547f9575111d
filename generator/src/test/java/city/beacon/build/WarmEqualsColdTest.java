package city.beacon.build;

import city.beacon.Git;
import city.beacon.findings.Problem;
import city.beacon.mirror.Manifest;
import city.beacon.mirror.MirrorOptions;
import city.beacon.mirror.ZimFile;
import city.beacon.render.Theme;
import city.beacon.serve.PreviewSite;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static city.beacon.build.SiteFixture.AFTERNOON;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18's table: for every change an editor or operator makes to a site, a warm build (state A
 * built into public/, the change made, built again into public/ with the caches beside it) publishes
 * what a cold build of the changed site into a fresh folder publishes, every byte, with the same
 * findings and the same summary line; and the live preview (the same build, in memory), started on
 * state A and rebuilt after the change as its watcher rebuilds it, serves every file that build wrote,
 * byte for byte (its .gz copies, manifest and build-info among them), with the same findings.
 * The site is {@link SiteFixture}'s; each row's change is written out in its row. A failing row
 * lists what differs: the files (with where each first differs) and the findings. One row alone:
 * {@code -Dtable.row=<part of its name>}.
 */
class WarmEqualsColdTest {
    /** The bundled theme, shared by the rows that do not edit the theme (its templates are precompiled). */
    private static final Theme BUNDLED = Theme.bundled();

    @TempDir
    Path temp;

    /** A change to the site: its files, the build's options, the environment. */
    @FunctionalInterface
    interface Change {
        void apply(SiteFixture site) throws Exception;
    }

    /** Whether the live preview takes a row's change. */
    enum Heard {
        /** It rebuilds after the change, as it does when its watcher sees a file saved. */
        WATCHER,
        /** The preview cannot take this change at all (an option of the build, or its output folder): only warm == cold is compared. */
        CANNOT
    }

    /** One row of the table: {@code before} makes state A from the fixture's site, {@code change} makes state B. */
    record Row(String name, Change before, Change change, Heard preview, List<String> differs) {
        Row(String name, Change before, Change change, Heard preview) {
            this(name, before, change, preview, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Change AS_WRITTEN = site -> {
    };

    static Stream<Named<Row>> changes() {
        return Stream.of(
                row("body edit", site -> site.edit("en/services/passport.md",
                        text -> text.replace("The application and a photo.", "The application, a photo and the old passport."))),
                row("body edit that changes no word (the search index is kept)", site -> site.edit("en/services/passport.md",
                        text -> text.replace("The application and a photo.", "The application and a photo!"))),
                row("body edit with a word no page had (the search index is made again)", site -> site.edit("en/services/passport.md",
                        text -> text.replace("The application and a photo.", "The application and a photo, or a quokkaform."))),
                row("body edit adding and removing words, the search index split in parts (only their parts made again)",
                        WarmEqualsColdTest::smallSearchBudget, site -> site.edit("en/services/passport.md",
                                text -> text.replace("The application and a photo.", "The application, a quokkaform and a zebraslip."))),
                row("body edit that changes no word, the search index split in parts (kept)", WarmEqualsColdTest::smallSearchBudget,
                        site -> site.edit("en/services/passport.md", text -> text.replace("The application and a photo.", "The application and a photo!"))),
                row("title edit", site -> site.edit("en/services/passport.md",
                        text -> text.replace("title: Replacing a passport", "title: A new passport after a loss"))),
                row("heading added (a new anchor)", site -> site.edit("en/services/passport.md",
                        text -> text + "\n## Where to apply\n\nAt any service centre.\n")),
                row("heading renamed, and the link to it follows", site -> site
                        .edit("en/services/passport.md", text -> text.replace("## What to bring", "## Things to bring"))
                        .edit("en/info/about.md", text -> text.replace("#what-to-bring", "#things-to-bring"))),
                row("heading renamed, the link to it left broken: refused alike", site -> site
                        .edit("en/services/passport.md", text -> text.replace("## What to bring", "## Things to bring"))),
                row("a level-1 heading in the text: refused alike", site -> site
                        .edit("en/services/passport.md", text -> text + "\n# Another title\n")),
                row("a page budget the pages are over (the figures): refused alike", site -> site
                        .edit("site.yaml", text -> text + "budget:\n  page_kib: 1\n")),
                row("page added", site -> site.write("en/info/volunteers.md",
                        "---\ntitle: Volunteers\nsummary: How to help.\n---\nWrite to us.\n")),
                row("page removed", site -> site.delete("en/info/contacts.md")),
                row("translation added", site -> site.write("uk/dovidka/contacts.md",
                        "---\ntitle: Контакти\nsummary: Хто відповідає на листи.\n---\nПишіть редакторам.\n")),
                row("page added in a sub-section", WarmEqualsColdTest::heating, site -> site.write("en/services/heating/schools.md",
                        "---\ntitle: Heated schools\nsummary: Open at night.\ncategory: documents\ndocuments: [Nothing]\ncost: Free\n"
                                + "processing_time: at once\nupdated: 2026-11-01\nreviewed: 2026-11-01\n---\nOpen at night.\n")),
                row("sub-section _index.md title edited", WarmEqualsColdTest::heating, site -> site.edit("en/services/heating/_index.md",
                        text -> text.replace("title: Heating", "title: Heating and warm places"))),
                row("body edit of a page in a sub-section (the edit plan: its breadcrumbs)", WarmEqualsColdTest::heating,
                        site -> site.edit("en/services/heating/night/open.md", text -> text.replace("See [the points]", "Ask at [the points]"))),
                row("sub-folder removed", WarmEqualsColdTest::heating, site -> site.deleteFolder("en/services/heating")),
                row("site.yaml title and menu", site -> site.edit("site.yaml", text -> text
                        .replace("en: Test City}", "en: Test Town}")
                        .replace("menu: [services, info]", "menu: [info, services]"))),
                row("data file: an emergency number added", site -> site.edit("data/emergency.yaml", text -> text
                        + "- number: \"103\"\n  label: {uk: Екстрена медична допомога, en: Ambulance}\n")),
                row("places.csv: a place added", WarmEqualsColdTest::places, site -> site.edit("data/places.csv", text -> text
                        + "podil-3,heating,podilskyi,50.4700,30.5200,,,no,2026-12-01,true,Пункт 3,Point 3,вул. Нова 3,3 Nova St\n"),
                        "en/api/places.geojson", "uk/api/places.csv"),
                row("places-status.csv: a place closed", WarmEqualsColdTest::places, site -> site.write("data/places-status.csv",
                        "id,status,note_uk,note_en,since\npodil-1,closed,Немає світла,No power,2026-12-03\n"),
                        "en/api/places.geojson", "uk/api/places.csv"),
                row("interface text", site -> site.themeCopy(), site -> site.editTheme("i18n/en.yaml",
                        text -> text.replace("emergency: Emergency numbers", "emergency: Emergency phone numbers"))),
                row("the portal's own interface text added (content/theme/i18n/en.yaml)", site -> site.write("theme/i18n/en.yaml",
                        "emergency: Call for help\n")),
                row("the portal's own interface text edited", site -> site.write("theme/i18n/en.yaml", "emergency: Call for help\n"),
                        site -> site.edit("theme/i18n/en.yaml", text -> text.replace("Call for help", "If your life is in danger, call"))),
                row("the portal's own stylesheet added (content/theme/assets/beacon.css)", site -> site.write("theme/assets/beacon.css",
                        "body{color:#123456}\n")),
                row("static file added", site -> site.write("static/plan-2026.txt", "The plan for 2026.\n")),
                row("static file removed", site -> site.write("static/plan-2026.txt", "The plan for 2026.\n"),
                        site -> site.delete("static/plan-2026.txt")),
                option("base URL added", AS_WRITTEN, site -> site.baseUrl = "https://a.example.org/"),
                option("base URL changed", site -> site.baseUrl = "https://a.example.org/",
                        site -> site.baseUrl = "https://b.example.org/city/"),
                option("base URL removed", site -> site.baseUrl = "https://a.example.org/", site -> site.baseUrl = null),
                option("signing key added", AS_WRITTEN, site -> site.mirror = new MirrorOptions(site.keygen(), false, false)),
                option("--offline-bundle on", AS_WRITTEN, site -> site.mirror = new MirrorOptions(null, true, false)),
                option("--offline-bundle off", site -> site.mirror = new MirrorOptions(null, true, false),
                        site -> site.mirror = MirrorOptions.NONE),
                option("--zim on", site -> assumeZimwriterfs(), site -> site.mirror = new MirrorOptions(null, false, true)),
                option("--zim off", site -> {
                    assumeZimwriterfs();
                    site.mirror = new MirrorOptions(null, false, true);
                }, site -> site.mirror = MirrorOptions.NONE),
                named(new Row("SOURCE_DATE_EPOCH moved past noon: the Ukrainian alert starts, the English one expires",
                        AS_WRITTEN, site -> site.environment.put("SOURCE_DATE_EPOCH", AFTERNOON), Heard.WATCHER)),
                row("a next-day git commit (content in git, no SOURCE_DATE_EPOCH)", site -> {
                    assumeTrue(Git.installed(), "git is not installed: content in git cannot be tested");
                    site.environment.remove("SOURCE_DATE_EPOCH");
                    site.commit("2026-12-03T09:00:00+02:00");
                }, site -> site
                        .edit("en/services/passport.md", text -> text.replace("a photo.", "a photo (3.5 x 4.5 cm)."))
                        .commit("2026-12-04T09:00:00+02:00")),
                option("a published file edited by hand in the output", AS_WRITTEN, site -> site
                        .editPublished("en/index.html", html -> html.replace("Test City", "Hacked City"))))
                .filter(r -> r.getName().contains(System.getProperty("table.row", "")));
    }

    /**
     * Forty more pages of many words and a search budget of 1 KiB: each language's index is split
     * in parts of words by their first letters, and parts of pages.
     */
    private static void smallSearchBudget(SiteFixture site) throws IOException {
        site.edit("site.yaml", text -> text + "budget:\n  search_kib: 1\n");
        String[] syllables = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bo", "da"};
        for (int page = 0; page < 40; page++) {
            StringBuilder words = new StringBuilder();
            for (int word = 0; word < 30; word++) {
                int n = page * 31 + word * 7;
                words.append(syllables[n % 12]).append(syllables[n / 12 % 12]).append(syllables[n / 144 % 12]).append(' ');
            }
            site.write("en/info/words-" + page + ".md", "---\ntitle: Words " + page + "\nsummary: Page " + page + " of words.\n---\n" + words + "\n");
        }
    }

    /** The places of site.yaml and data/places.csv: one type, one district, two heating points. */
    private static void places(SiteFixture site) throws IOException {
        site.edit("site.yaml", text -> text + """
                places:
                  types: [{id: heating, title: {uk: Пункти обігріву, en: Heating points}}]
                  districts: [{id: podilskyi, name: {uk: Подільський, en: Podilskyi}}]
                  bbox: [30.24, 50.21, 30.83, 50.59]
                """).write("data/places.csv", """
                id,type,district,lat,lon,phone,services,accessible,verified,example,name_uk,name_en,address_uk,address_en
                podil-1,heating,podilskyi,50.4649,30.5150,+380 44 000 0001,,yes,2026-12-01,true,Пункт 1,Point 1,вул. Перша 1,1 Persha St
                podil-2,heating,podilskyi,50.4660,30.5160,,,,2026-12-01,true,Пункт 2,Point 2,вул. Друга 2,2 Druha St
                """);
    }

    /** A sub-section of the services with an introduction, a page, and a sub-section of its own without _index.md. */
    private static void heating(SiteFixture site) throws IOException {
        site.write("en/services/heating/_index.md", "---\ntitle: Heating\nsummary: Warm places.\n---\nWhere to get warm.\n")
                .write("en/services/heating/points.md", "---\ntitle: Heating points\nsummary: Where to get warm.\ncategory: documents\n"
                        + "documents: [Nothing]\ncost: Free\nprocessing_time: at once\nupdated: 2026-11-01\nreviewed: 2026-11-01\n---\n"
                        + "Bring [your passport](../passport.md).\n")
                .write("en/services/heating/night/open.md", "---\ntitle: Open at night\nsummary: Warm at night.\ncategory: documents\n"
                        + "documents: [Nothing]\ncost: Free\nprocessing_time: at once\nupdated: 2026-11-01\nreviewed: 2026-11-01\n---\n"
                        + "See [the points](../points.md).\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void warmBuildEqualsColdBuildAndPreviewEqualsBuild(Row row) throws Exception {
        SiteFixture site = new SiteFixture(temp.resolve("site"), BUNDLED);
        row.before().apply(site);
        SiteBuilder.Result a = new SiteBuilder(site.options(site.out())).build();
        assertTrue(a.published(), "state A builds: " + formatted(a.problems().sorted()));
        Map<String, byte[]> treeA = tree(site.out());

        Served served = null;
        if (row.preview() == Heard.CANNOT) {
            row.change().apply(site);
        } else {
            served = previewFiles(site, row);
        }
        SiteBuilder.Result warm = new SiteBuilder(site.options(site.out())).build();
        Path coldOut = temp.resolve("cold").resolve("public");
        SiteBuilder.Result cold = new SiteBuilder(site.options(coldOut)).build();

        List<Executable> checks = new ArrayList<>();
        Map<String, byte[]> warmTree = tree(site.out());
        // A build that refuses publishes nothing: public/ stays as state A, and the cold build's folder is not made.
        Map<String, byte[]> coldTree = cold.published() ? tree(coldOut) : treeA;
        checks.add(() -> assertEquals(cold.published(), warm.published(), "published, warm and cold"));
        for (String file : row.differs()) {
            checks.add(() -> assertTrue(treeA.containsKey(file) && warmTree.containsKey(file)
                    && !Arrays.equals(treeA.get(file), warmTree.get(file)), file + " changed from state A"));
        }
        checks.add(() -> assertSameFiles("warm build (public/) against cold build", coldTree, warmTree));
        checks.add(() -> assertEquals(formatted(cold.problems().sorted()), formatted(warm.problems().sorted()),
                "findings, warm build against cold build"));
        checks.add(() -> assertEquals(summary(cold, coldOut), summary(warm, site.out()), "summary line and figures, warm against cold"));
        if (served != null) {
            Served build = new Served(cold.published() ? coldTree : null, formatted(cold.problems().sorted()));
            Served preview = served;
            if (build.files() != null) checks.add(() -> assertSameFiles("preview against cold build", build.files(), preview.files()));
            checks.add(() -> assertSameFindings(build.findings(), preview.findings()));
        }
        assertAll(row.name(), checks);
    }

    /** What a server would serve: files by path ("en/index.html"), and the findings, formatted. */
    private record Served(Map<String, byte[]> files, List<String> findings) {
    }

    /**
     * The preview (the build in memory) started on the site as it is (state A), then {@code row}'s
     * change made and the preview rebuilt, as its watcher does on a save: what it then serves, by
     * path ("en/index.html"), and its findings. The reload script is injected by the server, not here.
     */
    private Served previewFiles(SiteFixture site, Row row) throws Exception {
        // A live view of the environment: the row that moves SOURCE_DATE_EPOCH moves it for the preview too.
        PreviewSite preview = new PreviewSite(site.content(), site.theme, java.util.Collections.unmodifiableMap(site.environment));
        preview.rebuild();
        row.change().apply(site);
        preview.rebuild();
        PreviewSite.Snapshot snapshot = preview.snapshot();
        return new Served(new TreeMap<>(snapshot.files()), formatted(snapshot.findings()));
    }

    private static void assertSameFiles(String what, Map<String, byte[]> expected, Map<String, byte[]> actual) {
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        List<String> differing = expected.keySet().stream()
                .filter(actual::containsKey).filter(f -> !Arrays.equals(expected.get(f), actual.get(f))).toList();
        if (missing.isEmpty() && extra.isEmpty() && differing.isEmpty()) return;
        StringBuilder message = new StringBuilder(what + ": ");
        if (!missing.isEmpty()) message.append("\n  missing (").append(missing.size()).append("): ").append(missing);
        if (!extra.isEmpty()) message.append("\n  extra (").append(extra.size()).append("): ").append(extra);
        if (!differing.isEmpty()) message.append("\n  differing (").append(differing.size()).append("): ").append(differing);
        differing.stream().limit(6).forEach(f -> message.append("\n    ").append(f).append(": ").append(firstDifference(expected.get(f), actual.get(f))));
        fail(message.toString());
    }

    /** Where two files first differ, as a little text of each side. */
    private static String firstDifference(byte[] expected, byte[] actual) {
        int at = 0;
        while (at < expected.length && at < actual.length && expected[at] == actual[at]) at++;
        return "at byte " + at + " (of " + expected.length + " / " + actual.length + "): expected \"" + excerpt(expected, at)
                + "\", got \"" + excerpt(actual, at) + "\"";
    }

    private static String excerpt(byte[] file, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(file.length, at + 80);
        return new String(file, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
    }

    private static void assertSameFindings(List<String> build, List<String> preview) {
        if (build.equals(preview)) return;
        List<String> onlyBuild = new ArrayList<>(build);
        onlyBuild.removeAll(preview);
        List<String> onlyPreview = new ArrayList<>(preview);
        onlyPreview.removeAll(build);
        fail("findings, preview against cold build:\n  only the build's: " + onlyBuild + "\n  only the preview's: " + onlyPreview);
    }

    /** The findings, one formatted line each, as the site's folder names them ("content/en/info/about.md:4: ..."): two runs, or a build and the preview, compare. */
    private List<String> formatted(Collection<Problem> problems) {
        String site = temp.resolve("site") + java.io.File.separator;
        return problems.stream().map(p -> p.format().replace(site, "").replace(temp.toString(), "")).toList();
    }

    /** The summary line, its milliseconds and output folder left out, and the figures printed after it. */
    private static List<String> summary(SiteBuilder.Result result, Path out) {
        List<String> lines = new ArrayList<>();
        lines.add(result.summary(out).replaceAll(" in \\d+ ms", " in N ms").replace(" -> " + out, " -> out"));
        lines.addAll(result.notes());
        return lines;
    }

    /**
     * The files under {@code root}, by path. The ZIM files are compared by what they hold: zimwriterfs
     * gives every file a random id (and packs its clusters in no fixed order), so two builds of the
     * same site never make the same bytes; its entries, dumped, stand for it, and its line of the
     * manifest names it without its hash.
     */
    private Map<String, byte[]> tree(Path root) throws IOException {
        if (!Files.isDirectory(root)) return Map.of();
        Map<String, byte[]> tree = new TreeMap<>(city.beacon.TestContent.tree(root));
        for (String zim : tree.keySet().stream().filter(ZimFile::isZim).toList()) { // one per language, and beacon-offline.zim
            tree.put(zim, zimEntries(root.resolve(zim)));
            String manifest = new String(tree.get(Manifest.FILE), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^[0-9a-f]{64}(  " + java.util.regex.Pattern.quote(zim) + ")$", "<not reproducible>$1");
            tree.put(Manifest.FILE, manifest.getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    /** Every entry of a ZIM file, dumped by zimdump: its path and bytes, in order of path. */
    private byte[] zimEntries(Path zim) throws IOException {
        Path dump = Files.createTempDirectory(temp, "zimdump");
        try {
            Process process = new ProcessBuilder("zimdump", "dump", "--dir=" + dump, "--", zim.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, process.waitFor(), "zimdump dump " + zim);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        java.io.ByteArrayOutputStream entries = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : new TreeMap<>(city.beacon.TestContent.tree(dump)).entrySet()) {
            entries.write((entry.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            entries.write(entry.getValue());
            entries.write('\n');
        }
        return entries.toByteArray();
    }

    private static void assumeZimwriterfs() {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "zimwriterfs")));
        assumeTrue(installed, "zimwriterfs (zim-tools) is not installed: --zim cannot be tested");
    }

    /** A change to the files of the site, which the preview hears of through its watcher. */
    private static Named<Row> row(String name, Change change) {
        return row(name, AS_WRITTEN, change);
    }

    private static Named<Row> row(String name, Change before, Change change) {
        return named(new Row(name, before, change, Heard.WATCHER));
    }

    /** A row whose change must change the published files {@code differs} (besides warm == cold). */
    private static Named<Row> row(String name, Change before, Change change, String... differs) {
        return named(new Row(name, before, change, Heard.WATCHER, List.of(differs)));
    }

    /** A change the preview cannot take (an option of the build, or its output): warm == cold alone is compared. */
    private static Named<Row> option(String name, Change before, Change change) {
        return named(new Row(name + " (preview: cannot take it)", before, change, Heard.CANNOT));
    }

    private static Named<Row> named(Row row) {
        return Named.of(row.name(), row);
    }
}
