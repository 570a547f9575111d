package city.beacon.build;

import city.beacon.publish.MemorySite;
import city.beacon.publish.SideFile;

/**
 * What builds in memory keep from one to the next: the site they published, and their caches,
 * held as the files on the disk would hold them. The live preview keeps one for its life and
 * builds into it ({@link SiteBuilder#SiteBuilder(SiteBuilder.Options, java.time.Clock, Memory)}).
 */
public final class Memory {
    private volatile MemorySite site = MemorySite.EMPTY;
    final SideFile.InMemory pageCache = new SideFile.InMemory();
    final SideFile.InMemory buildCache = new SideFile.InMemory();

    /** The site as the last build that published left it (none before the first). */
    public MemorySite site() {
        return site;
    }

    void publish(MemorySite next) {
        site = next;
    }
}
