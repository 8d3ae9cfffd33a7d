package org.peertel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.routing.BgpReject;

/**
 * {@code bgp-rejects/<date>.csv}: each record (or text line) of the day's BGP files that could not be read, with
 * its file, byte offset and reason, in the order the files were read. Header only when none.
 */
public final class BgpRejectsFile {

    static final String HEADER = CsvLine.of("file", "offset", "reason");

    private BgpRejectsFile() {}

    public static void write(Path file, List<BgpReject> rejects) {
        StringBuilder text = new StringBuilder(HEADER);
        for (BgpReject reject : rejects) {
            text.append(CsvLine.of(reject.file(), Long.toString(reject.offset()), reject.reason()));
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Removes the day's file (its BGP folder is missing now). */
    public static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
