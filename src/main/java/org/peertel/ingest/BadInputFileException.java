package org.peertel.ingest;

import java.nio.file.Path;

/**
 * A latency file refused as a whole. Its message names the file, the reason and what is wrong, and says how to
 * go on: {@code bad input file <path> (<reason>): <detail>; ...}.
 */
public final class BadInputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final BadFileReason reason;
    private final String detail;

    public BadInputFileException(Path file, BadFileReason reason, String detail) {
        super("bad input file " + file + " (" + reason.code() + "): " + detail + "; the day is not published: "
                + "replace or remove the file, or run with --skip-bad-files to process the day without it");
        this.fileName = file.getFileName().toString();
        this.reason = reason;
        this.detail = detail;
    }

    /** The file's name inside the day folder. */
    public String fileName() {
        return fileName;
    }

    public BadFileReason reason() {
        return reason;
    }

    /** What is wrong, without the file name (what {@code runs/<date>.json} shows for a skipped file). */
    public String detail() {
        return detail;
    }
}
