package city.beacon.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A map that is another with some of its values replaced (no key added or removed): what a site
 * patched by {@link SiteModel#replace} holds by file and by address, so that replacing one page
 * copies the values replaced since, not ten thousand entries. Folded into a plain map past
 * {@link #FOLD} replaced values. Immutable.
 */
final class ReplacedValues<K, V> extends AbstractMap<K, V> {
    private static final int FOLD = 256;

    private final Map<K, V> base;
    private final Map<K, V> replaced;

    private ReplacedValues(Map<K, V> base, Map<K, V> replaced) {
        this.base = base;
        this.replaced = replaced;
    }

    /** {@code map} with the values of {@code replacements} (all of them keys of {@code map}). */
    static <K, V> Map<K, V> of(Map<K, V> map, Map<K, V> replacements) {
        if (replacements.isEmpty()) return map;
        Map<K, V> base = map instanceof ReplacedValues<K, V> r ? r.base : map;
        Map<K, V> replaced = new HashMap<>(map instanceof ReplacedValues<K, V> r ? r.replaced : Map.of());
        replaced.putAll(replacements);
        if (replaced.size() <= FOLD) return new ReplacedValues<>(base, Map.copyOf(replaced));
        Map<K, V> folded = new HashMap<>(base);
        folded.putAll(replaced);
        return Map.copyOf(folded);
    }

    @Override
    public V get(Object key) {
        V value = replaced.get(key);
        return value != null ? value : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key);
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        base.forEach((key, value) -> action.accept(key, replaced.getOrDefault(key, value)));
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> entries = base.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        Entry<K, V> entry = entries.next();
                        return new SimpleImmutableEntry<>(entry.getKey(), replaced.getOrDefault(entry.getKey(), entry.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return base.size();
            }
        };
    }
}
