package city.beacon.render;

import java.util.Map;

/**
 * Renders the page of an article (a page an editor wrote) from its {@link ArticleContext} and its
 * rendered text, with the theme's templates, interface text and stylesheet. Needs no site: a build
 * of a few edited pages makes each context from what it knows, and gets the page a whole build makes.
 */
public final class ArticleRenderer {
    private final Templates templates;
    private final Map<String, UiText> texts;
    private final String inlineCss;

    /**
     * {@code texts}: the interface text of every language of the site (the language switch speaks
     * each); {@code inlineCss}: the stylesheet to put in the page's head, null to link it.
     */
    public ArticleRenderer(Templates templates, Map<String, UiText> texts, String inlineCss) {
        this.templates = templates;
        this.texts = texts;
        this.inlineCss = inlineCss;
    }

    public String article(ArticleContext context, String bodyHtml) {
        return templates.render("article.jte", ViewFactory.articleView(context, texts, inlineCss, bodyHtml));
    }

    /**
     * An article as its layout, rendered with {@link SiteRenderer.Article#TEXT} where its text goes,
     * and the text: the page is the one put into the other, and the layout can be checked on its own.
     */
    public SiteRenderer.Article articleParts(ArticleContext context, String bodyHtml) {
        return new SiteRenderer.Article(article(context, SiteRenderer.Article.TEXT), bodyHtml);
    }
}
