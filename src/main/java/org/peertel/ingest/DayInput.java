package org.peertel.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Whether one UTC day's input can be processed now, as {@link InputReadiness#check} found it: the day folder is
 * there, its ready marker too when one is configured, and at least one of its input files holds a data row (or
 * the day may be empty). A day that is not ready says what it waits for ({@link #waitingFor()}).
 *
 * @param day        the UTC day
 * @param folder     its folder, {@code <input>/<YYYY-MM-DD>}
 * @param status     what the check found
 * @param readyFile  the ready marker's file name, "" when none is configured
 * @param inputFiles how many input files ({@code *.csv}, {@code *.csv.gz}) the folder holds; 0 when it is missing
 */
public record DayInput(LocalDate day, Path folder, Status status, String readyFile, int inputFiles) {

    /** What the check found, in the order it checks. */
    public enum Status {
        /** No folder {@code <input>/<day>} yet. */
        NO_FOLDER,
        /** A ready marker is configured ({@code input.ready-file}) and the folder does not hold it yet. */
        NO_READY_MARKER,
        /**
         * No input file holds a data row (none at all, or only 0-byte, blank or header-only files), and empty days are
         * not allowed: a collector outage must not look like a day of zero traffic.
         */
        EMPTY,
        /** An empty day, allowed ({@code --allow-empty-day}): it is processed as a day without data. */
        READY_EMPTY,
        /** At least one input file holds a data row, or is a bad file, which the job fails or skips as usual. */
        READY
    }

    /** True when the day may be processed now ({@link Status#READY} or {@link Status#READY_EMPTY}). */
    public boolean ready() {
        return status == Status.READY || status == Status.READY_EMPTY;
    }

    /** True when no input file of the day holds a data row, whether that is allowed or not. */
    public boolean empty() {
        return status == Status.EMPTY || status == Status.READY_EMPTY;
    }

    /** The ready marker's path, or null when none is configured. */
    public Path readyMarker() {
        return readyFile.isEmpty() ? null : folder.resolve(readyFile);
    }

    /**
     * What a day that is not ready waits for, to follow "waiting for ": the folder, the ready marker, or data in
     * the folder; "" for a day that is ready.
     */
    public String waitingFor() {
        return switch (status) {
            case NO_FOLDER -> folder.toString();
            case NO_READY_MARKER -> readyMarker() + ", the ready marker (input.ready-file)";
            case EMPTY -> "data in " + folder + ": " + emptiness();
            case READY_EMPTY, READY -> "";
        };
    }

    /** What to know about a day that waits, beyond what it waits for; "" when there is nothing to add. */
    public String hint() {
        return status == Status.EMPTY
                ? "an empty day is not a day of zero traffic: --allow-empty-day processes it as a day without data"
                : "";
    }

    /**
     * Why the folder counts as empty: {@code no *.csv or *.csv.gz file} or
     * {@code its 3 input files are 0-byte, blank or header-only}.
     */
    public String emptiness() {
        if (inputFiles == 0) {
            return "no *.csv or *.csv.gz file";
        }
        return (inputFiles == 1 ? "its input file is" : "its " + inputFiles + " input files are")
                + " 0-byte, blank or header-only";
    }
}
