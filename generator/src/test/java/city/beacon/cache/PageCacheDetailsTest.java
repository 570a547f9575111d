package city.beacon.cache;

import city.beacon.Fixtures;
import city.beacon.content.ParsedPages;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.SiteConfig;
import city.beacon.model.SourceFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every kind of page details (each record {@link Details} permits) comes back from the page cache
 * file as it was put in: a new kind of page without a codec fails here, not on an editor's warm build.
 */
class PageCacheDetailsTest {
    private static final String RELATIVE = "en/services/passport.md";

    @TempDir
    Path dir;

    static Stream<Class<?>> everyKindOfDetails() {
        return Arrays.stream(Details.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyKindOfDetails")
    void theDetailsOfEveryKindOfPageComeBackFromTheCacheFileAsTheyWerePut(Class<?> kind) throws IOException {
        Details details = (Details) example(kind);
        SiteConfig config = Fixtures.config();
        SourceFile source = new SourceFile(Path.of("content", RELATIVE), "content/" + RELATIVE, RELATIVE);
        Page page = new Page(source, "en", config.sections().get(0), "passport", "en/services/passport/", "Passport",
                "How to get one", List.of("documents"), false, LocalDate.of(2026, 3, 1), null, false, 0, null, details, "", 5, 0);
        ParsedPages.FileState state = new ParsedPages.FileState(120, 1_700_000_000_000L, LocalDate.of(2026, 3, 1));
        Path file = dir.resolve(".public.pages");

        PageCache written = PageCache.load(file, "v1", config, r -> source, "content/");
        written.put(RELATIVE, new PageCache.Entry(state, page, List.of(), "facts", null));
        written.write(file).orElseThrow().replace();
        PageCache read = PageCache.load(file, "v1", config, r -> source, "content/");

        Page back = read.unchanged(RELATIVE, state).orElseThrow(() -> new AssertionError("no entry read back")).page();
        assertEquals(details, back.details(), kind.getSimpleName() + " details read back from the cache file");
        assertEquals(page, back);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfDetails")
    void theExampleDetailsFillEveryField(Class<?> kind) throws ReflectiveOperationException {
        for (RecordComponent component : kind.getRecordComponents()) {
            Object value = component.getAccessor().invoke(example(kind));
            assertNotEquals(List.of(), value, component.getName());
            assertNotEquals(null, value, component.getName());
        }
    }

    /**
     * An instance of the record {@code type} with every field set, none to its default (a field the
     * codec drops or mixes up with another then shows): texts name their field, lists hold one
     * item, flags are true, numbers and times differ from field to field.
     */
    private static Object example(Type type) {
        return example(type, "value", 1);
    }

    private static Object example(Type type, String name, int index) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(example(list.getActualTypeArguments()[0], name + " item", index));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) return name + " text";
        if (raw == boolean.class) return true;
        if (raw == int.class) return 7 + index;
        if (raw == Instant.class) return Instant.parse("2026-03-01T08:00:00Z").plusSeconds(3600L * index);
        if (raw == LocalDate.class) return LocalDate.of(2026, 3, index);
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = example(components[i].getGenericType(), components[i].getName(), i + 1);
                types[i] = components[i].getType();
            }
            try {
                return raw.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make an example " + raw.getSimpleName(), e);
            }
        }
        throw new AssertionError("no example value for a field of type " + type + ": add one here");
    }
}
