package city.beacon.render;

import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.Place;
import city.beacon.outputs.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org data for search engines and assistants: a service guide is a GovernmentService with
 * its ways to apply as ServiceChannels. Places marked as example data are left out, so that no
 * made-up address or number is ever presented as a fact.
 */
final class JsonLd {
    private JsonLd() {
    }

    /** The {@code <script type="application/ld+json">} body for the article of {@code context}, or null when it is not a service. */
    static String of(ArticleContext context) {
        Page page = context.page();
        if (!(page.details() instanceof Details.Service service)) return null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "GovernmentService");
        data.put("name", page.title());
        data.put("description", page.summary());
        context.settings().category(service.category()).ifPresent(c -> data.put("serviceType", c.title().get(page.lang())));
        context.absolute(page.url()).ifPresent(url -> data.put("url", url));
        List<Map<String, Object>> channels = new ArrayList<>();
        if (service.online() != null) channels.add(typed("ServiceChannel", "serviceUrl", service.online()));
        for (Place place : service.places()) {
            if (place.example()) continue;
            Map<String, Object> channel = typed("ServiceChannel", "name", place.name());
            Map<String, Object> location = typed("Place", "name", place.name());
            location.put("address", place.address());
            channel.put("serviceLocation", location);
            if (place.phone() != null) channel.put("servicePhone", typed("ContactPoint", "telephone", place.phone()));
            channels.add(channel);
        }
        if (!channels.isEmpty()) data.put("availableChannel", channels);
        return Json.forScript(data);
    }

    private static Map<String, Object> typed(String type, String key, String value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("@type", type);
        map.put(key, value);
        return map;
    }
}
