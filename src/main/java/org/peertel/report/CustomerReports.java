package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.output.Millis;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.store.StoreQueries.ConnectionDay;
import org.peertel.store.StoreQueries.ConnectionHour;
import org.peertel.store.StoreQueries.PrefixDay;
import org.peertel.testhook.CrashPoint;

/**
 * The per-customer reports of one day: the connections, their prefixes, and their UTC hours with samples. Each customer's files are built only from that customer's connections,
 * so a row of another customer cannot leak into them. A customer gets both files every day, also without data
 * (its connections with 0 samples, and a prefix file of the header only). Every row ends with {@code coverage}
 * ({@link Coverage}): {@code complete}; {@code partial} when input files of the day were left out
 * ({@code --skip-bad-files}); {@code none} when no file of the day held a data row ({@code --allow-empty-day}), so
 * that neither a partial day nor an outage can be mistaken for a complete day, even when the file is read alone.
 */
public final class CustomerReports {

    static final String CONNECTION_HEADER = CsvLine.of(
            "date",
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
            "coverage");
    static final String PREFIX_HEADER =
            CsvLine.of("date", "connection_id", "prefix", "samples", "median_ms", "p95_ms", "coverage");
    static final String HOURLY_HEADER =
            CsvLine.of("date", "hour", "connection_id", "samples", "median_ms", "p95_ms", "coverage");

    private CustomerReports() {}

    /**
     * Writes the three report files of every customer in the registry: the day, its prefixes, its hours.
     *
     * @param dayCoverage how much of the day's input the rows stand for
     */
    public static void write(
            OutputLayout layout,
            LocalDate day,
            ConnectionRegistry registry,
            List<ConnectionDay> connectionDays,
            List<PrefixDay> prefixDays,
            List<ConnectionHour> connectionHours,
            Coverage dayCoverage) {
        String coverage = dayCoverage.text();
        Map<String, ConnectionDay> statsById =
                connectionDays.stream().collect(Collectors.toMap(ConnectionDay::connectionId, Function.identity()));
        Map<String, List<PrefixDay>> prefixesById =
                prefixDays.stream().collect(Collectors.groupingBy(PrefixDay::connectionId));
        Map<String, List<ConnectionHour>> hoursById =
                connectionHours.stream().collect(Collectors.groupingBy(ConnectionHour::connectionId));
        boolean first = true;
        for (String customerId : registry.customerIds()) {
            if (!first) {
                CrashPoint.REPORT_BETWEEN_CUSTOMERS.reach();
            }
            first = false;
            List<Connection> connections = registry.connectionsOf(customerId);
            AtomicFiles.write(layout.customerReport(customerId, day), writer -> {
                writer.write(CONNECTION_HEADER);
                for (Connection connection : connections) {
                    writer.write(connectionRow(day, connection, statsById.get(connection.connectionId()), coverage));
                }
            });
            AtomicFiles.write(layout.customerPrefixReport(customerId, day), writer -> {
                writer.write(PREFIX_HEADER);
                for (Connection connection : connections) {
                    for (PrefixDay p : prefixesById.getOrDefault(connection.connectionId(), List.of())) {
                        writer.write(CsvLine.of(
                                day.toString(),
                                text(p.connectionId()),
                                text(p.prefix()),
                                Long.toString(p.samples()),
                                Millis.format(p.medianMs()),
                                Millis.format(p.p95Ms()),
                                coverage));
                    }
                }
            });
            AtomicFiles.write(layout.customerHourlyReport(customerId, day), writer -> {
                writer.write(HOURLY_HEADER);
                for (Connection connection : connections) {
                    for (ConnectionHour h : hoursById.getOrDefault(connection.connectionId(), List.of())) {
                        writer.write(CsvLine.of(
                                day.toString(),
                                Integer.toString(h.hour()),
                                text(h.connectionId()),
                                Long.toString(h.samples()),
                                Millis.format(h.medianMs()),
                                Millis.format(h.p95Ms()),
                                coverage));
                    }
                }
            });
        }
    }

    private static String connectionRow(LocalDate day, Connection c, ConnectionDay stats, String coverage) {
        // Text cells go through FormulaGuard (CSV injection); the numbers are written from numbers.
        List<String> cells = new ArrayList<>(List.of(
                day.toString(),
                text(c.connectionId()),
                text(c.name()),
                text(c.partner()),
                text(c.country()),
                text(c.state())));
        cells.addAll(
                stats == null
                        ? StatisticCells.of(0, null, null, null, 0, 0, 0) // no sample: empty statistics
                        : StatisticCells.of(
                                stats.samples(),
                                stats.minMs(),
                                stats.maxMs(),
                                stats.sumMs(),
                                stats.medianMs(),
                                stats.p95Ms(),
                                stats.p99Ms()));
        cells.add(coverage);
        return CsvLine.of(cells);
    }
}
