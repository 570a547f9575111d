package city.beacon.serve;

import city.beacon.publish.FileStamps;
import city.beacon.publish.OutputFiles;
import city.beacon.publish.OutputTree;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The files the whole-site outputs (search index, feeds, open data, sw.js) write for the preview,
 * held in memory. A file with the same bytes as at the last rebuild keeps that one's array and
 * hash: it is not hashed again (sw.js's version hashes every other file), and the snapshot keeps
 * serving the same array.
 */
final class MemoryFiles implements OutputFiles {
    private record File(byte[] bytes, String sha256) {
    }

    private final Map<String, File> previous;
    private final TreeMap<String, File> files = new TreeMap<>();

    /** {@code previous}: the files of the last rebuild; null at the first. */
    MemoryFiles(MemoryFiles previous) {
        this.previous = previous == null ? Map.of() : previous.files;
    }

    @Override
    public void write(String address, byte[] content) {
        String relative = OutputTree.fileOf(address);
        File before = previous.get(relative);
        boolean same = before != null && Arrays.equals(before.bytes(), content);
        files.put(relative, same ? before : new File(content, FileStamps.sha256(content)));
    }

    @Override
    public SortedSet<String> files() {
        return java.util.Collections.unmodifiableSortedSet(files.navigableKeySet());
    }

    @Override
    public String sha256(String relative) {
        return files.get(relative).sha256();
    }

    @Override
    public boolean has(String relative) {
        return files.containsKey(relative);
    }

    @Override
    public byte[] read(String relative) {
        return files.get(relative).bytes();
    }

    @Override
    public long size(String relative) {
        return files.get(relative).bytes().length;
    }

    /** Every file, by its path from the site root. */
    Map<String, byte[]> bytes() {
        Map<String, byte[]> bytes = new HashMap<>();
        files.forEach((relative, file) -> bytes.put(relative, file.bytes()));
        return bytes;
    }
}
