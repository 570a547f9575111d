package city.beacon.outputs;

import city.beacon.check.Problems;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.PhoneNumbers;
import city.beacon.model.Routes;
import city.beacon.model.Site;
import city.beacon.publish.OutputTree;
import city.beacon.publish.SiteOutput;

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

    /** Null in a build; the live preview's remembers each file, to write out again only those that changed. */
    private JsonMemo files;

    public OpenData() {
    }

    /** Open data that writes out again only the files whose content changed since its last write (the live preview's). Not thread-safe. */
    public static OpenData remembering() {
        OpenData data = new OpenData();
        data.files = new JsonMemo();
        return data;
    }

    @Override
    public void write(Site site, OutputTree out, Problems problems) {
        Routes routes = new Routes(site.config());
        for (String lang : site.config().languageCodes()) {
            List<Map<String, Object>> services = site.pages(lang).stream()
                    .filter(p -> p.details() instanceof Details.Service)
                    .map(p -> service(site, lang, p, (Details.Service) p.details())).toList();
            List<Map<String, Object>> support = site.pages(lang).stream()
                    .filter(p -> p.details() instanceof Details.Support)
                    .map(p -> support(site, p, (Details.Support) p.details())).toList();
            write(out, routes.api(lang, "services"), file(site, lang, SERVICES_SCHEMA, "services", services));
            write(out, routes.api(lang, "support"), file(site, lang, SUPPORT_SCHEMA, "support", support));
        }
    }

    private void write(OutputTree out, String address, Map<String, Object> file) {
        out.write(address, JsonMemo.json(files, address, file, Json::pretty));
    }

    private static Map<String, Object> file(Site site, String lang, String schema, String key, List<Map<String, Object>> items) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("schema", schema);
        file.put("language", lang);
        file.put("site", site.config().title().get(lang));
        file.put("built", site.buildDate().toString());
        file.put(key, items);
        return file;
    }

    private static Map<String, Object> common(Site site, Page page) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", page.slug());
        item.put("url", page.url());
        item.put("href", site.absolute(page.url()).orElse(null));
        item.put("title", page.title());
        item.put("summary", page.summary());
        item.put("tags", page.tags());
        item.put("updated", page.updated() == null ? null : page.updated().toString());
        item.put("reviewed", page.reviewed() == null ? null : page.reviewed().toString());
        item.put("example", page.example());
        item.put("translation", site.translationOf(page).map(Page::url).orElse(null));
        return item;
    }

    private static Map<String, Object> service(Site site, String lang, Page page, Details.Service s) {
        Map<String, Object> item = common(site, page);
        item.put("category", site.config().category(s.category())
                .map(c -> {
                    Map<String, Object> category = new LinkedHashMap<>();
                    category.put("id", c.id());
                    category.put("title", c.title().get(lang));
                    return category;
                }).orElse(null));
        item.put("cost", s.cost());
        item.put("processing_time", s.processingTime());
        item.put("documents", s.documents());
        item.put("steps", s.steps());
        item.put("online", s.online());
        item.put("places", s.places().stream().map(OpenData::place).toList());
        return item;
    }

    private static Map<String, Object> support(Site site, Page page, Details.Support s) {
        Map<String, Object> item = common(site, page);
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
