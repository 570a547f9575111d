package city.beacon.model;

import java.util.List;

/**
 * What the search index holds of one page, made when the page is rendered and kept with it in the
 * build cache: the title and summary a result shows, the folded words of its title, and those of
 * everything else a resident may search it by (summary, topics, category, service details, the
 * text of the page outside code), without the title's.
 */
public record SearchEntry(String title, String summary, List<String> titleWords, List<String> otherWords) {
    public SearchEntry {
        titleWords = List.copyOf(titleWords);
        otherWords = List.copyOf(otherWords);
    }
}
