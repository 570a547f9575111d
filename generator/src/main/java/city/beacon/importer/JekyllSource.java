package city.beacon.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Jekyll site (or an Eleventy one written the same way): its pages are the Markdown files
 * with front matter anywhere outside Jekyll's own folders; {@code _posts/YYYY-MM-DD-name.md} are
 * the section {@code posts} (the date from the name), {@code _drafts/} are drafts of it, and each
 * other {@code _name/} folder is the collection section {@code name}. A folder's {@code index.md}
 * is the folder's own page when the folder has other pages, else the page named after the folder.
 * The old address is {@code permalink:}, else Jekyll's default ({@code /folder/name.html},
 * {@code /category/YYYY/MM/DD/name.html} for a post); {@code redirect_from} are old addresses too.
 * Images and documents anywhere outside Jekyll's folders are copied at the same path.
 */
final class JekyllSource {
    /** Folders that hold Jekyll's templates, data, plugins and the built site, not pages. */
    private static final Set<String> NOT_CONTENT = Set.of("_site", "_includes", "_layouts", "_data", "_sass", "_plugins",
            "_config", "node_modules", "vendor", "_templates", "_archive");
    private static final Pattern POST = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.+)");

    private JekyllSource() {
    }

    static SourceSite read(SourceTree tree, Optional<String> language, ImportReport report) throws IOException {
        Map<String, Object> config = config(tree, report);
        String lang = language.orElseGet(() -> SourceFrontMatter.text(config.get("lang"))
                .or(() -> SourceFrontMatter.text(config.get("locale"))).orElse("en")).toLowerCase();
        if (lang.contains("-") || lang.contains("_")) lang = lang.substring(0, Paths.indexOfAny(lang, "-_"));
        List<SourceTree.File> all = tree.files("", NOT_CONTENT);
        List<SourceSite.Page> pages = new ArrayList<>();
        List<SourceSite.StaticFile> files = new ArrayList<>();
        List<SourceSite.Page> candidates = new ArrayList<>();
        for (SourceTree.File file : all) {
            String extension = Paths.extension(file.name());
            if (extension.equals("md") || extension.equals("markdown")) {
                Optional<String> text = tree.text(file);
                if (text.isEmpty()) continue;
                if (!SourceFrontMatter.hasFrontMatter(text.get())) {
                    report.notImported(file.relative(), "Markdown without front matter: Jekyll copies it as a file, not a page");
                    continue;
                }
                SourceFrontMatter front;
                try {
                    front = SourceFrontMatter.split(text.get());
                } catch (SourceFrontMatter.Unreadable e) {
                    report.notImported(file.relative(), e.getMessage());
                    continue;
                }
                String stem = file.name().substring(0, file.name().length() - extension.length() - 1);
                candidates.add(page(file, stem, front, lang));
            } else if (Paths.isPageLike(extension)) {
                report.notImported(file.relative(), "a page in " + extension.toUpperCase() + ", not Markdown: write it in Markdown");
            } else if (!file.relative().startsWith("_") && !file.relative().matches("(Gemfile|Rakefile|package).*")) {
                files.add(new SourceSite.StaticFile(file, file.relative(), "/" + file.relative()));
            }
        }
        for (SourceSite.Page page : candidates) {
            if (!page.stem().equals("index")) {
                pages.add(page);
                continue;
            }
            String dir = Paths.parent(page.file().relative());
            boolean hasOthers = candidates.stream().map(p -> Paths.parent(p.file().relative()))
                    .anyMatch(parent -> parent.equals(dir) || parent.startsWith(dir + "/"))
                    && candidates.stream().filter(p -> p != page).anyMatch(p -> Paths.parent(p.file().relative()).equals(dir)
                    || Paths.parent(p.file().relative()).startsWith(dir + "/"));
            List<String> folders = new ArrayList<>(page.folders());
            if (folders.isEmpty()) {
                pages.add(with(page, folders, "index", SourceSite.Role.HOME));
            } else if (hasOthers) {
                pages.add(with(page, folders, "_index", SourceSite.Role.SECTION));
            } else {
                String stem = folders.remove(folders.size() - 1);
                pages.add(with(page, folders, stem, SourceSite.Role.PAGE));
            }
        }
        String title = SourceFrontMatter.text(config.get("title")).orElse("");
        return new SourceSite(title, List.of(lang), Map.of(lang, lang), pages, files);
    }

    private static SourceSite.Page with(SourceSite.Page page, List<String> folders, String stem, SourceSite.Role role) {
        return new SourceSite.Page(page.file(), page.lang(), folders, stem, role, page.front(), page.oldAddresses(),
                page.contentPath(), page.dateFromName(), page.draftFolder());
    }

    private static SourceSite.Page page(SourceTree.File file, String stem, SourceFrontMatter front, String lang) {
        List<String> folders = new ArrayList<>(Arrays.asList(file.relative().split("/")));
        folders.remove(folders.size() - 1);
        String dateFromName = null;
        boolean draft = false;
        String defaultAddress;
        int posts = Math.max(folders.indexOf("_posts"), folders.indexOf("_drafts"));
        if (posts >= 0) {
            draft = folders.get(posts).equals("_drafts");
            List<String> categories = new ArrayList<>(folders.subList(0, posts));
            categories.addAll(Paths.addressList(front.fields().get("categories")).stream().map(c -> c.substring(1)).toList());
            folders = new ArrayList<>(List.of("posts"));
            Matcher m = POST.matcher(stem);
            String date = "";
            if (m.matches()) {
                dateFromName = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
                stem = m.group(4);
                date = "/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3);
            }
            defaultAddress = "/" + String.join("/", categories) + date + "/" + stem + ".html";
        } else {
            if (!folders.isEmpty() && folders.get(0).startsWith("_")) folders.set(0, folders.get(0).substring(1));
            String path = String.join("/", folders);
            defaultAddress = "/" + path + (path.isEmpty() ? "" : "/") + (stem.equals("index") ? "" : stem + ".html");
        }
        List<String> addresses = new ArrayList<>();
        Optional<String> permalink = SourceFrontMatter.text(front.fields().get("permalink"));
        addresses.add(permalink.filter(p -> !p.contains(":")).map(Paths::rooted).orElse(defaultAddress.replace("//", "/")));
        addresses.addAll(Paths.addressList(front.fields().get("redirect_from")));
        return new SourceSite.Page(file, lang, folders, stem, SourceSite.Role.PAGE, front, addresses, file.relative(), dateFromName, draft);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(SourceTree tree, ImportReport report) throws IOException {
        for (String name : List.of("_config.yml", "_config.yaml")) {
            if (!tree.isFile(name)) continue;
            try {
                Object value = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(tree.root().resolve(name)), Object.class);
                return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            } catch (JacksonException e) {
                report.note(name + " cannot be read: its settings were not used");
                return Map.of();
            }
        }
        return Map.of();
    }
}
