package city.beacon.outputs;

import city.beacon.findings.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.PhoneNumbers;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.SiteOutput;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <lang>/api/services.json} and {@code <lang>/api/support.json}: every service guide and
 * support resource as data, for other apps and chat bots. The schema is docs/api.md; its
 * version is the {@code schema} field, raised whenever a field changes meaning or goes away.
 */
public final class OpenData implements SiteOutput {
    public static final String SERVICES_SCHEMA = "beacon-services/1";
    public static final String SUPPORT_SCHEMA = "beacon-support/1";

    /** What an item shows besides its page: the page's absolute address, its translation's address, its category's title. */
    private record Context(String href, String translation, String categoryTitle) {
    }

    @Override
    public void write(Site site, OutputFiles out, Problems problems) {
        Routes routes = new Routes(site.config());
        for (String lang : site.config().languageCodes()) {
            Map<String, String> categories = site.config().categoryTitles(lang);
            out.write(routes.api(lang, "services"), file(site, lang, SERVICES_SCHEMA, "services", site.pages(lang).stream()
                    .filter(p -> p.details() instanceof Details.Service)
                    .map(page -> {
                        Details.Service service = (Details.Service) page.details();
                        return service(page, service, context(site, page, categories.get(service.category())));
                    }).toList()));
            out.write(routes.api(lang, "support"), file(site, lang, SUPPORT_SCHEMA, "support", site.pages(lang).stream()
                    .filter(p -> p.details() instanceof Details.Support)
                    .map(page -> support(page, (Details.Support) page.details(), context(site, page, null))).toList()));
        }
    }

    private static Context context(Site site, Page page, String categoryTitle) {
        return new Context(site.absolute(page.url()).orElse(null), site.translationOf(page).map(Page::url).orElse(null), categoryTitle);
    }

    /** A file of {@code items}, indented for people to read. */
    private static byte[] file(Site site, String lang, String schema, String key, List<Map<String, Object>> items) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("schema", schema);
        file.put("language", lang);
        file.put("site", site.config().title().get(lang));
        file.put("built", site.buildDate().toString());
        file.put(key, items);
        return Json.pretty(file).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> common(Page page, Context context) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", page.slug());
        item.put("url", page.url());
        item.put("href", context.href());
        item.put("title", page.title());
        item.put("summary", page.summary());
        item.put("tags", page.tags());
        item.put("updated", page.updated() == null ? null : page.updated().toString());
        item.put("reviewed", page.reviewed() == null ? null : page.reviewed().toString());
        item.put("example", page.example());
        item.put("translation", context.translation());
        return item;
    }

    private static Map<String, Object> service(Page page, Details.Service s, Context context) {
        Map<String, Object> item = common(page, context);
        Map<String, Object> category = null;
        if (context.categoryTitle() != null) { // the category is in site.yaml
            category = new LinkedHashMap<>();
            category.put("id", s.category());
            category.put("title", context.categoryTitle());
        }
        item.put("category", category);
        item.put("cost", s.cost());
        item.put("processing_time", s.processingTime());
        item.put("documents", s.documents());
        item.put("steps", s.steps());
        item.put("online", s.online());
        item.put("places", s.places().stream().map(OpenData::place).toList());
        return item;
    }

    private static Map<String, Object> support(Page page, Details.Support s, Context context) {
        Map<String, Object> item = common(page, context);
        item.put("type", s.type());
        item.put("phones", s.phones().stream().map(OpenData::phone).toList());
        item.put("languages", s.languages());
        item.put("audience", s.audience());
        item.put("online", s.online());
        item.put("places", s.places().stream().map(OpenData::place).toList());
        return item;
    }

    private static Map<String, Object> phone(Phone p) {
        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("number", p.number());
        phone.put("tel", p.telHref());
        phone.put("label", p.label());
        phone.put("hours", p.hours());
        phone.put("free", p.free());
        phone.put("example", p.example());
        return phone;
    }

    private static Map<String, Object> place(Place p) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("name", p.name());
        place.put("address", p.address());
        place.put("hours", p.hours());
        place.put("phone", p.phone());
        place.put("tel", p.phone() == null ? null : PhoneNumbers.telHref(p.phone()));
        place.put("example", p.example());
        return place;
    }
}
