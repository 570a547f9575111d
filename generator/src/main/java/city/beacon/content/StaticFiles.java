package city.beacon.content;

import city.beacon.findings.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What content/static/ may publish: the documents and images a city publishes, each checked to be
 * what its name says (a page renamed evil.png is not a PNG), and nothing a browser would run on the
 * portal's address. SVG images pass {@link SvgCheck}; office documents must hold no macros.
 */
public final class StaticFiles {
    private StaticFiles() {
    }

    /** The types published, by extension (lower-case), with what their content must start with. */
    private enum Type {
        PDF("PDF document"), PNG("PNG image"), JPEG("JPEG image"), GIF("GIF image"), WEBP("WebP image"),
        AVIF("AVIF image"), SVG("SVG image"), TEXT("text"), OFFICE("office document");

        final String what;

        Type(String what) {
            this.what = what;
        }
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("pdf", Type.PDF), Map.entry("png", Type.PNG), Map.entry("jpg", Type.JPEG), Map.entry("jpeg", Type.JPEG),
            Map.entry("gif", Type.GIF), Map.entry("webp", Type.WEBP), Map.entry("avif", Type.AVIF), Map.entry("svg", Type.SVG),
            Map.entry("txt", Type.TEXT), Map.entry("csv", Type.TEXT),
            Map.entry("docx", Type.OFFICE), Map.entry("xlsx", Type.OFFICE), Map.entry("odt", Type.OFFICE), Map.entry("ods", Type.OFFICE));

    /** Types a browser runs or renders as a page, refused with a word on what to do instead. */
    private static final Map<String, String> ACTIVE = Map.ofEntries(
            Map.entry("html", "write it as a Markdown page, or convert it to PDF"),
            Map.entry("htm", "write it as a Markdown page, or convert it to PDF"),
            Map.entry("xhtml", "write it as a Markdown page, or convert it to PDF"),
            Map.entry("shtml", "write it as a Markdown page, or convert it to PDF"),
            Map.entry("xml", "publish the data as CSV, or the document as PDF"),
            Map.entry("xsl", "publish the data as CSV, or the document as PDF"),
            Map.entry("js", "Beacon publishes no scripts of the content"),
            Map.entry("mjs", "Beacon publishes no scripts of the content"),
            Map.entry("css", "Beacon publishes no scripts of the content"),
            Map.entry("swf", "Beacon publishes no scripts of the content"),
            Map.entry("wasm", "Beacon publishes no scripts of the content"));

    static final String ALLOWED = "publish documents as PDF, TXT, CSV, DOCX, XLSX, ODT or ODS and images as PNG, JPEG, WebP, GIF, AVIF or SVG";

    /** SVG images and text files are read whole to be checked; larger ones are refused. */
    static final int MAX_CHECKED_BYTES = 8 * 1024 * 1024;

    /** Whether the static file {@code file} may be published; if not, a finding says why and what to do. */
    public static boolean allowed(Path file, String display, Problems problems) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Type type = TYPES.get(extension);
        if (type == null) {
            String active = ACTIVE.get(extension);
            if (active != null) {
                problems.error(display, 0, 0, null, "files of type ." + extension
                        + " are not published: a script in it would run on the portal's address", active);
            } else {
                problems.error(display, 0, 0, null, extension.isEmpty() ? "files without an extension are not published"
                        : "files of type ." + extension + " are not published", ALLOWED);
            }
            return false;
        }
        try {
            Optional<String[]> refused = check(file, type, extension);
            refused.ifPresent(r -> problems.error(display, 0, 0, null, r[0], r[1]));
            return refused.isEmpty();
        } catch (IOException e) {
            problems.error(display, 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            return false;
        }
    }

    /** Pure but for reading: {message, suggestion} when {@code file} is not a safe {@code type}. */
    private static Optional<String[]> check(Path file, Type type, String extension) throws IOException {
        byte[] head = head(file, 64);
        if (type == Type.TEXT || type == Type.SVG) {
            if (Files.size(file) > MAX_CHECKED_BYTES) {
                return refuse("the file is larger than " + MAX_CHECKED_BYTES / 1048576 + " MB", "split it, or convert it to PDF");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (type == Type.SVG) {
                return SvgCheck.unsafe(text).map(found -> new String[]{"the SVG image holds " + found
                        + ", which could run a script or load something from elsewhere",
                        "remove it in an SVG editor (or export the image as PNG)"});
            }
            if (looksLikeHtml(text)) {
                return refuse("the file is named ." + extension + " but holds HTML, which a browser may run",
                        "convert it to PDF, or write it as a Markdown page");
            }
            return Optional.empty();
        }
        if (!startsAs(type, head)) {
            return refuse("the file is named ." + extension + " but is not a" + (type == Type.OFFICE ? "n " : " ") + type.what,
                    "save it again as " + extension.toUpperCase(Locale.ROOT).replace("JPG", "JPEG") + ", or name it after what it is");
        }
        if (type == Type.OFFICE && hasMacros(file)) {
            return refuse("the document holds macros, which could run on a resident's computer",
                    "save it again without macros, or convert it to PDF");
        }
        return Optional.empty();
    }

    private static Optional<String[]> refuse(String message, String suggestion) {
        return Optional.of(new String[]{message, suggestion});
    }

    private static boolean startsAs(Type type, byte[] head) {
        return switch (type) {
            case PDF -> starts(head, 0, "%PDF-");
            case PNG -> starts(head, 0, "\u0089PNG\r\n\u001a\n");
            case JPEG -> head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
            case GIF -> starts(head, 0, "GIF87a") || starts(head, 0, "GIF89a");
            case WEBP -> starts(head, 0, "RIFF") && starts(head, 8, "WEBP");
            case AVIF -> starts(head, 4, "ftypavif") || starts(head, 4, "ftypavis");
            case OFFICE -> starts(head, 0, "PK\u0003\u0004");
            case SVG, TEXT -> true;
        };
    }

    private static boolean starts(byte[] head, int at, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.ISO_8859_1);
        return head.length >= at + expected.length && Arrays.equals(head, at, at + expected.length, expected, 0, expected.length);
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Text a browser that sniffs content could take for a page. */
    private static boolean looksLikeHtml(String text) {
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        start = start.startsWith("\ufeff") ? start.substring(1) : start;
        for (String tag : new String[]{"<!doctype", "<html", "<script", "<head", "<body", "<iframe", "<svg", "<?xml", "<!--"}) {
            if (start.startsWith(tag)) return true;
        }
        return false;
    }

    /** Entries that hold macros: VBA in Office Open XML, Basic or scripts in OpenDocument. */
    private static final Set<String> MACRO_FOLDERS = Set.of("Basic/", "Scripts/");

    private static boolean hasMacros(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) return true;
                if (MACRO_FOLDERS.stream().anyMatch(name::startsWith)) return true;
            }
        }
        return false;
    }
}
