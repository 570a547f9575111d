package city.beacon.mirror;

import city.beacon.findings.Problems;
import city.beacon.model.Site;
import city.beacon.publish.Publisher;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code beacon-offline-<lang>.zim}: one language's pages of the offline bundle, packed by
 * {@code zimwriterfs} (Debian package zim-tools) for offline readers such as Kiwix, with that
 * language's ISO 639-3 code, title and description. One file per language, because Kiwix's
 * full-text search reads a ZIM file as one language. {@code beacon-offline.zim}, the name of the
 * one file earlier builds made, holds the first language's (the same bytes), so that operators'
 * links and scripts keep working. A ZIM file carries a random id, so unlike every other output it
 * differs from build to build; a build whose bundle did not change keeps it.
 */
public final class ZimFile {
    /** The first language's file under the name of the one ZIM file earlier builds made. */
    public static final String FILE = "beacon-offline.zim";
    private static final String ILLUSTRATION = "beacon-zim-illustration.png";

    private ZimFile() {
    }

    /** The ZIM file of {@code lang}: {@code beacon-offline-uk.zim}. */
    public static String file(String lang) {
        return "beacon-offline-" + lang + ".zim";
    }

    /** Whether {@code path} is a ZIM file a build makes (so not part of the offline bundle). */
    public static boolean isZim(String path) {
        return path.equals(FILE) || path.startsWith("beacon-offline-") && path.endsWith(".zim") && !path.contains("/");
    }

    /**
     * The files of {@code bundle} in the ZIM file of {@code lang}: its pages, and what is not any
     * language's (the stylesheet, scripts, images); not the other languages' folders, nor the
     * pages at the top (the language choice, the 404 page), which link to every language.
     */
    static Map<String, byte[]> only(Map<String, byte[]> bundle, String lang, List<String> languages) {
        Map<String, byte[]> files = new TreeMap<>();
        bundle.forEach((path, bytes) -> {
            int slash = path.indexOf('/');
            String top = slash < 0 ? "" : path.substring(0, slash);
            boolean otherLanguage = !top.equals(lang) && languages.contains(top);
            boolean topPage = slash < 0 && path.endsWith(".html");
            if (!otherLanguage && !topPage) files.put(path, bytes);
        });
        return files;
    }

    /** The ZIM file of {@code lang}, or empty with a finding when zimwriterfs is missing or fails. */
    public static Optional<byte[]> pack(Map<String, byte[]> bundle, Site site, String lang, Problems problems) throws IOException {
        Path work = Files.createTempDirectory("beacon-zim");
        try {
            Path html = work.resolve("site");
            for (Map.Entry<String, byte[]> file : only(bundle, lang, site.config().languageCodes()).entrySet()) {
                Path target = html.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.write(html.resolve(ILLUSTRATION), illustration());
            Path zim = work.resolve(file(lang));
            String description = site.config().description().get(lang);
            ProcessBuilder command = new ProcessBuilder("zimwriterfs",
                    "--welcome=" + lang + "/index.html", "--illustration=" + ILLUSTRATION,
                    "--language=" + iso3(lang),
                    "--title=" + shorten(site.config().title().get(lang), 30),
                    "--description=" + shorten(description.isEmpty() ? site.config().title().get(lang) : description, 80),
                    "--creator=" + site.config().title().get(lang), "--publisher=Beacon",
                    "--name=beacon-offline_" + lang, html.toString(), zim.toString())
                    .redirectErrorStream(true);
            Process process;
            try {
                process = command.start();
            } catch (IOException e) {
                problems.error("--zim", 0, 0, null, "zimwriterfs is not installed, so no ZIM file can be made",
                        "install it (Debian/Ubuntu: apt-get install zim-tools), or build without --zim");
                return Optional.empty();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (waitFor(process) != 0 || !Files.isRegularFile(zim)) {
                problems.error("--zim", 0, 0, null, "zimwriterfs failed: " + output.strip(), null);
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(zim));
        } finally {
            Publisher.deleteTree(work);
        }
    }

    /** The ISO 639-3 code a ZIM file's Language names: uk -> ukr, en -> eng, es -> spa, pl -> pol, ar -> ara. */
    static String iso3(String lang) {
        try {
            return Locale.forLanguageTag(lang).getISO3Language();
        } catch (java.util.MissingResourceException e) {
            return lang; // a code the JDK has no three-letter form of: a three-letter code is its own
        }
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while zimwriterfs was running", e);
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The 48x48 PNG a ZIM file needs: a yellow beacon on blue, drawn the same way every time. */
    static byte[] illustration() throws IOException {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0057B7));
        g.fillRect(0, 0, 48, 48);
        g.setColor(new Color(0xFFD700));
        g.fillOval(14, 8, 20, 20);
        g.fillRect(20, 26, 8, 16);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
