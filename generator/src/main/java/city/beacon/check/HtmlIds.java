package city.beacon.check;

import java.util.HashSet;
import java.util.Set;

/** The id attributes of a page the generator wrote (its own, well-formed output: double quotes). */
public final class HtmlIds {
    private HtmlIds() {
    }

    public static Set<String> of(String html) {
        Set<String> ids = new HashSet<>();
        int at = 0;
        while ((at = html.indexOf(" id=\"", at)) >= 0) {
            int start = at + 5;
            int end = html.indexOf('"', start);
            if (end < 0) break;
            ids.add(org.jsoup.parser.Parser.unescapeEntities(html.substring(start, end), true));
            at = end;
        }
        return ids;
    }
}
