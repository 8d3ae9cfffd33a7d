package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.config.DuckDbSettings;
import org.peertel.store.AggregateBatches.Batch;

/** The day's aggregates computed in batches of connections equal those computed at once. */
class AggregateBatchesTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path folder;

    @Test
    void runsOfConnectionsStayWithinTheRowLimit() {
        int[] numbers = {0, 2, 3, 7, 8, 9};
        long[] rows = {4, 3, 1, 9, 2, 2};
        assertEquals(
                List.of(new Batch(0, 0), new Batch(2, 3), new Batch(7, 7), new Batch(8, 9)),
                AggregateBatches.of(numbers, rows, 5));
        assertEquals(List.of(new Batch(0, 9)), AggregateBatches.of(numbers, rows, 21));
        assertEquals(List.of(new Batch(0, 3), new Batch(7, 9)), AggregateBatches.of(numbers, rows, 13));
        assertEquals(List.of(), AggregateBatches.of(new int[0], new long[0], 5));
    }

    @Test
    void batchesShrinkWithTheMemoryLimitAndNeverPassTenMillionRows() {
        assertEquals(10_000_000, AggregateBatches.maxRows(2_000_000_000L));
        assertEquals(4_000_000, AggregateBatches.maxRows(256_000_000L));
        assertEquals(1, AggregateBatches.maxRows(10));
    }

    @Test
    void theStoreSizesItsBatchesFromDuckDbsResolvedMemoryLimit() {
        // DuckDB reports 256MB as "244.1 MiB": 255,957,401 bytes / 64
        try (TelemetryStore small =
                TelemetryStore.open(folder.resolve("small.duckdb"), new DuckDbSettings("256MB", null, 0, null))) {
            assertEquals(3_999_334, small.aggregateBatchRows());
        }
        try (TelemetryStore shipped = TelemetryStore.open(folder.resolve("shipped.duckdb"))) {
            assertEquals(10_000_000, shipped.aggregateBatchRows());
        }
    }

    @Test
    void aggregatesInSmallBatchesEqualThoseOfOneBatch() throws Exception {
        List<String> once = aggregates(folder.resolve("once.duckdb"), Long.MAX_VALUE);
        List<String> batched = aggregates(folder.resolve("batched.duckdb"), 7);
        assertTrue(once.size() > 40, "a day with many groups: " + once.size());
        assertEquals(once, batched);
    }

    /** Publishes the same random day (6 connections, 3 prefixes, 0 to 20 rows each) and reads its aggregates. */
    private static List<String> aggregates(Path db, long batchRows) throws Exception {
        Random random = new Random(7);
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        long dayStartMicros = DAY.toEpochDay() * 86_400L * 1_000_000L;
        int line = 2;
        try (SpoolFileWriter out = spool.fileWriter(0, 6)) {
            for (int connection = 0; connection < 6; connection++) {
                int rows = connection == 4 ? 0 : random.nextInt(21);
                for (int i = 0; i < rows; i++) {
                    out.measurement(
                            0,
                            line++,
                            dayStartMicros + random.nextInt(24) * 3_600_000_000L,
                            "192.0.2.1",
                            "DE",
                            "",
                            "fra1",
                            1 + random.nextInt(200_000_000),
                            connection,
                            random.nextInt(3),
                            null);
                }
            }
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("fra1.csv"));
        dictionary.put("connection", List.of("c0", "c1", "c2", "c3", "c4", "c5"));
        dictionary.put("prefix", List.of("192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32"));
        spool.complete(dictionary, List.of(), List.of(), List.of());
        try (TelemetryStore store = TelemetryStore.open(db).withAggregateBatchRows(batchRows)) {
            assertTrue(store.publishDay(DAY, spool));
        }
        List<String> rows = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            for (String table : List.of("connection_daily", "connection_hourly", "prefix_daily")) {
                try (ResultSet rs =
                        connection.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int c = 1; c <= columns; c++) {
                            row.append('|').append(rs.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
