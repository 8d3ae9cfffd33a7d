package org.peertel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Streams the latency rows of one UTC day folder: every regular file named {@code *.csv} or {@code *.csv.gz}, in
 * file-name order ({@link String#compareTo}), one file open at a time. Rows come out in file order, then line
 * order. A bad row becomes a {@link RejectedRow}. A bad file (see {@link BadFileReason}) either stops the reader
 * with a {@link BadInputFileException} or, when bad files are skipped, is listed in {@link #skippedFiles()} with 0
 * rows and the reader goes on with the next file. Rows of a skipped file may already have come out before the
 * problem showed (a gzip stream can break at its end): the caller must discard the rows of every skipped file.
 */
public final class LatencyDayReader implements Iterator<LatencyRow>, AutoCloseable {

    private final LocalDate day;
    private final IngestLimits limits;
    private final boolean skipBadFiles;
    private final boolean fastLane;
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<Path> paths;
    private final long[] bytes;
    private final long[] rows;
    private int fileIndex;
    private LatencyFileReader current;
    private LatencyRow pending;
    private boolean closed;

    /** A reader with the default limits that stops at the first bad file. */
    public LatencyDayReader(Path dayDirectory, LocalDate day) {
        this(dayDirectory, day, IngestLimits.DEFAULTS, false);
    }

    /**
     * Lists the folder's input files; a missing folder behaves as an empty one.
     *
     * @param dayDirectory the folder {@code <input>/<YYYY-MM-DD>}
     * @param day          the UTC day the rows must fall on
     * @param limits       the file and record size limits
     * @param skipBadFiles whether a bad file is skipped (listed in {@link #skippedFiles()}) rather than thrown
     * @throws UncheckedIOException when the folder exists but cannot be listed
     */
    public LatencyDayReader(Path dayDirectory, LocalDate day, IngestLimits limits, boolean skipBadFiles) {
        this(dayDirectory, day, limits, skipBadFiles, true);
    }

    /** @param fastLane false to read with the reference chain alone (see {@link LatencyFileReader}), for tests */
    LatencyDayReader(Path dayDirectory, LocalDate day, IngestLimits limits, boolean skipBadFiles, boolean fastLane) {
        this.fastLane = fastLane;
        this.day = day;
        this.limits = limits;
        this.skipBadFiles = skipBadFiles;
        this.paths = listInputFiles(dayDirectory);
        this.bytes = new long[paths.size()];
        this.rows = new long[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            bytes[i] = sizeOrZero(paths.get(i));
        }
    }

    /** True when {@code fileName} is a latency input name: {@code *.csv} or {@code *.csv.gz} (case-sensitive). */
    public static boolean isInputFileName(String fileName) {
        return fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
    }

    /**
     * True while another row is available; opens the following files as needed.
     *
     * @throws BadInputFileException for a bad file, unless bad files are skipped
     */
    @Override
    public boolean hasNext() {
        while (pending == null && !closed) {
            if (current == null) {
                if (fileIndex == paths.size()) {
                    return false;
                }
                current = new LatencyFileReader(paths.get(fileIndex), day, limits, fastLane);
            }
            try {
                pending = current.next();
                rows[fileIndex] = current.rows();
            } catch (BadInputFileException bad) {
                if (!skipBadFiles) {
                    close();
                    throw bad;
                }
                skipped.add(new SkippedFile(bad.fileName(), bad.reason(), bad.detail()));
                rows[fileIndex] = 0; // none of its rows count
            }
            if (pending == null) {
                current.close();
                current = null;
                fileIndex++;
            }
        }
        return pending != null;
    }

    /** The files skipped so far (bad files, when they are skipped), in name order. */
    public List<SkippedFile> skippedFiles() {
        return List.copyOf(skipped);
    }

    /**
     * The next row.
     *
     * @throws NoSuchElementException when there is none
     */
    @Override
    public LatencyRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more latency rows");
        }
        LatencyRow row = pending;
        pending = null;
        return row;
    }

    /**
     * Per-file statistics in name order for every input file of the folder, including files not reached yet.
     * Final once {@link #hasNext()} has returned false.
     */
    public List<InputFile> files() {
        List<InputFile> files = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            files.add(new InputFile(paths.get(i).getFileName().toString(), rows[i], bytes[i]));
        }
        return List.copyOf(files);
    }

    /** How many input files the folder holds. */
    public int fileCount() {
        return paths.size();
    }

    /** How many files were read to their end so far (for progress reports; cheap). */
    public int filesDone() {
        return fileIndex;
    }

    /** How many rows were read so far, over every file (for progress reports; cheap). */
    public long rowsSoFar() {
        long total = 0;
        for (int i = 0; i <= fileIndex && i < rows.length; i++) {
            total += rows[i];
        }
        return total;
    }

    /** Closes the open file, if any; afterwards the reader has no more rows. */
    @Override
    public void close() {
        closed = true;
        pending = null;
        if (current != null) {
            current.close();
            current = null;
        }
    }

    public static List<Path> listInputFiles(Path dayDirectory) {
        if (!Files.exists(dayDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dayDirectory)) {
            return entries
                    .filter(path -> isInputFileName(path.getFileName().toString()) && Files.isRegularFile(path))
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
