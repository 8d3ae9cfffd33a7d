package org.peertel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peertel.ingest.InputFile;

/**
 * A day's aggregates computed by remote workers, one partition of connections each
 * ({@link TelemetryStore#aggregatePartition}, {@link AggregatePartitions}), and loaded by the publish are the
 * aggregates the publish computes itself: the same spool published both ways into two DuckDB files, every row of
 * connection_daily, connection_hourly and prefix_daily compared.
 */
class AggregatePartitionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final long DAY_START_MICROS = DAY.toEpochDay() * 86_400L * 1_000_000L;
    private static final long HOUR_MICROS = 3_600L * 1_000_000L;

    /** More connections than buckets (128), so that some buckets hold two connections. */
    private static final int CONNECTIONS = 200;

    private static final int FILES = 3;
    private static final int ROWS_PER_FILE = 20_000;

    @TempDir
    Path folder;

    /**
     * The complete spool of the day for the database {@code db}: three files of rows spread over every hour, two
     * prefixes a connection, round-trip times with many ties (quantiles interpolate between equal values), and a
     * connection in every 17 without any row.
     */
    private static DaySpool spoolDay(Path db) {
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        List<InputFile> inputFiles = new ArrayList<>();
        for (int fileNo = 0; fileNo < FILES; fileNo++) {
            try (SpoolFileWriter out = spool.fileWriter(fileNo, CONNECTIONS)) {
                for (int line = 0; line < ROWS_PER_FILE; line++) {
                    long mixed = (line * 7919L + fileNo * 104_729L) % 1_000_003L;
                    int connection = (int) (mixed % CONNECTIONS);
                    if (connection % 17 == 5) {
                        connection = (connection + 1) % CONNECTIONS;
                    }
                    out.measurement(
                            fileNo,
                            line + 2,
                            DAY_START_MICROS + (line % 24) * HOUR_MICROS + line,
                            "192.0.2." + (line % 250),
                            "DE",
                            "",
                            "fra" + fileNo,
                            1_000L * (mixed % 997) + (line % 3 == 0 ? 0 : 123_456L),
                            connection,
                            2 * connection + (int) (mixed / CONNECTIONS % 2),
                            null);
                }
            }
            inputFiles.add(new InputFile("f" + fileNo + ".csv", ROWS_PER_FILE, 1_000L + fileNo, "ab".repeat(32)));
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("f0.csv", "f1.csv", "f2.csv"));
        dictionary.put(
                "connection",
                IntStream.range(0, CONNECTIONS)
                        .mapToObj(no -> String.format("c%03d", no))
                        .toList());
        dictionary.put(
                "prefix",
                IntStream.range(0, 2 * CONNECTIONS)
                        .mapToObj(no -> String.format("2001:db8:%x::/48", no))
                        .toList());
        spool.complete(dictionary, List.of(), inputFiles, List.of());
        return spool;
    }

    /** Every partition aggregated as remote workers do: each on a scratch DuckDB of its own. */
    private void aggregateInPartitions(DaySpool spool, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            Path scratch =
                    folder.resolve("scratch-" + partitions + "-" + partition).resolve("bucket.duckdb");
            try (TelemetryStore store = TelemetryStore.open(scratch)) {
                store.aggregatePartition(DAY, spool, partition, partitions);
            }
        }
        spool.expectAggregatePartitions(partitions);
    }

    /** Every row of {@code table}, each as the text of its columns, sorted. */
    private static List<String> rows(TelemetryStore store, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement query = store.connection().createStatement();
                ResultSet rs = query.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.add(rs.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3})
    void theWorkersAggregatesAreThoseOfThePublish(int partitions) throws Exception {
        // given: the day published in one process
        Path single = folder.resolve("single.duckdb");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        try (TelemetryStore store = TelemetryStore.open(single)) {
            assertThat(store.publishDay(DAY, spoolDay(single))).isTrue();
            for (String table : AggregatePartitions.TABLES) {
                expected.put(table, rows(store, table));
            }
        }

        // when: the same spool aggregated by partitions of connections, then published with their files
        Path remote = folder.resolve("remote.duckdb");
        DaySpool spool = spoolDay(remote);
        aggregateInPartitions(spool, partitions);
        try (TelemetryStore store = TelemetryStore.open(remote)) {
            assertThat(store.publishDay(DAY, spool)).isTrue();

            // then
            for (String table : AggregatePartitions.TABLES) {
                assertThat(rows(store, table)).as(table).containsExactlyElementsOf(expected.get(table));
            }
        }
        assertThat(expected.get("connection_daily"))
                .as("every connection with rows, once")
                .hasSize(CONNECTIONS - 12);
        assertThat(expected.get("connection_hourly")).hasSize((CONNECTIONS - 12) * 24);
        assertThat(expected.get("prefix_daily")).hasSize((CONNECTIONS - 12) * 2);
        for (int partition = 0; partition < partitions; partition++) {
            for (String table : AggregatePartitions.TABLES) {
                assertThat(spool.aggregateFile(table, partition)).isRegularFile();
            }
        }
    }

    @Test
    void aPartitionsMissingFileStopsThePublishChangingNothing() throws Exception {
        // given: the day published once, then aggregated again by three partitions, one of whose files is lost
        Path db = folder.resolve("remote.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertThat(store.publishDay(DAY, spoolDay(db))).isTrue();
            Map<String, List<String>> before = new LinkedHashMap<>();
            for (String table : List.of("measurements", "connection_daily", "connection_hourly", "prefix_daily")) {
                before.put(table, rows(store, table));
            }
            DaySpool spool = spoolDay(db);
            aggregateInPartitions(spool, 3);
            Path lost = spool.aggregateFile("connection_hourly", 1);
            Files.delete(lost);

            // when, then
            assertThatThrownBy(() -> store.publishDay(DAY, spool))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the remote workers' aggregates are incomplete: " + lost + " missing");
            for (Map.Entry<String, List<String>> table : before.entrySet()) {
                assertThat(rows(store, table.getKey()))
                        .as("%s as it was", table.getKey())
                        .containsExactlyElementsOf(table.getValue());
            }
        }
    }
}
