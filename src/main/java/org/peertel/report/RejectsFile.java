package org.peertel.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.store.StoreQueries;

/** {@code rejects/<date>.csv}: every rejected row with its file, line, reason and original text. */
public final class RejectsFile {

    static final String HEADER = CsvLine.of("file", "line", "reason", "raw");

    private RejectsFile() {}

    public static void write(Path file, LocalDate day, StoreQueries queries) {
        AtomicFiles.write(file, writer -> {
            writer.write(HEADER);
            try {
                queries.forEachReject(day, reject -> {
                    try {
                        writer.write(
                                CsvLine.of(reject.file(), Long.toString(reject.line()), reject.reason(), reject.raw()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
