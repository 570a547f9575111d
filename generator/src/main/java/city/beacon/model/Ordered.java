package city.beacon.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Lists of pages kept in an order and changed one page at a time (the live preview's patched site
 * and lists): a copy with a page taken out or put in at its place, found by binary search.
 */
public final class Ordered {
    private Ordered() {
    }

    /** {@code pages}, sorted by {@code order}, without {@code page} (which it holds). */
    public static List<Page> without(List<Page> pages, Page page, Comparator<Page> order) {
        List<Page> copy = new ArrayList<>(pages);
        copy.remove(Collections.binarySearch(copy, page, order));
        return Collections.unmodifiableList(copy);
    }

    /** {@code pages}, sorted by {@code order}, with {@code page} at its place. */
    public static List<Page> with(List<Page> pages, Page page, Comparator<Page> order) {
        List<Page> copy = new ArrayList<>(pages);
        copy.add(-Collections.binarySearch(copy, page, order) - 1, page);
        return Collections.unmodifiableList(copy);
    }

    /** {@code pages}, sorted by {@code order}, with {@code after} in place of {@code before}, at its own place. */
    public static List<Page> moved(List<Page> pages, Page before, Page after, Comparator<Page> order) {
        List<Page> copy = new ArrayList<>(pages);
        copy.remove(Collections.binarySearch(copy, before, order));
        copy.add(-Collections.binarySearch(copy, after, order) - 1, after);
        return Collections.unmodifiableList(copy);
    }
}
