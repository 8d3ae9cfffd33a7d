package org.peertel.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of a day folder in one list, read the job's way: {@link LatencyDay#read} file by file in name order,
 * the fast lane's rows turned into objects ({@link ReaderRows}). Rows come out in file order, then line order.
 * Reading stops at the first bad file unless bad files are skipped; the rows a bad file gave before its problem
 * showed stay in {@link #rows()} (the job discards them: a test that counts what the job counts must leave them out
 * too).
 *
 * @param rows    every row read, in order
 * @param files   the statistics of every file read to its end or skipped, in name order
 * @param skipped the files skipped as bad, in name order
 * @param failure the bad file reading stopped at, or null
 */
public record LatencyDayRows(
        List<LatencyRow> rows, List<InputFile> files, List<SkippedFile> skipped, BadInputFileException failure) {

    /** Reads {@code dayDirectory} for {@code day}; see {@link LatencyDay#of}. */
    public static LatencyDayRows read(Path dayDirectory, LocalDate day, IngestLimits limits, boolean skipBadFiles) {
        LatencyDay latency = LatencyDay.of(dayDirectory, day, limits, skipBadFiles);
        List<LatencyRow> rows = new ArrayList<>();
        List<InputFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int fileNo = 0; fileNo < latency.files().size(); fileNo++) {
            String name = latency.fileNames().get(fileNo);
            LatencyDay.FileResult result;
            try {
                result = latency.read(fileNo, reader -> ReaderRows.readAll(reader, name, rows));
            } catch (BadInputFileException bad) {
                return new LatencyDayRows(rows, files, skipped, bad);
            }
            files.add(result.file());
            if (result.skipped() != null) {
                skipped.add(result.skipped());
            }
        }
        return new LatencyDayRows(rows, files, skipped, null);
    }
}
