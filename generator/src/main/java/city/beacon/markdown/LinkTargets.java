package city.beacon.markdown;

import java.util.Collection;
import java.util.Optional;

/** What a relative link in Markdown can point at: a page's .md file or a static file. */
public interface LinkTargets {
    /** The site address of the page or file at {@code contentPath} (relative to content/), if it is published. */
    Optional<String> urlOf(String contentPath);

    /** Whether {@code contentPath} names a page that exists but is not published (a draft, an inactive alert). */
    boolean isUnpublished(String contentPath);

    /** Whether {@code contentPath} is a page file that could not be read; its own findings say why, so links to it are not reported again. */
    default boolean isUnreadable(String contentPath) {
        return false;
    }

    /** Every content path, for did-you-mean suggestions. */
    Collection<String> knownPaths();
}
