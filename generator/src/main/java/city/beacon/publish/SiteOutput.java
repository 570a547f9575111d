package city.beacon.publish;

import city.beacon.findings.Problems;
import city.beacon.model.Site;

/**
 * A set of files made from the whole site after its pages are written: feeds, the search
 * index, the manifest... {@link city.beacon.build.SiteBuilder} runs each in the order it lists them.
 */
public interface SiteOutput {
    void write(Site site, OutputFiles out, Problems problems);
}
