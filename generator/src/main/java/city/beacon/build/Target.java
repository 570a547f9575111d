package city.beacon.build;

import city.beacon.publish.FileStamps;
import city.beacon.publish.MemoryPublishing;
import city.beacon.publish.Publisher;
import city.beacon.publish.Publishing;
import city.beacon.publish.SideFile;
import city.beacon.cache.BuildCache;
import city.beacon.cache.PageCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build keeps what it makes, as Zola's build mode: an output folder on the disk
 * ({@code beacon build}), memory ({@code beacon serve}), or nowhere ({@code beacon check}: a
 * scratch folder, no caches, nothing published). The one switch between the three: every step of
 * {@link SiteBuilder} is the same.
 */
sealed interface Target {
    /** The target of {@code options}: memory when {@code memory} is given, else the output folder, else none. */
    static Target of(SiteBuilder.Options options, Memory memory) {
        if (memory != null) return new InMemory(memory);
        return options.out() == null ? new Check() : new Folder(options.out());
    }

    /** Whether builds here keep their caches and publish: all but a check. */
    default boolean keeps() {
        return true;
    }

    /** Whether a site was published here before, whose files a build may keep. */
    boolean hasPublished();

    SideFile.Slot pageCache();

    SideFile.Slot buildCache();

    /** The stamps of the files published here (read on a side thread before the lock is taken). */
    FileStamps stamps();

    /** Takes the place to publish, {@code out} for a folder. */
    Publishing open(Path out) throws IOException, Publisher.Busy;

    /** The output folder. */
    record Folder(Path out) implements Target {
        @Override
        public boolean hasPublished() {
            return Files.isDirectory(out);
        }

        @Override
        public SideFile.Slot pageCache() {
            return SideFile.at(PageCache.fileFor(out));
        }

        @Override
        public SideFile.Slot buildCache() {
            return SideFile.at(BuildCache.fileFor(out));
        }

        @Override
        public FileStamps stamps() {
            return FileStamps.load(FileStamps.fileFor(out));
        }

        @Override
        public Publishing open(Path folder) throws IOException, Publisher.Busy {
            return Publisher.acquire(folder);
        }
    }

    /** A check: the site is made in a scratch folder, and thrown away. */
    record Check() implements Target {
        @Override
        public boolean keeps() {
            return false;
        }

        @Override
        public boolean hasPublished() {
            return false;
        }

        @Override
        public SideFile.Slot pageCache() {
            return new SideFile.InMemory();
        }

        @Override
        public SideFile.Slot buildCache() {
            return new SideFile.InMemory();
        }

        @Override
        public FileStamps stamps() {
            return FileStamps.none();
        }

        @Override
        public Publishing open(Path scratch) throws IOException, Publisher.Busy {
            return Publisher.acquire(scratch);
        }
    }

    /** Memory, for the live preview: the site and the caches are kept in {@code memory} between builds. */
    record InMemory(Memory memory) implements Target {
        @Override
        public boolean hasPublished() {
            return !memory.site().files().isEmpty();
        }

        @Override
        public SideFile.Slot pageCache() {
            return memory.pageCache;
        }

        @Override
        public SideFile.Slot buildCache() {
            return memory.buildCache;
        }

        @Override
        public FileStamps stamps() {
            return FileStamps.none(); // the site in memory keeps its stamps with its files
        }

        @Override
        public Publishing open(Path out) {
            return new MemoryPublishing(memory::site, memory::publish);
        }
    }
}
