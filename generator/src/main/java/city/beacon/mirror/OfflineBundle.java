package city.beacon.mirror;

import city.beacon.publish.OutputTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code beacon-offline.zip}: the site to browse from {@code file://} with no server. A browser
 * opening a folder from disk shows a file list, not its index.html, so every internal link in
 * the copies inside the zip names {@code index.html} explicitly. The published pages keep their
 * short links. Deterministic: sorted entries, every entry dated at the build time.
 */
public final class OfflineBundle {
    public static final String FILE = "beacon-offline.zip";
    /** The folder the zip unpacks into. */
    public static final String FOLDER = "beacon-offline/";
    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//|#).*");

    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private OfflineBundle() {
    }

    /** The files of the bundle by path, pages rewritten: everything of the site but mirror-only files. */
    public static Map<String, byte[]> files(OutputTree out) {
        Map<String, byte[]> files = new TreeMap<>();
        out.files().stream().filter(OfflineBundle::belongs).forEach(path -> {
            byte[] content = out.read(path);
            files.put(path, path.endsWith(".html") ? explicitIndex(content) : content);
        });
        return files;
    }

    private static final Set<String> MIRROR_ONLY = Set.of(Manifest.FILE, Manifest.SIGNATURE, FILE, ZimFile.FILE);

    private static boolean belongs(String path) {
        return !path.endsWith(".gz") && !MIRROR_ONLY.contains(path) && !ZimFile.isZim(path);
    }

    static byte[] explicitIndex(byte[] html) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        doc.outputSettings().prettyPrint(false);
        for (Element link : doc.select("[href]")) {
            // The mirrors page links to the manifest and the bundle itself, which are not inside it.
            if (MIRROR_ONLY.contains(link.attr("href").replaceAll("[?#].*$", "").replaceAll("^.*/", ""))) link.unwrap();
            else link.attr("href", explicitIndex(link.attr("href")));
        }
        for (Element source : doc.select("[src]")) source.attr("src", explicitIndex(source.attr("src")));
        // The search form goes to the A–Z page when the index cannot be used: its index.html, not a folder list.
        for (Element form : doc.select("form[action]")) form.attr("action", explicitIndex(form.attr("action")));
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code ../uk/} becomes {@code ../uk/index.html}, {@code ./#top} becomes {@code ./index.html#top}.
     * A link from the server's root ({@code /uk/}: only the 404 page, at the root, has them) becomes
     * relative: opened from disk, the root is the bundle's folder.
     */
    static String explicitIndex(String href) {
        if (href.isEmpty() || EXTERNAL.matcher(href).matches()) return href;
        if (href.startsWith("/") && !href.startsWith("//")) href = href.length() == 1 ? "./" : href.substring(1);
        int cut = indexOfAny(href, '?', '#');
        String path = href.substring(0, cut);
        String rest = href.substring(cut);
        if (path.isEmpty()) return href;
        if (path.endsWith("/")) return path + "index.html" + rest;
        if (path.equals(".") || path.equals("..") || path.endsWith("/.") || path.endsWith("/..")) {
            return path + "/index.html" + rest;
        }
        return href;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        if (i < 0) return j < 0 ? text.length() : j;
        return j < 0 ? i : Math.min(i, j);
    }

    public static byte[] zip(Map<String, byte[]> files, Instant time) {
        // setTimeLocal stores the date as written, so the bytes do not depend on the machine's time zone.
        LocalDateTime stamp = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        if (stamp.getYear() < 1980) stamp = ZIP_EPOCH; // the first date a zip entry can hold
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(FOLDER + file.getKey());
                entry.setTimeLocal(stamp);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return bytes.toByteArray();
    }
}
