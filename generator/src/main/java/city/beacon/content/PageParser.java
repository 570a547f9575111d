package city.beacon.content;

import city.beacon.yaml.FieldReader;
import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problems;
import city.beacon.model.SiteConfig;
import city.beacon.model.SlugScheme;
import city.beacon.model.Category;
import city.beacon.model.Details;
import city.beacon.model.Page;
import city.beacon.model.PageKind;
import city.beacon.model.Phone;
import city.beacon.model.Place;
import city.beacon.model.PlaceQuery;
import city.beacon.model.PlaceSettings;
import city.beacon.model.Section;
import city.beacon.model.Slugs;
import city.beacon.model.SourceFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the text of one page file into a {@link Page}: pure (no disk), so tests give it a
 * string. The fields each kind reads here are its schema, documented in docs/content-reference.md.
 */
public final class PageParser {
    public static final List<String> SUPPORT_TYPES = List.of("hotline", "counselling", "group", "self-help");
    public static final List<String> SEVERITIES = List.of("info", "warning", "critical");

    private final SiteConfig config;
    private final Map<String, LocalDate> lastCommits;
    private final boolean unknownFieldsAreWarnings;

    public PageParser(SiteConfig config) {
        this(config, Map.of());
    }

    /** {@code lastCommits}: content path -> date of its last commit, the default of 'updated'. */
    public PageParser(SiteConfig config, Map<String, LocalDate> lastCommits) {
        this(config, lastCommits, false);
    }

    /** {@code unknownFieldsAreWarnings}: what {@code beacon check --migrate} reads (an unknown field is a warning, not an error). */
    public PageParser(SiteConfig config, Map<String, LocalDate> lastCommits, boolean unknownFieldsAreWarnings) {
        this.config = config;
        this.lastCommits = lastCommits;
        this.unknownFieldsAreWarnings = unknownFieldsAreWarnings;
    }

    public Optional<Page> parse(SourceFile source, String lang, Section section, String text, Problems problems) {
        String file = source.display();
        if (Placeholders.report(text, file, problems) > 0) return Optional.empty();
        Optional<FrontMatter.Read> read = FrontMatter.read(text, file, problems);
        if (read.isEmpty()) return Optional.empty();
        FrontMatter fm = read.get().split();
        FieldReader f = read.get().fields();

        PageKind kind = section.kind();
        String title = f.text("title", true);
        String summary = f.text("summary", kind != PageKind.PAGE);
        SlugScheme scheme = config.language(lang).slug();
        String slug = slug(source, f, scheme);
        f.refuse("url", "a page's address is made from its language, section folder and file name; it cannot be set",
                "to change the last part of the address, write 'slug: my-page-name' instead");
        String translation = translation(f, lang);
        List<String> tags = f.textList("tags", false);
        for (String tag : tags) checkTag(f, tag, scheme);
        boolean draft = f.bool("draft");
        boolean example = f.bool("example");
        int weight = f.integer("weight", 0);
        LocalDate committed = lastCommits.get(source.relative());
        LocalDate updated = f.date("updated", kind == PageKind.SERVICE && committed == null);
        if (updated == null) updated = committed;
        LocalDate reviewed = f.date("reviewed", kind == PageKind.SERVICE || kind == PageKind.SUPPORT);
        Details details = switch (kind) {
            case SERVICE -> service(f, lang);
            case SUPPORT -> support(f);
            case ALERT -> alert(f);
            case PAGE -> new Details.None();
        };
        f.hintUnknown(ImportHints::hint, ImportHints.ORIGIN);
        if (unknownFieldsAreWarnings) f.unknownFieldsAreWarnings();
        f.finish();
        if (!f.valid() || slug == null) return Optional.empty();
        String url = lang + "/" + section.folder().get(lang) + "/" + subSectionUrl(source.relative(), lang, section, scheme) + slug + "/";
        return Optional.of(new Page(source, lang, section, slug, url, title, summary == null ? "" : summary,
                tags, draft, updated, reviewed, example, weight, translation, details, fm.body(), fm.bodyLine(),
                f.has("reviewed") ? f.lineOf("reviewed") : 0));
    }

    /**
     * The part of a page's address its sub-folders give ("" for a page of the section folder itself):
     * each folder name made an address as file names are, {@code heating/schools/} for the page
     * {@code en/services/heating/schools/open.md}.
     */
    static String subSectionUrl(String relative, String lang, Section section, SlugScheme scheme) {
        String prefix = lang + "/" + section.folder().get(lang) + "/";
        if (!relative.startsWith(prefix)) return "";
        String[] folders = relative.substring(prefix.length()).split("/");
        StringBuilder url = new StringBuilder();
        for (int i = 0; i < folders.length - 1; i++) url.append(scheme.slugify(folders[i])).append('/');
        return url.toString();
    }

    private static String slug(SourceFile source, FieldReader f, SlugScheme scheme) {
        String given = f.text("slug", false);
        if (given != null) {
            if (!scheme.isValid(given)) {
                f.report("slug", "expected " + scheme.allowed() + " (no '/', '..' or drive letters), got \""
                        + given + "\"", suggestedSlug(given, scheme));
                return null;
            }
            if (given.length() > Slugs.MAX_LENGTH) {
                f.report("slug", "the address \"" + given + "\" is " + given.length() + " characters long; at most "
                        + Slugs.MAX_LENGTH + " are accepted", "write a shorter one, e.g. 'slug: " + Slugs.shortened(given) + "'");
                return null;
            }
            return given;
        }
        String name = source.relative().substring(source.relative().lastIndexOf('/') + 1);
        String fromName = scheme.slugify(name.substring(0, name.length() - ".md".length()));
        if (fromName.isEmpty()) {
            f.report("slug", "the file name \"" + name + "\" gives no usable address", "add a line 'slug: my-page-name'");
            return null;
        }
        if (fromName.length() > Slugs.MAX_LENGTH) {
            f.report("slug", "the file name gives an address " + fromName.length() + " characters long (\"" + fromName
                    + "\"); at most " + Slugs.MAX_LENGTH + " are accepted",
                    "rename the file, or add a line such as 'slug: " + Slugs.shortened(fromName) + "'");
            return null;
        }
        return fromName;
    }

    /** A tag becomes the address of its page (uk/temy/<tag>/): it needs a letter or digit, and not too many. */
    private static void checkTag(FieldReader f, String tag, SlugScheme scheme) {
        String slug = scheme.slugify(tag);
        if (slug.isEmpty()) {
            f.report("tags", "the tag \"" + tag + "\" has no letter or digit to make its address of",
                    "write it in words, with Latin or Cyrillic letters or digits");
        } else if (slug.length() > Slugs.MAX_LENGTH) {
            f.report("tags", "the tag \"" + tag + "\" makes an address " + slug.length() + " characters long; at most "
                    + Slugs.MAX_LENGTH + " are accepted", "write a shorter tag");
        }
    }

    private static String suggestedSlug(String given, SlugScheme scheme) {
        String decoded = percentDecoded(given);
        String from = decoded == null ? given : decoded;
        String slug = scheme.slugify(from.substring(from.lastIndexOf('/') + 1).replace('\\', '-'));
        if (slug.isEmpty() || !scheme.isValid(slug)) return null;
        return (decoded == null ? "" : "it is percent-encoded (\"" + decoded + "\"): ") + "write a single name such as \"" + slug + "\"";
    }

    /** {@code text} with its %XX escapes decoded as UTF-8, or null when it has none (or they are not UTF-8). */
    private static String percentDecoded(String text) {
        if (!text.matches(".*%[0-9A-Fa-f]{2}.*")) return null;
        try {
            java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%' && i + 2 < text.length() && text.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return utf8.decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return null;
        }
    }

    private String translation(FieldReader f, String lang) {
        String path = f.text("translation", false);
        if (path == null) return null;
        String normal = path.replace('\\', '/');
        boolean otherLanguage = config.languageCodes().stream()
                .anyMatch(code -> !code.equals(lang) && normal.startsWith(code + "/"));
        if (!otherLanguage || !normal.endsWith(".md") || normal.contains("../") || normal.startsWith("/")) {
            f.report("translation", "expected the other language's file, relative to content/, like \"uk/poslugy/pasport.md\", got \""
                    + path + "\"", null);
            return null;
        }
        return normal;
    }

    private Details service(FieldReader f, String lang) {
        List<String> ids = config.categories().stream().map(Category::id).toList();
        String category = f.text("category", true);
        if (category != null && !ids.contains(category)) {
            f.report("category", "unknown category \"" + category + "\"", DidYouMean.suggest(category, ids));
            category = null;
        }
        boolean fromData = f.isGroup("places");
        PlaceQuery query = fromData ? placeQuery(f) : null;
        return new Details.Service(category, f.textList("documents", true), f.textList("steps", false),
                f.text("cost", true), f.text("processing_time", true), fromData ? List.of() : places(f),
                f.url("online", false), query);
    }

    /** {@code places: {type: heating, district: podilskyi}}: a type and a district of site.yaml's {@code places:}. */
    private PlaceQuery placeQuery(FieldReader f) {
        FieldReader q = f.group("places", false);
        String type = q.text("type", true);
        String district = q.text("district", false);
        q.finish();
        List<String> types = config.places().types().stream().map(PlaceSettings.Type::id).toList();
        List<String> districts = config.places().districts().stream().map(PlaceSettings.District::id).toList();
        boolean known = true;
        if (type != null && !types.contains(type)) {
            q.report("type", "unknown place type \"" + type + "\"" + (types.isEmpty() ? ": site.yaml declares no places" : ""),
                    types.isEmpty() ? "declare the types under places: in site.yaml" : DidYouMean.suggest(type, types));
            known = false;
        }
        if (district != null && !district.isEmpty() && !districts.contains(district)) {
            q.report("district", "unknown district \"" + district + "\"", DidYouMean.suggest(district, districts));
            known = false;
        }
        return known && type != null ? new PlaceQuery(type, district == null || district.isEmpty() ? null : district) : null;
    }

    private static Details support(FieldReader f) {
        String type = f.oneOf("type", true, SUPPORT_TYPES);
        List<Phone> phones = f.objects("phones", "hotline".equals(type), p -> new Phone(
                p.phone("number", true), p.text("label", true), p.text("hours", false), p.bool("free"), p.bool("example")));
        return new Details.Support(type, phones, f.textList("languages", true), f.text("audience", true),
                f.url("online", false), places(f));
    }

    private static List<Place> places(FieldReader f) {
        return f.objects("places", false, p -> new Place(p.text("name", true), p.text("address", true),
                p.text("hours", false), p.phone("phone", false), p.bool("example")));
    }

    private Details alert(FieldReader f) {
        String severity = f.oneOf("severity", true, SEVERITIES);
        Instant starts = f.moment("starts", true, config.timezone());
        Instant expires = f.moment("expires", true, config.timezone());
        if (starts != null && expires != null && !expires.isAfter(starts)) {
            // The editor's own text: the parsed instants are in UTC and would read as a different day.
            f.report("expires", "the alert expires (" + f.text("expires", false) + ") before it starts ("
                            + f.text("starts", false) + ")",
                    "check the dates: 'expires' must come after 'starts'");
        }
        return new Details.Alert(severity, starts, expires);
    }
}
