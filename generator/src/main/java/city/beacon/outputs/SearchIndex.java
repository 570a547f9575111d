package city.beacon.outputs;

import city.beacon.check.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;
import com.fasterxml.jackson.databind.util.RawValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <lang>/search.json}: what the search box looks through, per language, small enough to
 * fetch over 2G. Each page is {@code [address relative to the index, title, summary, title
 * words, other words]}, the words already folded by {@link SearchKeys}; {@code fold} is the
 * letter table the script folds a query with.
 */
public final class SearchIndex implements SiteOutput {
    /** Per index file, each page's entry from the last write; null when this index remembers nothing. */
    private Map<String, PageParts> remembered;
    private JsonMemo files;

    public SearchIndex() {
    }

    /**
     * An index that keeps each page's entry from one write to the next (the live preview's): a
     * title edit then folds the words of one page, not of every page. Not thread-safe.
     */
    public static SearchIndex remembering() {
        SearchIndex index = new SearchIndex();
        index.remembered = new HashMap<>();
        index.files = new JsonMemo();
        return index;
    }

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        Routes routes = new Routes(site.config());
        for (String lang : site.config().languageCodes()) {
            String self = routes.searchIndex(lang);
            List<Page> pages = new ArrayList<>(site.pages(lang));
            for (Section section : site.config().sections()) {
                site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).forEach(pages::add);
            }
            PageParts parts = remembered == null ? null : remembered.computeIfAbsent(self, file -> new PageParts());
            List<RawValue> entries = new ArrayList<>();
            for (Page page : pages) {
                String categoryTitle = categoryTitle(site, lang, page);
                entries.add(PageParts.json(parts, page, categoryTitle, () -> Json.write(entry(self, page, categoryTitle))));
            }
            if (parts != null) parts.written();
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("fold", SearchKeys.letters());
            index.put("pages", entries);
            out.write(self, JsonMemo.json(files, self, index, Json::write));
        }
    }

    private static String categoryTitle(Site site, String lang, Page page) {
        return page.details() instanceof Details.Service s
                ? site.config().category(s.category()).map(c -> c.title().get(lang)).orElse(null) : null;
    }

    private static List<String> entry(String self, Page page, String categoryTitle) {
        Set<String> title = SearchKeys.words(page.title());
        Set<String> other = new LinkedHashSet<>(SearchKeys.words(page.summary()));
        page.tags().forEach(tag -> other.addAll(SearchKeys.words(tag)));
        if (categoryTitle != null) other.addAll(SearchKeys.words(categoryTitle));
        other.removeAll(title);
        return List.of(Urls.relative(self, page.url()), page.title(), page.summary(),
                String.join(" ", title), String.join(" ", other));
    }
}
