package city.beacon;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The package map of the main code (generator/src/main/java/city/beacon/), read from its source:
 * which package imports which. Arrows point down the pipeline, to the ground types.
 */
class PackageMapTest {
    private static final Path MAIN = TestContent.repo().resolve("generator/src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("city\\.beacon((?:\\.[a-z]+)*)\\.[A-Z]");

    @Test
    void contentImportsNoCache() throws IOException {
        assertEquals(Set.of(), importedFrom("content", p -> p.startsWith("cache")), "content/ knows the page cache only as its own interface ParsedPages");
    }

    @Test
    void theCachesCodecsAreUsedByTheCachesAlone() throws IOException {
        Map<String, Set<String>> users = new TreeMap<>();
        imports().forEach((from, to) -> {
            if (!from.startsWith("cache") && to.contains("cache.internal")) users.put(from, to);
        });
        assertEquals(Map.of(), users, "cache.internal is the caches' own");
    }

    @Test
    void theBenchmarkIsNotInTheMainCode() throws IOException {
        assertFalse(imports().containsKey("bench"), "the benchmark is test code: it is not shipped in the jar");
        assertEquals(Map.of(), withImport(p -> p.equals("bench")), "no main code uses the benchmark");
    }

    @Test
    void noPackageImportsItselfThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = cycleFrom(start, start, imports, new TreeSet<>(), new ArrayList<>(List.of(start)));
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertEquals(List.of(), cycles);
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> imports, Set<String> seen, List<String> path) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (!seen.add(next)) continue;
            path.add(next);
            List<String> found = cycleFrom(start, next, imports, seen, path);
            if (found != null) return found;
            path.remove(path.size() - 1);
        }
        return null;
    }

    private static Set<String> importedFrom(String pkg, java.util.function.Predicate<String> to) throws IOException {
        Set<String> found = new TreeSet<>(imports().getOrDefault(pkg, Set.of()));
        found.removeIf(to.negate());
        return found;
    }

    private static Map<String, Set<String>> withImport(java.util.function.Predicate<String> to) throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        imports().forEach((from, targets) -> targets.stream().filter(to).findAny().ifPresent(t -> found.put(from, targets)));
        return found;
    }

    /** Each package (as "cache.internal") and the other packages its classes name (imports and qualified names; comments ignored). */
    static Map<String, Set<String>> imports() throws IOException {
        Path root = MAIN.resolve("city/beacon");
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Set<String> targets = imports.computeIfAbsent(pkg.isEmpty() ? "(root)" : pkg, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String target = m.group(1).isEmpty() ? "(root)" : m.group(1).substring(1);
                    if (!target.equals(pkg)) targets.add(target);
                }
            }
        }
        return imports;
    }
}
