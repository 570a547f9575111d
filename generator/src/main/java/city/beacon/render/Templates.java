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
    /**
     * Null for precompiled templates. For a folder: one template rendered at a time, since jte
     * compiles a changed template while rendering it, and two threads rendering one just edited
     * each compiled it, one loading the class file the other was still writing ("Truncated class
     * file", seen in WarmEqualsColdTest's interface-text row).
     */
    private final Object compiling;

    private Templates(TemplateEngine engine, Object compiling) {
        this.engine = engine;
        this.compiling = compiling;
    }

    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html), null);
    }

    public static Templates fromDirectory(Path templatesDir, Path classDir) {
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templatesDir), classDir, ContentType.Html,
                Templates.class.getClassLoader());
        engine.setTrimControlStructures(true);
        return new Templates(engine, new Object());
    }

    public String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        if (compiling == null) {
            engine.render(template, view, out);
        } else {
            synchronized (compiling) {
                engine.render(template, view, out);
            }
        }
        return out.toString();
    }
}
