package city.beacon.outputs;

import city.beacon.model.Page;
import com.fasterxml.jackson.databind.util.RawValue;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The JSON one output made of each page for one file, kept from one write to the next by the live
 * preview's outputs, so that a title edit serialises that page's part, not one per page. A part
 * is kept while its page is the same object (a page file not read again keeps its page from one
 * site model to the next, and pages are immutable) and what else it shows ({@code inputs}: its
 * translation's address, its category's title...) is equal. The file is then its parts put
 * together. Not thread-safe.
 */
final class PageParts {
    private record Part(Object inputs, RawValue json) {
    }

    private Map<Page, Part> last = new IdentityHashMap<>();
    private Map<Page, Part> next = new IdentityHashMap<>();

    /** The part of {@code page}: the last one when it still stands, else {@code json} made again. */
    RawValue json(Page page, Object inputs, Supplier<String> json) {
        Part before = last.get(page);
        Part part = before != null && Objects.equals(before.inputs(), inputs) ? before : new Part(inputs, new RawValue(json.get()));
        next.put(page, part);
        return part.json();
    }

    /** The file is written: the parts it did not ask for (pages gone, or made again) are let go. */
    void written() {
        last = next;
        next = new IdentityHashMap<>();
    }

    /** Without parts kept (a build), {@code json} made. */
    static RawValue json(PageParts parts, Page page, Object inputs, Supplier<String> json) {
        return parts == null ? new RawValue(json.get()) : parts.json(page, inputs, json);
    }
}
