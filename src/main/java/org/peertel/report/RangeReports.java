package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.output.Millis;
import org.peertel.store.RangeQueries.RangeConnection;
import org.peertel.store.RangeQueries.RangePrefix;

/**
 * A customer's report over a range of days: one row per connection it owned on some day of the range, and one per
 * (connection, matched prefix) with data. Written for {@code peertel report} ({@code range-<from>_<to>}). The
 * figures come from {@link org.peertel.store.RangeQueries}, which reads only that customer's days of each
 * connection, so no row of another customer can reach the files.
 */
public final class RangeReports {

    static final String CONNECTION_HEADER = CsvLine.of(
            "from",
            "to",
            "connection_id",
            "connection_name",
            "partner",
            "country",
            "state",
            "samples",
            "median_ms",
            "p95_ms",
            "p99_ms",
            "min_ms",
            "max_ms",
            "mean_ms",
            "days_with_data",
            "days_without_data",
            "alert_days",
            "coverage");
    static final String PREFIX_HEADER =
            CsvLine.of("from", "to", "connection_id", "prefix", "samples", "median_ms", "p95_ms");

    private RangeReports() {}

    /** Writes the two CSV files of one customer's range report; returns their paths. */
    public static List<Path> write(
            Path connectionsFile,
            Path prefixesFile,
            LocalDate from,
            LocalDate to,
            List<RangeConnection> connections,
            List<RangePrefix> prefixes,
            Coverage coverage) {
        AtomicFiles.write(connectionsFile, writer -> {
            writer.write(CONNECTION_HEADER);
            for (RangeConnection c : connections) {
                writer.write(connectionRow(from, to, c, coverage));
            }
        });
        AtomicFiles.write(prefixesFile, writer -> {
            writer.write(PREFIX_HEADER);
            for (RangePrefix p : prefixes) {
                writer.write(CsvLine.of(
                        from.toString(),
                        to.toString(),
                        text(p.connectionId()),
                        text(p.prefix()),
                        Long.toString(p.samples()),
                        Millis.format(p.medianMs()),
                        Millis.format(p.p95Ms())));
            }
        });
        return List.of(connectionsFile, prefixesFile);
    }

    private static String connectionRow(LocalDate from, LocalDate to, RangeConnection c, Coverage coverage) {
        // Text cells go through FormulaGuard (CSV injection); the numbers are written from numbers.
        List<String> cells = new ArrayList<>(List.of(
                from.toString(),
                to.toString(),
                text(c.connectionId()),
                text(c.name()),
                text(c.partner()),
                text(c.country()),
                text(c.state())));
        cells.addAll(
                StatisticCells.of(c.samples(), c.minMs(), c.maxMs(), c.sumMs(), c.medianMs(), c.p95Ms(), c.p99Ms()));
        cells.addAll(List.of(
                Long.toString(c.daysWithData()),
                Long.toString(c.daysWithoutData()),
                Long.toString(c.alertDays()),
                coverage.text()));
        return CsvLine.of(cells);
    }
}
