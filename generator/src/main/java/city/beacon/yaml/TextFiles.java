package city.beacon.yaml;

import city.beacon.findings.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads an editor's text file defensively: a size limit, no binary files, strict UTF-8 with the
 * line of the first bad byte, a byte-order mark dropped and Windows line ends made plain.
 */
public final class TextFiles {
    /** A page far beyond any page-weight budget; larger files are refused before they are read. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private TextFiles() {
    }

    /**
     * Whether {@code file} may be read as part of the content: anything but a symbolic link that
     * leads out of {@code contentDir} (or nowhere), which is reported and never followed, so that
     * no file from elsewhere on the machine is published or quoted in a finding.
     */
    public static boolean insideContent(Path file, Path contentDir, String display, Problems problems) {
        if (!Files.isSymbolicLink(file)) return true;
        try {
            Path target = file.toRealPath();
            if (target.startsWith(contentDir.toRealPath()) && Files.isRegularFile(target)) return true;
        } catch (IOException e) {
            // a dangling link: reported as pointing outside, below
        }
        problems.error(display, 0, 0, null, "a symbolic link that points outside the content folder; it is not followed",
                "copy the file into the content folder instead of linking to it");
        return false;
    }

    /** Whether the folder {@code dir} may be read: a symbolic link to a folder never is (it could lead anywhere). */
    public static boolean notLinkedFolder(Path dir, String display, Problems problems) {
        if (!Files.isSymbolicLink(dir)) return true;
        problems.error(display, 0, 0, null, "a symbolic link to a folder; it is not followed",
                "move or copy the folder into the content folder instead of linking to it");
        return false;
    }

    public static Optional<String> read(Path file, String display, Problems problems) {
        try {
            if (refusedAsSpecial(file, display, problems)) return Optional.empty();
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.error(display, 0, 0, null, String.format(java.util.Locale.ROOT,
                        "the file is %.1f MB; at most %d MB are accepted", size / 1048576.0, MAX_BYTES / 1048576),
                        "a resident on a slow phone network cannot load a page this large: split it into several pages");
                return Optional.empty();
            }
            return decode(Files.readAllBytes(file), display, problems);
        } catch (IOException e) {
            problems.error(display, 0, 0, null, "the file cannot be read: " + e.getMessage(), null);
            return Optional.empty();
        }
    }

    /**
     * Whether {@code file} (a link followed) exists but is not a regular file: a named pipe, a device or a
     * socket, which reading would wait on forever or read without end. Then it is a finding, and never opened.
     */
    public static boolean refusedAsSpecial(Path file, String display, Problems problems) {
        Optional<String> kind = special(file);
        kind.ifPresent(k -> problems.error(display, 0, 0, null, k + ", not a file; it is not read",
                "replace it with an ordinary file, or delete it"));
        return kind.isPresent();
    }

    /** What {@code file} is when it exists and is neither a regular file nor a folder: "a named pipe (FIFO)", "a device"... */
    public static Optional<String> special(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty(); // missing, or a dangling link: said by whoever reads it
        }
        if (!attributes.isOther()) return Optional.empty();
        int type;
        try {
            type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
        } catch (IOException | RuntimeException e) {
            return Optional.of("a special file");
        }
        return Optional.of(switch (type) {
            case 0010000 -> "a named pipe (FIFO)";
            case 0020000, 0060000 -> "a device";
            case 0140000 -> "a socket";
            default -> "a special file";
        });
    }

    /** Pure: the text of {@code bytes}, or a finding naming what is wrong with them. */
    public static Optional<String> decode(byte[] bytes, String display, Problems problems) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                problems.error(display, 0, 0, null, "this is a binary file, not text",
                        "only Markdown text files belong here; put images and documents under content/static/");
                return Optional.empty();
            }
        }
        // The String constructor decodes far faster than a reporting decoder but replaces bad bytes
        // with U+FFFD: only a text that has one (bad bytes, or a real U+FFFD) is decoded strictly.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !strictUtf8(bytes)) {
            problems.error(display, lineOfFirstBadByte(bytes), 0, null, "the file is not valid UTF-8 text",
                    "save it as UTF-8 (in most editors: File > Save with encoding > UTF-8)");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\r') >= 0) text = text.replace("\r\n", "\n").replace('\r', '\n');
        return Optional.of(text);
    }

    private static boolean strictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        int line = 1;
        for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
