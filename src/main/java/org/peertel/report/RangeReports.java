package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.output.Millis;
import org.peertel.store.RangeQueries;
import org.peertel.store.RangeQueries.RangeConnection;
import org.peertel.store.RangeQueries.RangePrefix;
import org.peertel.store.RangeRouting;

/**
 * A customer's report over a range of days: one row per connection it owned on some day of the range, one per
 * (connection, matched prefix) with data, and the page ({@link RangePage}). Written by {@code peertel report}
 * ({@code range-<from>_<to>}) and for the month to date ({@link MonthReports}). The figures come from
 * {@link RangeQueries}, which reads only that customer's days of each connection, and only the prefix events stored
 * for that customer, so no row of another customer can reach the files.
 */
public final class RangeReports {

    private static final List<String> CONNECTION_COLUMNS = List.of(
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
    /** Last, after every other column (contracts only grow): the connection's prefix events of the range. */
    private static final List<String> EVENT_COLUMNS = List.of("events_critical", "events_warning");

    static final String CONNECTION_HEADER = CsvLine.of(concat(CONNECTION_COLUMNS, EVENT_COLUMNS));

    /** The month file's: the range's columns, the days of its span never processed, then the events' columns. */
    static final String MONTH_CONNECTION_HEADER =
            CsvLine.of(concat(CONNECTION_COLUMNS, List.of("days_not_processed"), EVENT_COLUMNS));

    static final String PREFIX_HEADER =
            CsvLine.of("from", "to", "connection_id", "prefix", "samples", "median_ms", "p95_ms");

    private RangeReports() {}

    /**
     * Writes a customer's three files over the range that {@code range} reads: the CSV, the prefixes' CSV and the
     * page. A month's CSV ({@code notProcessed} not null) ends each row with the days of its span never processed.
     *
     * @param notProcessed for a month: the days of the span never processed (maybe none); null for a range report
     */
    public static void write(
            RangeQueries range,
            String customerId,
            OutputLayout.ReportFiles files,
            String title,
            LocalDate from,
            LocalDate to,
            Coverage coverage,
            Set<LocalDate> notProcessed) {
        List<RangeConnection> connections = range.connections(customerId);
        List<RangePrefix> prefixes = range.prefixes(customerId);
        Map<String, RangeRouting> routing = range.routing(customerId);
        AtomicFiles.write(files.connections(), writer -> {
            writer.write(notProcessed == null ? CONNECTION_HEADER : MONTH_CONNECTION_HEADER);
            for (RangeConnection c : connections) {
                List<String> cells = connectionCells(from, to, c, coverage);
                if (notProcessed != null) {
                    cells.add(Integer.toString(notProcessed.size()));
                }
                RangeRouting events = routing.getOrDefault(c.connectionId(), RangeRouting.none(c.connectionId()));
                cells.add(Long.toString(events.critical()));
                cells.add(Long.toString(events.warning()));
                writer.write(CsvLine.of(cells));
            }
        });
        writePrefixes(files.prefixes(), from, to, prefixes);
        String page = RangePage.render(
                new RangePage.Heading(customerId, title, from, to, notProcessed == null ? Set.of() : notProcessed),
                coverage,
                connections,
                prefixes,
                range.dailyPoints(customerId),
                range.alerts(customerId),
                range.lastDayHours(customerId),
                routing);
        AtomicFiles.writeString(files.page(), page);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    private static void writePrefixes(Path prefixesFile, LocalDate from, LocalDate to, List<RangePrefix> prefixes) {
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
    }

    private static List<String> connectionCells(LocalDate from, LocalDate to, RangeConnection c, Coverage coverage) {
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
        return cells;
    }
}
