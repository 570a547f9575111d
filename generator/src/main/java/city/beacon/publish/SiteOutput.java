package city.beacon.publish;

import city.beacon.findings.Problems;
import city.beacon.model.Replacement;
import city.beacon.model.Site;

/**
 * A set of files made from the whole site after its pages are written: feeds, the search
 * index, the manifest... {@link city.beacon.build.SiteBuilder} runs each in the order it lists them.
 */
public interface SiteOutput {
    void write(Site site, OutputFiles out, Problems problems);

    /**
     * Writes the files of {@code replacement.site()}, which is {@code replacement.from()} with one
     * page's facts replaced. An output that kept what it made of {@code from} (the live preview's)
     * makes that page's part again and puts the files together; by default all is made again.
     */
    default void write(Replacement replacement, OutputFiles out, Problems problems) {
        write(replacement.site(), out, problems);
    }
}
