package city.beacon.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;

import java.nio.file.Path;

/**
 * The jte engine: templates precompiled into the jar for builds, or compiled from a templates/
 * folder at run time (for the live preview and for trying out template changes).
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Templates fromDirectory(Path templatesDir, Path classDir) {
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templatesDir), classDir, ContentType.Html,
                Templates.class.getClassLoader());
        engine.setTrimControlStructures(true);
        return new Templates(engine);
    }

    public String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }
}
