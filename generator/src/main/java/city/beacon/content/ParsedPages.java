package city.beacon.content;

import city.beacon.findings.Problem;
import city.beacon.model.Page;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the loader asks of the page files a previous build parsed, and tells of those it parses:
 * a file still as it was then is not read or parsed again. The page cache
 * ({@code city.beacon.cache.PageCache}) keeps them between builds; {@link #NONE} keeps nothing.
 */
public interface ParsedPages {
    /** A page file as it was when it was read: what decides whether its previous parse still holds. */
    record FileState(long size, long modified, LocalDate committed) {
    }

    /** A page file's parse: the page without its text, and the findings parsing made. */
    record Parse(Page page, List<Problem> problems) {
    }

    /** Nothing known and nothing recorded (a check, the preview): every page is read. */
    ParsedPages NONE = new ParsedPages() {
        @Override
        public boolean records() {
            return false;
        }

        @Override
        public Optional<FileState> previousState(String relative) {
            return Optional.empty();
        }

        @Override
        public List<Problem> previousProblems(String relative) throws IOException {
            throw new IOException("no previous parse of " + relative);
        }

        @Override
        public void keep(String relative) {
        }

        @Override
        public Optional<Parse> reuse(String relative, FileState now) {
            return Optional.empty();
        }

        @Override
        public void remember(String relative, FileState state, Page page, List<Problem> problems) {
        }

        @Override
        public String previousCommit() {
            return "";
        }

        @Override
        public Map<String, LocalDate> previousCommitDates() {
            return Map.of();
        }

        @Override
        public void putCommit(String commit) {
        }
    };

    /** Whether what is parsed is recorded, for a build after this one. */
    boolean records();

    /** The state of the page file at {@code relative} (under the content folder) when the previous build read it. */
    Optional<FileState> previousState(String relative);

    /** The findings the previous build's parse of {@code relative} made. */
    List<Problem> previousProblems(String relative) throws IOException;

    /** Keeps the previous parse of {@code relative} for the next build as it was (the file did not change). */
    void keep(String relative);

    /** The previous parse of the page file at {@code relative} if the file is {@code now} as it was then; kept for the next build. */
    Optional<Parse> reuse(String relative, FileState now);

    /** Records this build's parse of the page file at {@code relative}, read when it was {@code state}. */
    void remember(String relative, FileState state, Page page, List<Problem> problems);

    /** The newest commit of the content folder the previous build's commit dates know of ("" when none). */
    String previousCommit();

    /** The commit dates of the page files the previous build read, as of {@link #previousCommit} (null: no commit then). */
    Map<String, LocalDate> previousCommitDates();

    /** Records the newest commit this build's commit dates know of. */
    void putCommit(String commit);
}
