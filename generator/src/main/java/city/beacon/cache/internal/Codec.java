package city.beacon.cache.internal;

import city.beacon.findings.Problem;
import city.beacon.findings.Severity;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The few shapes the cache files are made of. Text is written with its length as an int, not
 * with {@code writeUTF}, which refuses strings over 64 KiB (a long summary or message). An
 * internal of the caches ({@code city.beacon.cache}): nothing else reads or writes their files.
 */
public final class Codec {
    /** Marks a finding's file as relative to the content folder (no file name starts with it). */
    private static final String IN_FOLDER = "\u0000";

    private Codec() {
    }

    public static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void nullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) text(out, text);
    }

    public static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? text(in) : null;
    }

    /** A date as its day number (no parsing: LocalDate.parse was a tenth of reading the page cache). */
    public static void date(DataOutputStream out, LocalDate date) throws IOException {
        out.writeBoolean(date != null);
        if (date != null) out.writeLong(date.toEpochDay());
    }

    public static LocalDate date(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    public static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    public static Instant instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static void texts(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) text(out, text);
    }

    public static List<String> texts(DataInputStream in) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) texts.add(text(in));
        return List.copyOf(texts);
    }

    /**
     * Findings, with a file under the content folder ({@code folder}, as this build names it, e.g.
     * "content/") kept relative to it: read back by a build that names the folder another way
     * ("/srv/portal/content/"), they name the file its way.
     */
    public static void problems(DataOutputStream out, List<Problem> problems, String folder) throws IOException {
        out.writeInt(problems.size());
        for (Problem p : problems) {
            out.writeUTF(p.severity().name());
            text(out, !folder.isEmpty() && p.file().startsWith(folder) ? IN_FOLDER + p.file().substring(folder.length()) : p.file());
            out.writeInt(p.line());
            out.writeInt(p.column());
            nullable(out, p.field());
            text(out, p.message());
            nullable(out, p.suggestion());
        }
    }

    /** Findings read from {@code at}, which is left after them: most entries have none, and need no stream. */
    public static List<Problem> problems(ByteBuffer at, String folder) throws IOException {
        if (at.getInt(at.position()) == 0) {
            at.getInt();
            return List.of();
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(at.array(), at.position(), at.remaining());
        List<Problem> problems = problems(new DataInputStream(bytes), folder);
        at.position(at.limit() - bytes.available());
        return problems;
    }

    public static List<Problem> problems(DataInputStream in, String folder) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            Severity severity = Severity.valueOf(in.readUTF());
            String file = text(in);
            problems.add(new Problem(severity, file.startsWith(IN_FOLDER) ? folder + file.substring(IN_FOLDER.length()) : file,
                    in.readInt(), in.readInt(), nullable(in), text(in), nullable(in)));
        }
        return List.copyOf(problems);
    }
}
