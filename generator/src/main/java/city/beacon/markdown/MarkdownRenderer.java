package city.beacon.markdown;

import city.beacon.findings.DidYouMean;
import city.beacon.findings.Problems;
import city.beacon.model.Page;
import city.beacon.model.Urls;
import city.beacon.markdown.ext.footnotes.FootnotesExtension;
import city.beacon.markdown.ext.tasks.TaskListItemsExtension;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown stage: CommonMark with GFM tables, strikethrough, autolinks, footnotes, task lists
 * and heading ids (made from the text, or written by the editor: {@code ## Title {#id}}).
 * Links written as paths to .md files become the target page's relative address; a link to a
 * page that does not exist, raw HTML that had to be cleaned, an image without alt text and a
 * skipped heading level are reported with their line.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(), AutolinkEnds.create(),
            FootnotesExtension.create(), TaskListItemsExtension.create());

    /** Lists and quotes inside each other beyond this are a mistake in a guide (or an attack). */
    static final int MAX_NESTING = 10;

    /** Ids the templates give their own elements; a heading in the text must not take one (a link would jump there). */
    static final java.util.Set<String> TEMPLATE_IDS = java.util.Set.of("main", "help-title", "documents", "steps", "where", "phones",
            "q", "hits", "mirror-list", "mirror-files");

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final LinkTargets targets;
    private final boolean recordTags;
    private final Shortcodes shortcodes;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public MarkdownRenderer(LinkTargets targets) {
        this(targets, false);
    }

    /** {@code recordTags}: hand on the tags written ({@link RenderedMarkdown#tags()}), for a check that then parses only the rest of the page. */
    public MarkdownRenderer(LinkTargets targets, boolean recordTags) {
        this(targets, recordTags, Shortcodes.NONE);
    }

    /** {@code shortcodes}: what is done with the Hugo shortcodes left in a page, and how they are reported. */
    public MarkdownRenderer(LinkTargets targets, boolean recordTags, Shortcodes shortcodes) {
        this(targets, recordTags, shortcodes, Map.of());
    }

    /**
     * {@code footnoteBack}: by language, the name of a footnote's link back to where it is referred to,
     * {@code {n}} its number (the interface texts' {@code footnote_back}); {@link #FOOTNOTE_BACK} for a language not in it.
     */
    public MarkdownRenderer(LinkTargets targets, boolean recordTags, Shortcodes shortcodes, Map<String, String> footnoteBack) {
        this.targets = targets;
        this.recordTags = recordTags;
        this.shortcodes = shortcodes;
        this.footnoteBack = Map.copyOf(footnoteBack);
    }

    /** The name of a footnote's link back in a language the renderer has no text for. */
    public static final String FOOTNOTE_BACK = "Back to reference {n}";
    private final Map<String, String> footnoteBack;

    public RenderedMarkdown render(Page page, Problems problems) {
        // commonmark builds the tree without recursion and stops nesting blocks at 100 open ones
        // (maxOpenBlockParsers) and inlines at 100 (maxInlineNesting), so the recursive walks
        // below stay shallow whatever the input; what is deeper than a guide needs is reported.
        Shortcodes.Applied applied = shortcodes.apply(page, problems);
        Node document = parser.parse(applied.text());
        checkNesting(page, document, applied.columns(), problems);
        Facts facts = new Facts(page, problems, applied.columns());
        document.accept(facts);
        Map<Node, String> ids = facts.headingIds;
        List<RenderedMarkdown.Tag> tags = new ArrayList<>();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String id = ids.get(node);
                    if (id != null) attributes.put("id", id);
                    // A footnote's link back names it in the page's language; the data-* attributes are for scripts, and there are none.
                    String backTo = attributes.remove("data-footnote-backref-idx");
                    if (backTo != null) attributes.put("aria-label", footnoteBack.getOrDefault(page.lang(), FOOTNOTE_BACK).replace("{n}", backTo));
                    attributes.keySet().removeIf(name -> name.startsWith("data-footnote"));
                    // sanitizeUrls also marks every link nofollow; links here are the city's own pages and sites it vouches for.
                    if (node instanceof Link link) {
                        attributes.remove("rel");
                        if (showsItsAddress(link)) attributes.put("class", BARE_LINK);
                    }
                    // The attributes as they are written (escaped): what parsing the HTML would give back.
                    if (recordTags && (node instanceof Heading || !attributes.isEmpty())) {
                        tags.add(new RenderedMarkdown.Tag(tagName, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes))));
                    }
                })
                .build();
        String html = renderer.render(document);
        if (facts.rawHtml) html = sanitizer.clean(html, facts.rawRewrites, TEMPLATE_IDS);
        String prose = ProseText.of(document);
        for (Shortcodes.Templated t : applied.templated()) { // the theme's HTML, trusted: put in once the editor's is cleaned
            RenderedMarkdown inner = render(innerPage(page, t), problems);
            String filled = t.fill(inner.html());
            String paragraph = "<p>" + t.token() + "</p>";
            html = html.contains(paragraph) ? html.replace(paragraph, filled) : html.replace(t.token(), filled);
            prose = prose.replace(t.token(), " " + inner.prose() + " ");
            facts.headings.addAll(inner.headings());
            facts.links.addAll(inner.links());
            facts.checked.addAll(inner.checkedHrefs());
        }
        // With a template's HTML in it, the page's tags are known only by parsing it.
        boolean tagsKnown = recordTags && !facts.rawHtml && applied.templated().isEmpty();
        return new RenderedMarkdown(html, List.copyOf(facts.headings), List.copyOf(facts.links), Set.copyOf(facts.checked),
                tagsKnown ? Optional.of(List.copyOf(tags)) : Optional.empty(), prose);
    }

    /** The Markdown between a templated shortcode's tags, as a page of its own: the same address and file, from the line it starts on. */
    private static Page innerPage(Page page, Shortcodes.Templated t) {
        return page.withBody(t.inner(), page.bodyLine() + t.innerLine());
    }

    /** The class of a link whose text is its own address: print does not write the address after it again. */
    public static final String BARE_LINK = "bare";

    private static boolean showsItsAddress(Link link) {
        return link.getFirstChild() instanceof org.commonmark.node.Text text && text.getNext() == null
                && text.getLiteral().equals(link.getDestination());
    }

    /** Reports the first list or quote nested more than {@link #MAX_NESTING} levels deep (walked without recursion). */
    private static void checkNesting(Page page, Node document, Shortcodes.Columns columns, Problems problems) {
        Node node = document;
        while (node != null) {
            if (nesting(node) > MAX_NESTING) {
                List<SourceSpan> spans = node.getSourceSpans();
                int lineIndex = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
                problems.error(page.source().display(), page.bodyLine() + lineIndex,
                        columns.of(lineIndex, spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1), null,
                        "lists or quotes are nested more than " + MAX_NESTING + " levels deep here",
                        "a guide needs at most a few levels: use headings and short lists instead");
                return;
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNext() == null) node = node.getParent();
            if (node != null) node = node.getNext();
        }
    }

    /** How many lists and quotes {@code node} is (or is inside); 0 for anything that is not one. */
    private static int nesting(Node node) {
        if (!(node instanceof ListBlock || node instanceof BlockQuote)) return 0;
        int depth = 0;
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ListBlock || n instanceof BlockQuote) depth++;
        }
        return depth;
    }

    /** One walk over the tree that rewrites links and notes headings, links and raw HTML. */
    private final class Facts extends AbstractVisitor {
        private final Page page;
        private final Problems problems;
        private final IdGenerator idGenerator = IdGenerator.builder().build();
        final Map<Node, String> headingIds = new HashMap<>();
        final List<RenderedMarkdown.Heading> headings = new ArrayList<>();
        final List<RenderedMarkdown.InternalLink> links = new ArrayList<>();
        final Set<String> checked = new HashSet<>();
        boolean rawHtml;
        /** Each id on the page so far, with the line it is written on. */
        private final Map<String, Integer> idLines = new HashMap<>();
        /** The addresses written in raw HTML that lead to a page or file, and the href each becomes. */
        final Map<String, String> rawRewrites = new HashMap<>();
        private int previousLevel = 1;
        /** Where a column of the text parsed is in the page as written (shortcodes' tags were taken out of it). */
        private final Shortcodes.Columns columns;

        Facts(Page page, Problems problems, Shortcodes.Columns columns) {
            this.page = page;
            this.problems = problems;
            this.columns = columns;
        }

        @Override
        public void visit(Heading heading) {
            int line = line(heading);
            String written = writtenId(heading, line);
            String text = textOf(heading);
            // Lower-cased here, as in every language: the generator lower-cases in the JVM's locale ("Important" -> "ımportant" in Turkish).
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            String id = written != null && claimWritten(written, new At(line, 1)) ? written : generatedId(lower, text, line);
            headingIds.put(heading, id);
            headings.add(new RenderedMarkdown.Heading(heading.getLevel(), text, id, line));
            if (heading.getLevel() == 1) {
                problems.error(page.source().display(), line, 1, null,
                        "a level-1 heading ('# ...') in the text; the page title is the only one",
                        "start the sections of the text with '## '");
                // Reported here, with its line: written as <h2>, the check of the page's HTML does not count it again.
                heading.setLevel(2);
                previousLevel = 1;
                visitChildren(heading);
                return;
            } else if (heading.getLevel() > previousLevel + 1) {
                problems.warning(page.source().display(), line, 1, null, "the heading skips from level "
                                + previousLevel + " to level " + heading.getLevel(),
                        "use " + "#".repeat(previousLevel + 1) + " for this heading");
            }
            previousLevel = heading.getLevel();
            visitChildren(heading);
        }

        /** A heading's id made from its text, unlike every id already on the page. */
        private String generatedId(String lower, String text, int line) {
            String id = idGenerator.generateId(lower);
            while (TEMPLATE_IDS.contains(id)) id = idGenerator.generateId(lower); // "documents" -> "documents-1"
            Integer taken = idLines.get(id);
            if (taken != null) {
                problems.error(page.source().display(), line, 1, null, "the heading \"" + text + "\" gets the id \"" + id
                                + "\", which is already used on this page (line " + taken + ")",
                        "write an id of its own after the heading, as in '## " + text + " {#other-id}', or change the other one");
                while (idLines.containsKey(id) || TEMPLATE_IDS.contains(id)) id = idGenerator.generateId(lower);
            }
            idLines.put(id, line);
            return id;
        }

        /**
         * Takes an id the editor wrote (after a heading, or in raw HTML) for the page; false, with a
         * finding at its line, when the page's layout or an element above already has it.
         */
        private boolean claimWritten(String id, At at) {
            if (TEMPLATE_IDS.contains(id)) {
                problems.error(page.source().display(), at.line(), at.column(), null, "the id \"" + id + "\" is one the page's layout uses",
                        "choose another id (the layout's ids are: " + String.join(", ", new java.util.TreeSet<>(TEMPLATE_IDS)) + ")");
                return false;
            }
            Integer taken = idLines.putIfAbsent(id, at.line());
            if (taken != null) {
                problems.error(page.source().display(), at.line(), at.column(), null,
                        "the id \"" + id + "\" is already used on this page (line " + taken + ")", "give each element its own id");
                return false;
            }
            return true;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(rewrite(at(link), link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            if (textOf(image).isBlank()) {
                At at = at(image);
                problems.error(page.source().display(), at.line(), at.column(), null,
                        "an image without a description (alt text)",
                        "write what the image shows between the brackets: ![Map of shelters near the metro](map.png)");
            }
            if (!loadsFromAnotherSite(at(image), image.getDestination())) image.setDestination(rewrite(at(image), image.getDestination()));
            visitChildren(image);
        }

        @Override
        public void visit(HtmlBlock block) {
            checkHtml(block, block.getLiteral());
        }

        @Override
        public void visit(HtmlInline inline) {
            checkHtml(inline, inline.getLiteral());
        }

        /**
         * Raw HTML: what cleaning removes gets a warning, and each link and image it keeps follows
         * the rules of Markdown links (a page's .md file becomes its address; '/', '//' and schemes
         * other than http(s), mailto and tel are errors), with the line it is written on.
         */
        private void checkHtml(Node node, String literal) {
            rawHtml = true;
            for (HtmlSanitizer.Position h1 : sanitizer.levelOneHeadings(literal)) {
                At at = at(node, h1);
                problems.error(page.source().display(), at.line(), at.column(), null,
                        "a level-1 heading (<h1>) in the text; the page title is the only one",
                        "start the sections of the text with <h2>");
            }
            // A Hugo shortcode in it is reported as one, at its place: not again as what it breaks (an attribute, a link).
            boolean shortcode = Shortcodes.holdsOne(literal);
            for (HtmlSanitizer.Removed removed : shortcode ? List.<HtmlSanitizer.Removed>of() : sanitizer.removedBy(literal)) {
                At at = at(node, removed.at());
                problems.warning(page.source().display(), at.line(), at.column(), null,
                        "raw HTML was changed for safety: " + removed.what() + " removed", "write it in Markdown instead");
            }
            for (HtmlSanitizer.Id id : sanitizer.ids(literal)) {
                claimWritten(id.value(), at(node, id.at()));
            }
            for (HtmlSanitizer.Address address : sanitizer.addresses(literal)) {
                if (shortcode && address.value().contains("{{")) continue;
                At at = at(node, address.at());
                if (address.loads() && loadsFromAnotherSite(at, address.value())) continue;
                String href = rewrite(at, address.value());
                if (!href.equals(address.value())) rawRewrites.put(address.value(), href);
            }
        }

        private String rewrite(At at, String destination) {
            if (destination.isEmpty()) return destination;
            if (Shortcodes.holdsOne(destination)) { // reported as a shortcode or Liquid, not as a page that does not exist
                checked.add(destination);
                return destination;
            }
            String written = destination;
            int hash = destination.indexOf('#');
            String path = hash < 0 ? destination : destination.substring(0, hash);
            String fragment = hash < 0 ? null : destination.substring(hash + 1);
            if (path.isEmpty()) {
                links.add(new RenderedMarkdown.InternalLink(page.url(), fragment, written, at.line(), at.column()));
                checked.add(destination);
                return destination;
            }
            if (hasScheme(path)) {
                checkExternal(at, written);
                return destination;
            }
            if (path.startsWith("/") || path.startsWith("\\")) {
                report(at, destination, "the link \"" + written + "\" starts with '/', which breaks on mirrors under a sub-path",
                        "link to the page's .md file with a relative path, like ../poslugy/pasport.md");
                return destination;
            }
            String resolved = resolve(page.source().relative(), path);
            if (resolved == null) {
                report(at, destination, "the link \"" + written + "\" points outside the content folder", null);
                return destination;
            }
            Optional<String> url = targets.urlOf(resolved);
            if (url.isEmpty() && targets.isUnreadable(resolved)) {
                checked.add(destination);
                return destination;
            }
            if (url.isEmpty()) {
                if (targets.isUnpublished(resolved)) {
                    report(at, destination, "the link \"" + written + "\" points to a page that is not published (a draft or an inactive alert)",
                            "publish that page first, or remove the link");
                } else {
                    String suggestion = DidYouMean.closest(resolved, targets.knownPaths())
                            .map(p -> "did you mean '" + relativePath(page.source().relative(), p) + "'?").orElse(null);
                    report(at, destination, "the link \"" + written + "\" points to a page that does not exist", suggestion);
                }
                return destination;
            }
            links.add(new RenderedMarkdown.InternalLink(url.get(), fragment, written, at.line(), at.column()));
            String href = Urls.relative(page.url(), url.get());
            if (fragment == null) return href;
            checked.add(href + "#" + fragment);
            return href + "#" + fragment;
        }

        /** Reports an image shown from another site with its line (the check of the page's HTML then skips it); false for any other. */
        private boolean loadsFromAnotherSite(At at, String source) {
            String lower = source.strip().toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) return false;
            report(at, source, "the image \"" + source + "\" would load from another site",
                    "pages may load only files of this site: copy the file into content/static/ and show it from there, or link to it instead");
            return true;
        }

        private void checkExternal(At at, String written) {
            try {
                URI uri = new URI(written);
                String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
                    report(at, written, "the web address \"" + written + "\" has no host name", "write it as https://example.org/page");
                } else if (!List.of("http", "https", "mailto", "tel").contains(scheme)) {
                    report(at, written, "the link \"" + written + "\" uses '" + scheme + ":', which is not allowed",
                            "links may start with https://, http://, mailto: or tel:");
                }
            } catch (URISyntaxException e) {
                report(at, written, "the web address \"" + written + "\" is malformed: " + e.getReason(), malformedAdvice(written, e.getIndex()));
            }
        }

        /** What to write instead of the character at {@code index} of a malformed address ({@code -1}: not known). */
        private static String malformedAdvice(String written, int index) {
            char c = index >= 0 && index < written.length() ? written.charAt(index) : ' ';
            if (c == ' ') return "spaces must be written as %20; check the address in a browser";
            if (c == '#') return "an address has one '#': write any other as %23 (a browser drops what follows the second); check the address in a browser";
            return "write '" + c + "' as " + java.net.URLEncoder.encode(String.valueOf(c), java.nio.charset.StandardCharsets.UTF_8)
                    + "; check the address in a browser";
        }

        private void report(At at, String destination, String message, String suggestion) {
            checked.add(destination);
            problems.error(page.source().display(), at.line(), at.column(), null, message, suggestion);
        }

        /** Where {@code position} in the raw HTML of {@code node} is in the page's file. */
        private At at(Node node, HtmlSanitizer.Position position) {
            return position.line() == 1 ? inPage(line(node), textColumn(node) + position.column() - 1)
                    : inPage(line(node) + position.line() - 1, position.column());
        }

        private At at(Node node) {
            return inPage(line(node), textColumn(node));
        }

        /** {@code line} of the file and {@code column} of the text parsed, as the file's line and column. */
        private At inPage(int line, int column) {
            return new At(line, columns.of(line - page.bodyLine(), column));
        }

        private int line(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            return page.bodyLine() + (spans.isEmpty() ? 0 : spans.get(0).getLineIndex());
        }

        private int textColumn(Node node) {
            List<SourceSpan> spans = node.getSourceSpans();
            return spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
        }

        /**
         * The id written at the end of {@code heading}, taken out of its text; null when there is
         * none. One that is not an id ({@code {#a-(b)}}, {@code {##a}}: neither kramdown nor Hugo
         * reads them, and the braces would be published as text) is an error naming the id to write,
         * and that id is used.
         */
        private String writtenId(Heading heading, int line) {
            if (!(heading.getLastChild() instanceof Text last)) return null;
            java.util.regex.Matcher matcher = WRITTEN_ID.matcher(last.getLiteral());
            if (matcher.find()) {
                last.setLiteral(last.getLiteral().substring(0, matcher.start()));
                return matcher.group(1);
            }
            java.util.regex.Matcher meant = MEANT_ID.matcher(last.getLiteral());
            if (!meant.find()) return null;
            String written = meant.group().strip();
            String id = written.substring(1, written.length() - 1).replaceFirst("^#+", "").replaceAll("[^\\p{L}\\p{N}_-]+", "-")
                    .replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
            last.setLiteral(last.getLiteral().substring(0, meant.start()));
            problems.error(page.source().display(), line, 1, null, "the heading ends with '" + written + "', which is not an id",
                    "an id is letters, digits, '-' and '_' after one '#'; write '{#" + id + "}'");
            return id.isEmpty() ? null : id;
        }
    }

    /** {@code ## Title {#id}}: the id an editor wrote at the end of a heading (as in Hugo, Jekyll and Pandoc). */
    private static final java.util.regex.Pattern WRITTEN_ID = java.util.regex.Pattern.compile("\\s*\\{#([\\p{L}\\p{N}_-]+)}\\s*$");

    /** What ends a heading in braces after '#': meant as an id, whether or not it is one. */
    private static final java.util.regex.Pattern MEANT_ID = java.util.regex.Pattern.compile("\\s*\\{#+[^{}\\s]*}\\s*$");


    /** Where a link is written in the page's file. */
    private record At(int line, int column) {
    }

    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        // "C:..." is a Windows drive, not a scheme; treated as a path and refused there.
        return colon > 1 && path.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** Resolves a relative link written in {@code from} (content-relative) to a content-relative path, or null. */
    static String resolve(String from, String link) {
        return Urls.resolve(from, Urls.decode(link));
    }

    /** How to write a link from {@code from} to {@code to}, both content-relative files. */
    static String relativePath(String from, String to) {
        return Urls.relative(from, to);
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
