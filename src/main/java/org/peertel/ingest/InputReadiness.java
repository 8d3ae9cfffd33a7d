package org.peertel.ingest;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * When a day's input may be processed: the one rule that {@code run} checks before it touches any output and that
 * {@code schedule} waits on, and that anything else asking "is this day ready?" should use. It starts no job and
 * writes nothing. A day is ready when, in this order:
 * <ol>
 * <li>its folder {@code <input>/<YYYY-MM-DD>} exists;</li>
 * <li>the ready marker is in it, when one is configured ({@code input.ready-file}, e.g. {@code _SUCCESS} as Hadoop
 * and Spark jobs write it last), so that a folder still being copied is never read;</li>
 * <li>one of its input files holds a data row, judged by the reader's own rules ({@link LatencyFileReader}: gzip,
 * byte order mark, blank lines, the header) and read only up to the first data record; a bad file (corrupt gzip, a
 * bad header...) counts as holding data, since the job fails or skips it as usual. A day without any such file is
 * empty: it is ready only when empty days are allowed ({@code --allow-empty-day}).</li>
 * </ol>
 */
public final class InputReadiness {

    private final Path input;
    private final String readyFile;
    private final boolean allowEmptyDay;
    private final IngestLimits limits;

    /**
     * @param input         the latency folder, one sub-folder per UTC day
     * @param readyFile     the ready marker's file name, "" for none; must pass {@link #readyFileProblem}
     * @param allowEmptyDay whether an empty day is processed (as a day without data) instead of waited for
     * @param limits        the reader's limits, so that a file is judged as the job would read it
     */
    public InputReadiness(Path input, String readyFile, boolean allowEmptyDay, IngestLimits limits) {
        String problem = readyFileProblem(readyFile);
        if (problem != null) {
            throw new IllegalArgumentException("ready file '" + readyFile + "': " + problem);
        }
        this.input = input;
        this.readyFile = readyFile;
        this.allowEmptyDay = allowEmptyDay;
        this.limits = limits;
    }

    /** The latency folder. */
    public Path input() {
        return input;
    }

    /** The ready marker's file name, "" for none. */
    public String readyFile() {
        return readyFile;
    }

    public boolean allowEmptyDay() {
        return allowEmptyDay;
    }

    /**
     * Whether {@code day} may be processed now. A folder that exists but cannot be listed is ready: the job then
     * fails the day saying why, as it would without this check.
     */
    public DayInput check(LocalDate day) {
        Path folder = input.resolve(day.toString());
        if (!Files.isDirectory(folder)) {
            return new DayInput(day, folder, DayInput.Status.NO_FOLDER, readyFile, 0);
        }
        if (!readyFile.isEmpty() && !Files.exists(folder.resolve(readyFile))) {
            return new DayInput(day, folder, DayInput.Status.NO_READY_MARKER, readyFile, 0);
        }
        List<Path> files;
        try {
            files = LatencyDay.inputFiles(folder);
        } catch (UncheckedIOException unlisted) {
            return new DayInput(day, folder, DayInput.Status.READY, readyFile, 0);
        }
        for (Path file : files) {
            if (mayHoldData(file, day)) {
                return new DayInput(day, folder, DayInput.Status.READY, readyFile, files.size());
            }
        }
        return new DayInput(
                day,
                folder,
                allowEmptyDay ? DayInput.Status.READY_EMPTY : DayInput.Status.EMPTY,
                readyFile,
                files.size());
    }

    /**
     * True when {@code file} holds a data row or is a bad file; false for a 0-byte, blank or header-only one. Reads
     * through the reference chain up to the first data record, not further.
     */
    private boolean mayHoldData(Path file, LocalDate day) {
        try (LatencyFileReader reader = new LatencyFileReader(file, day, limits, false)) {
            return reader.advance() != LatencyFileReader.Found.END;
        } catch (BadInputFileException bad) {
            return true;
        }
    }

    /**
     * Why {@code name} cannot be a ready marker, or null when it can: "" (no marker) or a plain file name that is
     * not itself an input file name, which the job would read as data.
     */
    public static String readyFileProblem(String name) {
        if (name.isEmpty()) {
            return null;
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            return "give a file name inside the day folder, such as _SUCCESS, not a path";
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return "a *.csv or *.csv.gz file would be read as latency data; choose another name, such as _SUCCESS";
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            return "not a file name on this system (" + e.getReason() + ")";
        }
        return null;
    }
}
