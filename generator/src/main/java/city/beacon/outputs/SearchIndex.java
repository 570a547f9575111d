package city.beacon.outputs;

import city.beacon.check.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Routes;
import city.beacon.model.Section;
import city.beacon.model.Site;
import city.beacon.model.SiteModel;
import city.beacon.model.Urls;
import city.beacon.publish.OutputTree;
import city.beacon.publish.SiteOutput;

import java.util.ArrayList;
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

    @Override
    public void write(Site site, OutputTree out, Problems problems) {
        Routes routes = new Routes(site.config());
        for (String lang : site.config().languageCodes()) {
            String self = routes.searchIndex(lang);
            List<Page> pages = new ArrayList<>(site.pages(lang));
            for (Section section : site.config().sections()) {
                site.onlyInOtherLanguages(lang, section).stream().sorted(SiteModel.READING_ORDER).forEach(pages::add);
            }
            List<List<String>> entries = pages.stream().map(p -> entry(site, self, lang, p)).toList();
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("fold", SearchKeys.letters());
            index.put("pages", entries);
            out.write(self, Json.write(index));
        }
    }

    private static List<String> entry(Site site, String self, String lang, Page page) {
        Set<String> title = SearchKeys.words(page.title());
        Set<String> other = new LinkedHashSet<>(SearchKeys.words(page.summary()));
        page.tags().forEach(tag -> other.addAll(SearchKeys.words(tag)));
        if (page.details() instanceof Details.Service s) {
            site.config().category(s.category()).ifPresent(c -> other.addAll(SearchKeys.words(c.title().get(lang))));
        }
        other.removeAll(title);
        return List.of(Urls.relative(self, page.url()), page.title(), page.summary(),
                String.join(" ", title), String.join(" ", other));
    }
}
