package city.beacon.build;

import city.beacon.TestContent;
import city.beacon.cli.Main;
import city.beacon.content.ContentLoader;
import city.beacon.findings.Problems;
import city.beacon.mirror.MirrorFiles;
import city.beacon.mirror.MirrorOptions;
import city.beacon.mirror.Signing;
import city.beacon.render.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every option of a build either changes the key of its {@link BuildInputs} or is declared in
 * {@link BuildInputs#NOT_IN_OUTPUT} as changing no byte of the output: an option added to
 * {@link SiteBuilder.Options} that is neither fails here, before a warm build can publish what a
 * cold build would not.
 */
class BuildInputsTest {
    @TempDir
    Path temp;

    @Test
    void everyOptionIsInTheInputsOrDeclaredNotToChangeTheOutput() throws Exception {
        Path content = TestContent.copy("content", temp);
        SiteBuilder.Options base = new SiteBuilder.Options(content, temp.resolve("public"), false, false, Theme.bundled(),
                Map.of("SOURCE_DATE_EPOCH", "1795000000"), "https://a.example.org/", MirrorOptions.NONE);
        Map<String, List<Object>> otherValues = otherValues(content);
        String baseKey = key(base, content);

        for (RecordComponent option : SiteBuilder.Options.class.getRecordComponents()) {
            List<Object> others = otherValues.get(option.getName());
            if (others == null) {
                fail("the option '" + option.getName() + "' is new: give it other values in this test, and either make it a"
                        + " component of BuildInputs or name it in BuildInputs.NOT_IN_OUTPUT with the reason");
            }
            for (Object other : others) {
                String key = key(with(base, option.getName(), other), content);
                if (BuildInputs.NOT_IN_OUTPUT.containsKey(option.getName())) {
                    assertEquals(baseKey, key, "'" + option.getName() + "' is declared not to change the output, yet changes the inputs' key");
                } else {
                    assertNotEquals(baseKey, key, "'" + option.getName() + "' = " + other + " changes the output but not the inputs' key");
                }
            }
        }
    }

    @Test
    void theEnvironmentCountsOnlyThroughSourceDateEpoch() throws Exception {
        Path content = TestContent.copy("content", temp);
        SiteBuilder.Options base = new SiteBuilder.Options(content, null, false, false, Theme.bundled(), Map.of());
        SiteBuilder.Options other = new SiteBuilder.Options(content, null, false, false, Theme.bundled(),
                Map.of("LANG", "uk_UA.UTF-8", "TZ", "Pacific/Auckland", "GITHUB_ACTIONS", "true"));
        assertEquals(key(base, content), key(other, content));
    }

    /** For each option, values other than the base's: each must change the key, or none may. */
    private Map<String, List<Object>> otherValues(Path content) throws IOException {
        Path keys = temp.resolve("keys");
        Files.createDirectories(keys);
        assertEquals(0, Main.run("keygen", "--out-dir", keys.toString()));
        Path templates = TestContent.copy("templates", temp);
        Path i18n = templates.resolve("i18n/en.yaml");
        Files.writeString(i18n, Files.readString(i18n).replaceFirst("(?m)^(\\w+): .*$", "$1: another interface text"));
        Map<String, List<Object>> values = new HashMap<>();
        values.put("content", List.of(TestContent.copy("content", Files.createDirectories(temp.resolve("elsewhere")))));
        values.put("out", List.of(temp.resolve("public2")));
        values.put("strict", List.of(true));
        values.put("migrate", List.of(true));
        values.put("includeDrafts", List.of(true));
        values.put("theme", List.of(Theme.directory(templates, temp.resolve("classes"))));
        values.put("environment", List.of(Map.of("SOURCE_DATE_EPOCH", "1795086400"), Map.of()));
        values.put("baseUrl", Arrays.asList("https://b.example.org/", null));
        values.put("mirror", List.of(new MirrorOptions(keys.resolve(Signing.PRIVATE_KEY_FILE), false, false),
                new MirrorOptions(null, true, false), new MirrorOptions(null, false, true)));
        return values;
    }

    private static String key(SiteBuilder.Options options, Path content) throws IOException {
        Problems problems = new Problems();
        ContentLoader loader = new ContentLoader(content);
        ContentLoader.Content read = loader.load(problems).orElseThrow();
        MirrorFiles mirrorFiles = MirrorFiles.prepare(options.mirror(), Optional.empty(), problems).orElseThrow();
        Optional<BuildInputs> inputs = BuildInputs.of(options, read.config(), read.data(), read.staticFiles(), read.pageFiles(),
                mirrorFiles, false, problems);
        assertTrue(inputs.isPresent(), problems.sorted().toString());
        return inputs.get().key();
    }

    /** {@code options} with the component {@code name} set to {@code value}. */
    private static SiteBuilder.Options with(SiteBuilder.Options options, String name, Object value) throws Exception {
        RecordComponent[] components = SiteBuilder.Options.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(options);
        }
        return SiteBuilder.Options.class.getDeclaredConstructor(types).newInstance(values);
    }
}
