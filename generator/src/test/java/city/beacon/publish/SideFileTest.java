package city.beacon.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file kept beside the output: written and read whole, in pieces of a megabyte, and put in place at once. */
class SideFileTest {
    @Test
    void aFileOfSeveralMegabytesIsReadBackByteForByte(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(".public.cache");
        byte[] written = new byte[(5 << 20) / 2 + 7]; // two and a half pieces, and a few bytes
        for (int i = 0; i < written.length; i++) written[i] = (byte) (i * 31 + i / 1_000_003);
        int half = written.length / 2;

        SideFile.save(file, out -> {
            out.write(written, 0, half); // one write larger than a piece, as a run of kept entries is
            out.write(written, half, written.length - half);
        });

        assertArrayEquals(written, Files.readAllBytes(file));
        byte[] read = SideFile.loadWhole(file, ByteBuffer::array).orElseThrow();
        assertArrayEquals(written, read);
    }

    @Test
    void aFileWrittenButNotPutInPlaceLeavesThePreviousOne(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(".public.pages");
        SideFile.save(file, out -> out.writeUTF("first"));

        SideFile.Written next = SideFile.write(file, out -> out.writeUTF("second"));
        assertEquals(Optional.of("first"), SideFile.load(file, in -> in.readUTF()), "not in place until replaced");
        next.discard();
        assertEquals(List.of(".public.pages"), names(tmp), "nothing left beside it");

        SideFile.write(file, out -> out.writeUTF("third")).replace();
        assertEquals(Optional.of("third"), SideFile.load(file, in -> in.readUTF()));
        assertEquals(List.of(".public.pages"), names(tmp));
    }

    @Test
    void aMissingOrDamagedFileIsNothing(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(".public.files");
        assertFalse(SideFile.load(file, in -> in.readUTF()).isPresent(), "missing");
        Files.write(file, new byte[]{0, 9, 'x'}); // says 9 bytes follow, has one
        assertFalse(SideFile.load(file, in -> in.readUTF()).isPresent(), "damaged");
        assertTrue(SideFile.isTemporary(".public.files.tmp"));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
