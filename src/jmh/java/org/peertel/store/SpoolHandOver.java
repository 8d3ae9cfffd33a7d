package org.peertel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * What main did before the binary spool (and still does for a CSV spool an older peertel left): the rows written to
 * spool files as CSV by two threads (one file per input file, as attributeStep's workers wrote them), then loaded by
 * publish-csv-measurements.sql's {@code INSERT INTO measurement_rows ... FROM spool_csv(getvariable(
 * 'spool_measurements'), ...)} (read_csv through the macro the store made when it opened) in one transaction.
 *
 * <p>The files are written through the spool's own writing parts ({@link DaySpool#open}, which syncs each file as it
 * closes, and {@link SpoolCsvOut}) with the fields that {@link SpoolFileWriter#measurements} wrote as CSV, in that
 * order. That class itself is not used: it takes the parser's rows (texts of countries and edge PoPs to number),
 * while every case here starts from the same numbers.
 */
final class SpoolHandOver {

    static final int WRITERS = 2;
    private static final SqlScript INSERT = SqlScript.load("publish-csv-measurements.sql");

    private SpoolHandOver() {}

    static void load(Connection store, Path db, HandOverRows rows) throws Exception {
        long start = System.nanoTime();
        DaySpool spool = DaySpool.of(db, HandOverRows.DAY);
        spool.clear();
        // writer w takes the input files w, w + WRITERS, ...: rows [from, to) of each
        HandOverThreads.run(WRITERS, writer -> {
            for (int file = writer; file < HandOverRows.FILES; file += WRITERS) {
                write(
                        spool,
                        rows,
                        file,
                        HandOverThreads.from(rows.size, HandOverRows.FILES, file),
                        HandOverThreads.from(rows.size, HandOverRows.FILES, file + 1));
            }
        });
        long written = System.nanoTime();
        HandOverTransaction.run(store, () -> {
            try (PreparedStatement set = store.prepareStatement("SET VARIABLE spool_measurements = ?")) {
                set.setArray(
                        1,
                        store.createArrayOf(
                                "VARCHAR", spool.csvMeasurementPaths().toArray()));
                set.execute();
            }
            try (PreparedStatement set = store.prepareStatement("SET VARIABLE day = ?")) {
                set.setObject(1, HandOverRows.DAY);
                set.execute();
            }
            INSERT.run(store);
        });
        System.out.printf(
                "%ncsvSpool: files written in %.2f s, read_csv insert and commit %.2f s%n",
                (written - start) / 1e9, (System.nanoTime() - written) / 1e9);
    }

    private static void write(DaySpool spool, HandOverRows rows, int fileNo, int from, int to) throws Exception {
        // named as the releases before the binary spool named them, so that the spool finds them as it would find
        // theirs (DaySpool.csvMeasurementPaths)
        try (SpoolCsvOut out = spool.open(String.format("%06d-measurements.csv", fileNo))) {
            for (int i = from; i < to; i++) {
                out.number(rows.fileNo[i]).number(rows.line[i]).number(rows.epochMicros[i]);
                byte[] ipv6 = rows.ipv6[i];
                if (ipv6 == null) {
                    out.number(Integer.toUnsignedLong(rows.ipv4[i])).nullValue();
                } else {
                    out.nullValue().plainAscii(ipv6, 0, ipv6.length);
                }
                out.number(rows.country[i])
                        .number(rows.state[i])
                        .number(rows.edgePopNo[i])
                        .micros(rows.rttMicros[i])
                        .number(rows.connectionNo[i])
                        .number(rows.prefixNo[i])
                        .endRow();
            }
        }
    }
}
