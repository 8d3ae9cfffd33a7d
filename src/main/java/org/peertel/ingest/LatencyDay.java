package org.peertel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The latency files of one UTC day as the job reads them. The day folder's input files are every regular file
 * named {@code *.csv} or {@code *.csv.gz}, in file-name order ({@link String#compareTo}); a missing folder has
 * none. Each file is read on its own ({@link #read}) under the bad-file policy: a bad file (see
 * {@link BadFileReason}) either fails the read with a {@link BadInputFileException} or, when bad files are
 * skipped, counts 0 rows and comes back with why it was left out.
 */
public final class LatencyDay {

    /**
     * What became of one file.
     *
     * @param file    its rows, size and SHA-256 ({@link LatencyFileReader#sha256()}); 0 rows for a skipped file
     * @param skipped why it was left out, or null when it was read
     */
    public record FileResult(InputFile file, SkippedFile skipped) {}

    private final List<Path> files;
    private final LocalDate day;
    private final IngestLimits limits;
    private final boolean skipBadFiles;
    private final boolean fastLane;

    private LatencyDay(List<Path> files, LocalDate day, IngestLimits limits, boolean skipBadFiles, boolean fastLane) {
        this.files = files;
        this.day = day;
        this.limits = limits;
        this.skipBadFiles = skipBadFiles;
        this.fastLane = fastLane;
    }

    /**
     * Lists the input files of {@code dayDirectory}.
     *
     * @param dayDirectory the folder {@code <input>/<YYYY-MM-DD>}
     * @param day          the UTC day the rows must fall on
     * @param limits       the file and record size limits
     * @param skipBadFiles whether a bad file is skipped (its result says why) rather than thrown
     * @throws UncheckedIOException when the folder exists but cannot be listed
     */
    public static LatencyDay of(Path dayDirectory, LocalDate day, IngestLimits limits, boolean skipBadFiles) {
        return new LatencyDay(inputFiles(dayDirectory), day, limits, skipBadFiles, true);
    }

    /** The same day read with the reference chain alone (see {@link LatencyFileReader}), for tests. */
    public LatencyDay referenceOnly() {
        return new LatencyDay(files, day, limits, skipBadFiles, false);
    }

    /** The input files, in name order; file number {@code n} of {@link #read} is {@code files().get(n)}. */
    public List<Path> files() {
        return files;
    }

    /** The input files' names, in name order. */
    public List<String> fileNames() {
        return files.stream().map(path -> path.getFileName().toString()).toList();
    }

    /**
     * Reads input file number {@code fileNo}: takes its size, opens it and hands the reader to {@code rows}, which
     * reads it to its end ({@link LatencyFileReader#advance()} until {@code END}). Rows of a skipped file may
     * already have gone to {@code rows} before the problem showed (a gzip stream can break at its end): the caller
     * must discard the rows of every skipped file.
     *
     * @throws BadInputFileException for a bad file, unless bad files are skipped
     */
    public FileResult read(int fileNo, Consumer<LatencyFileReader> rows) {
        Path path = files.get(fileNo);
        String name = path.getFileName().toString();
        long bytes = sizeOrZero(path);
        try (LatencyFileReader reader = new LatencyFileReader(path, day, limits, fastLane)) {
            try {
                rows.accept(reader);
                return new FileResult(new InputFile(name, reader.rows(), bytes, reader.sha256()), null);
            } catch (BadInputFileException bad) {
                if (!skipBadFiles) {
                    throw bad;
                }
                return new FileResult(
                        new InputFile(name, 0, bytes, reader.sha256()),
                        new SkippedFile(bad.fileName(), bad.reason(), bad.detail()));
            }
        }
    }

    /** True when {@code fileName} is a latency input name: {@code *.csv} or {@code *.csv.gz} (case-sensitive). */
    private static boolean isInputFileName(String fileName) {
        return fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
    }

    /**
     * The input files of {@code dayDirectory}, in name order; none when the folder is missing.
     *
     * @throws UncheckedIOException when the folder exists but cannot be listed
     */
    public static List<Path> inputFiles(Path dayDirectory) {
        if (!Files.exists(dayDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dayDirectory)) {
            return entries.filter(path -> isInputFileName(path.getFileName().toString()) && Files.isRegularFile(path))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException vanished) {
            return List.of();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list the latency folder " + dayDirectory, failure);
        }
    }

    private static long sizeOrZero(Path path) {
        try {
            return Files.size(path);
        } catch (IOException failure) {
            return 0; // the read reports the file as unreadable
        }
    }
}
