package city.beacon.outputs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether a part of the search index fits its budget is decided without compressing all of a
 * part far over it, and always as compressing it whole would decide: at the budget equal to its
 * gzip size, one byte under and one over, for text that compresses well and text that does not.
 */
class SearchIndexFitsTest {
    @Test
    void fitsDecidesAsTheWholeGzipSizeDoesAroundEveryBudget() throws IOException {
        Random random = new Random(7);
        StringBuilder words = new StringBuilder("beaconSearch({\"keys\":{");
        for (int i = 0; i < 40_000; i++) words.append('"').append(Integer.toString(random.nextInt(1 << 20), 36)).append("\":[\"1,1,2\",\"\"],");
        byte[] noisy = words.toString().getBytes(StandardCharsets.UTF_8);
        byte[] repetitive = "0,1,1,1,1,1,1,1,".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : new byte[][]{noisy, repetitive, new byte[0], "x".getBytes(StandardCharsets.UTF_8)}) {
            int size = gzipSize(bytes);
            for (int budget : new int[]{size - 1, size, size + 1, size / 3, 64 * 1024}) {
                assertEquals(size <= budget, SearchIndex.fits(bytes, budget), "gzip size " + size + ", budget " + budget);
            }
        }
    }

    /**
     * A build of text edits decides from the parts as published, read one after the other
     * ({@link SearchIndexEdit}): however the bytes come in pieces, the answer is the whole's.
     */
    @Test
    void bytesGivenInPiecesFitAsTheWholeDoes() throws IOException {
        Random random = new Random(11);
        StringBuilder words = new StringBuilder("beaconSearch({\"keys\":{");
        for (int i = 0; i < 20_000; i++) words.append('"').append(Integer.toString(random.nextInt(1 << 16), 36)).append("\":[\"1,3\",\"\"],");
        byte[] bytes = words.toString().getBytes(StandardCharsets.UTF_8);
        int size = gzipSize(bytes);
        for (int round = 0; round < 20; round++) {
            java.util.List<byte[]> pieces = new java.util.ArrayList<>();
            for (int from = 0; from < bytes.length; ) {
                int to = Math.min(bytes.length, from + (round % 2 == 0 ? random.nextInt(50) : random.nextInt(40_000)));
                pieces.add(java.util.Arrays.copyOfRange(bytes, from, to));
                from = to;
            }
            for (int budget : new int[]{size - 1, size, size + 1, size / 2}) {
                assertEquals(size <= budget, SearchIndex.fits(pieces.iterator(), budget), "gzip size " + size + ", budget " + budget
                        + ", " + pieces.size() + " pieces");
            }
        }
    }

    private static int gzipSize(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
