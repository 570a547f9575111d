package city.beacon.outputs;

import city.beacon.check.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Replacement;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

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
    /** Null in a build: the live preview's keeps its files between writes. */
    private final KeptFiles kept;

    public SearchIndex() {
        this(null);
    }

    private SearchIndex(KeptFiles kept) {
        this.kept = kept;
    }

    /**
     * An index that keeps its files from one write to the next (the live preview's): a title edit
     * then folds the words of one page, not of every page. Not thread-safe.
     */
    public static SearchIndex remembering() {
        return new SearchIndex(new KeptFiles());
    }

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        Routes routes = new Routes(site.config());
        Map<String, PartsFile> made = new LinkedHashMap<>();
        for (String lang : site.config().languageCodes()) {
            String self = routes.searchIndex(lang);
            Map<String, String> categories = site.config().categoryTitles(lang);
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("fold", SearchKeys.letters());
            PartsFile file = new PartsFile(index, "pages", Json::write, (s, page) -> Json.write(entry(self, page,
                    page.details() instanceof Details.Service service ? categories.get(service.category()) : null)));
            file.add(site, site.pages(lang));
            for (Section section : site.config().sections()) {
                file.add(site, site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).toList());
            }
            made.put(self, file);
            out.write(self, file.bytes());
        }
        if (kept != null) kept.keep(site, made);
    }

    @Override
    public void write(Replacement replacement, OutputFiles out, Problems problems) {
        if (kept == null || !kept.write(replacement, out)) write(replacement.site(), out, problems);
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
