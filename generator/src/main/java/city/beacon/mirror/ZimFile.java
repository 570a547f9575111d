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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code beacon-offline.zim}: the offline bundle packed by {@code zimwriterfs} (Debian package
 * zim-tools) for offline readers such as Kiwix. A ZIM file carries a random id, so unlike every
 * other output it differs from build to build; a build whose bundle did not change keeps it.
 */
public final class ZimFile {
    public static final String FILE = "beacon-offline.zim";
    private static final String ILLUSTRATION = "beacon-zim-illustration.png";

    private ZimFile() {
    }

    /** The ZIM file, or empty with a finding when zimwriterfs is missing or fails. */
    public static Optional<byte[]> pack(Map<String, byte[]> bundle, Site site, Problems problems) throws IOException {
        Path work = Files.createTempDirectory("beacon-zim");
        try {
            Path html = work.resolve("site");
            for (Map.Entry<String, byte[]> file : bundle.entrySet()) {
                Path target = html.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.write(html.resolve(ILLUSTRATION), illustration());
            Path zim = work.resolve(FILE);
            String lang = site.config().defaultLanguage();
            ProcessBuilder command = new ProcessBuilder("zimwriterfs",
                    "--welcome=index.html", "--illustration=" + ILLUSTRATION,
                    "--language=" + site.config().languageCodes().stream()
                            .map(code -> Locale.forLanguageTag(code).getISO3Language()).collect(Collectors.joining(",")),
                    "--title=" + shorten(site.config().title().get(lang), 30),
                    "--description=" + shorten(site.config().description().get(lang), 80),
                    "--creator=" + site.config().title().get(lang), "--publisher=Beacon",
                    "--name=beacon-offline", html.toString(), zim.toString())
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
