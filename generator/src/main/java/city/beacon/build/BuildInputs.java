package city.beacon.build;

import city.beacon.cache.BuildCache;
import city.beacon.findings.Problems;
import city.beacon.mirror.MirrorFiles;
import city.beacon.model.Places;
import city.beacon.model.SiteConfig;
import city.beacon.model.SiteData;
import city.beacon.model.SourceFile;
import city.beacon.render.UiText;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the output depends on besides the pages themselves, in one record with one
 * {@link #key}: every cache of rendered output is valid only for the key it was made with, and the
 * live preview renders again when it changes.
 *
 * <p>Made from the build's options and what the load step read ({@link #of}); each option is
 * either a component here or named in {@link #NOT_IN_OUTPUT} with the reason
 * ({@code BuildInputsTest} walks the options and holds the two lists to that).
 *
 * @param generator       the generator's and theme's version: jar, templates, assets ({@code Theme.version()})
 * @param settings        site.yaml
 * @param data            the shared data files (emergency numbers, crisis lines, mirrors, the places and their statuses)
 * @param texts           the interface text of each language
 * @param staticFiles     the static files' names (their bytes are copied by every build, never cached)
 * @param pageFiles       the page files there are (what links can point at), read or not
 * @param downloads       the files published for mirrors: manifest, signature and key, offline zip, ZIM ({@code --sign-key},
 *                        {@code --offline-bundle}, {@code --zim})
 * @param baseUrl         the site's public address ({@code --base-url}), null when not known
 * @param sourceDateEpoch the fixed build time, when SOURCE_DATE_EPOCH sets it (the only variable of the environment the
 *                        output reads)
 * @param inGit           whether the content folder is in git: the pages' dates and the build time come from its commits
 * @param drafts          whether drafts are published ({@code --drafts}, the preview)
 * @param migrate         whether unknown fields are warnings and the rest of their page is read ({@code check --migrate})
 */
public record BuildInputs(String generator, SiteConfig settings, SiteData data, Map<String, UiText> texts,
                          List<String> staticFiles, List<String> pageFiles, List<String> downloads, String baseUrl,
                          String sourceDateEpoch, boolean inGit, boolean drafts, boolean migrate) {

    /** The options that do not change a byte of the output, and why. */
    public static final Map<String, String> NOT_IN_OUTPUT = Map.of(
            "content", "where the content folder is: the output depends on what is in it",
            "out", "where the output is written",
            "strict", "whether warnings stop the publish, not what is published");

    /**
     * The inputs of a build with {@code options} of the content read: the theme's texts and the
     * mirror options are checked on the way (a finding, and empty, when they cannot be used).
     */
    public static Optional<BuildInputs> of(SiteBuilder.Options options, SiteConfig settings, SiteData data,
                                           List<SourceFile> staticFiles, List<String> pageFiles, MirrorFiles mirrorFiles,
                                           boolean inGit, Problems problems) {
        Map<String, UiText> texts = options.theme().textsOf(settings.languages(), problems);
        if (texts.size() < settings.languageCodes().size()) return Optional.empty();
        return Optional.of(new BuildInputs(options.theme().version(), settings, data, Map.copyOf(texts),
                staticFiles.stream().map(SourceFile::relative).toList(), List.copyOf(pageFiles), mirrorFiles.downloads(settings.languageCodes()),
                options.baseUrl(), options.environment().get("SOURCE_DATE_EPOCH"), inGit, options.includeDrafts(),
                options.migrate()));
    }

    /** A hash of every component: equal keys, equal inputs. */
    public String key() {
        return BuildCache.hash(this);
    }

    /**
     * These inputs but the places of content/data/: what an article depends on unless it shows
     * places ({@code places: {type: ...}}). A status flipped renders again only what shows places.
     */
    public BuildInputs withoutPlaces() {
        return new BuildInputs(generator, settings, data.withPlaces(Places.NONE), texts, staticFiles, pageFiles, downloads, baseUrl,
                sourceDateEpoch, inGit, drafts, migrate);
    }

    /** A hash of the places of content/data/ and their statuses: what the pages that show places depend on besides the rest. */
    public String placesKey() {
        return BuildCache.hash(data.places());
    }

    /**
     * What parsing a page file reads of these inputs: the generator and the settings. The page
     * cache is keyed by it alone, since it is read while the content folder is walked, before the
     * rest of this record is known; what a page renders to is keyed by {@link #key}.
     */
    public static String parsingKey(String generator, SiteConfig settings) {
        return BuildCache.hash(generator, settings);
    }
}
