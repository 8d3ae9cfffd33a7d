package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ingest.BadFileReason;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.SkippedFile;

/** Real DuckDB files and real spool files in a temporary folder. */
class TelemetryStoreTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final long DAY_START_MICROS = DAY.toEpochDay() * 86_400L * 1_000_000L;
    static final long HOUR_MICROS = 3_600L * 1_000_000L;

    @TempDir
    Path folder;

    /** Spools one file of rows with the given rtts (micro-ms) on hours 0 and 1, one no_prefix row, one reject. */
    private DaySpool spoolDay(Path db, long... rttMicros) {
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        try (SpoolFileWriter out = spool.fileWriter(0, 1)) {
            for (int i = 0; i < rttMicros.length; i++) {
                out.measurement(
                        0,
                        i + 2,
                        DAY_START_MICROS + (i % 2) * HOUR_MICROS + 1_800_000_000L,
                        "192.0.2.10",
                        "DE",
                        "",
                        "fra1",
                        rttMicros[i],
                        0,
                        0,
                        null);
            }
            out.measurement(
                    0,
                    90,
                    DAY_START_MICROS + 5 * HOUR_MICROS,
                    "198.51.100.1",
                    "DE",
                    "",
                    "fra1",
                    7_000_000,
                    -1,
                    -1,
                    "no_prefix");
            out.rejected(0, 91, "bad_rtt", "x,y,z");
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("fra1.csv"));
        dictionary.put("connection", List.of("c1"));
        dictionary.put("prefix", List.of("192.0.2.0/24"));
        spool.complete(
                dictionary,
                List.of(),
                List.of(new InputFile("fra1.csv", rttMicros.length + 2, 1234, "abc")),
                List.of());
        return spool;
    }

    private void publish(TelemetryStore store, DaySpool spool) {
        assertTrue(store.publishDay(DAY, spool), "published");
        spool.delete();
    }

    @Test
    void aggregatesADayExactly() {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            publish(store, spoolDay(db, 1_500_000, 2_250_000, 3_125_000, 10_000_000));
            StoreQueries.ConnectionDay day = store.queries().connectionDay(DAY).get(0);
            assertEquals(4, day.samples());
            assertEquals(new BigDecimal("1.500000"), day.minMs());
            assertEquals(new BigDecimal("10.000000"), day.maxMs());
            assertEquals(new BigDecimal("16.875000"), day.sumMs());
            assertEquals(2.6875, day.medianMs());
            assertEquals(8.968749999999998, day.p95Ms(), "DuckDB's own interpolation, to the last bit");
            StoreQueries.DayCounts counts = store.queries().counts(DAY);
            assertEquals(6, counts.rowsRead());
            assertEquals(Map.of("bad_rtt", 1L), counts.rejected());
            assertEquals(List.of(new InputFile("fra1.csv", 6, 1234, "abc")), counts.files());
        }
    }

    @Test
    void republishingADayReplacesItInsteadOfAddingToIt() throws Exception {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            publish(store, spoolDay(db, 1_000_000, 2_000_000, 3_000_000));
            publish(store, spoolDay(db, 5_000_000, 7_000_000));
            assertEquals(2, store.queries().rowsOn("measurements", DAY));
            assertEquals(1, store.queries().rowsOn("rejects", DAY));
            assertEquals(1, store.queries().rowsOn("input_files", DAY));
            assertEquals(6.0, store.queries().connectionDay(DAY).get(0).medianMs());
            assertFalse(Files.exists(DaySpool.of(db, DAY).folder()), "the spool is removed");
        }
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("SELECT hour, samples FROM connection_hourly ORDER BY hour")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "timestamps are stored in UTC");
            assertEquals(1, rs.getLong(2));
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void publishingTheSameSpoolTwiceGivesTheSameDay() {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            // given: a publish that committed, the process killed before the spool was removed
            DaySpool spool = spoolDay(db, 1_000_000, 2_000_000, 3_000_000);
            assertTrue(store.publishDay(DAY, spool));

            // when: the restarted publishStep runs again
            publish(store, spool);

            // then
            assertEquals(3, store.queries().rowsOn("measurements", DAY));
            assertEquals(1, store.queries().rowsOn("unattributed", DAY));
            assertEquals(1, store.queries().rowsOn("input_files", DAY));
            assertEquals(2.0, store.queries().connectionDay(DAY).get(0).medianMs());
        }
    }

    @Test
    void anIncompleteSpoolIsNeverPublished() {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            // given: a day published, then an attempt killed while spooling it again
            publish(store, spoolDay(db, 1_000_000, 2_000_000, 3_000_000));
            DaySpool partial = DaySpool.of(db, DAY);
            partial.clear();
            try (SpoolFileWriter out = partial.fileWriter(0, 1)) {
                out.measurement(0, 2, DAY_START_MICROS, "192.0.2.10", "DE", "", "fra1", 9_000_000, 0, 0, null);
            }

            // when
            boolean published = store.publishDay(DAY, partial);

            // then
            assertFalse(published);
            assertEquals(3, store.queries().rowsOn("measurements", DAY));
            assertEquals(2.0, store.queries().connectionDay(DAY).get(0).medianMs());
        }
    }

    @Test
    void textOfAnyShapeSurvivesTheSpoolExactly() throws Exception {
        // given: values with quotes, commas, line breaks, non-ASCII, an empty state and an empty raw record
        List<String> pops = List.of("fra\"1", "a,b", "line\nbreak", "cr\r\nlf", "zürich-东京", " padded ");
        List<String> raws = List.of("x,\"y\"\r\nz", "", "\\N", "ünï,\"\"");
        Path db = folder.resolve("t.duckdb");
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        try (SpoolFileWriter out = spool.fileWriter(0, 1)) {
            for (int i = 0; i < pops.size(); i++) {
                out.measurement(
                        0,
                        i + 2,
                        DAY_START_MICROS + i,
                        "2001:db8::" + i,
                        "US",
                        i == 0 ? "" : "CA",
                        pops.get(i),
                        1 + i,
                        0,
                        0,
                        null);
            }
            for (int i = 0; i < raws.size(); i++) {
                out.rejected(0, 100 + i, "bad_rtt", raws.get(i));
            }
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("a \"quoted\", name.csv"));
        dictionary.put("connection", List.of("c,1"));
        dictionary.put("prefix", List.of("2001:db8::/32"));
        spool.complete(
                dictionary,
                List.of(new DayConnection("c,1", "cust", "a \"quoted\", name\nnext line", "p,\"q\"", "US", "IL")),
                List.of(new InputFile("a \"quoted\", name.csv", 10, 1, "")),
                List.of(new SkippedFile("b,\"c\".csv.gz", BadFileReason.BAD_HEADER, "line 1: \"x\", y\nz")));

        // when
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertTrue(store.publishDay(DAY, spool));
        }

        // then
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            List<String> storedPops = new ArrayList<>();
            try (ResultSet rs = connection
                    .createStatement()
                    .executeQuery(
                            "SELECT edge_pop, state, rtt_ms, file, connection_id, epoch_us(ts) FROM measurements ORDER BY line")) {
                while (rs.next()) {
                    storedPops.add(rs.getString(1));
                    assertEquals("a \"quoted\", name.csv", rs.getString(4));
                    assertEquals("c,1", rs.getString(5));
                }
            }
            assertEquals(pops, storedPops);
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM day_connections")) {
                assertTrue(rs.next());
                assertEquals(
                        List.of(DAY.toString(), "c,1", "cust", "a \"quoted\", name\nnext line", "p,\"q\"", "US", "IL"),
                        List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7)));
                assertFalse(rs.next());
            }
            try (ResultSet rs = connection
                    .createStatement()
                    .executeQuery("SELECT state, rtt_ms, epoch_us(ts) FROM measurements WHERE line = 2")) {
                rs.next();
                assertEquals("", rs.getString(1), "an empty state is an empty string, not NULL");
                assertEquals(new BigDecimal("0.000001"), rs.getBigDecimal(2));
                assertEquals(DAY_START_MICROS, rs.getLong(3));
            }
            List<String> storedRaws = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT raw FROM rejects ORDER BY line")) {
                while (rs.next()) {
                    storedRaws.add(rs.getString(1));
                }
            }
            assertEquals(raws, storedRaws);
        }
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertEquals(
                    List.of(new StoreQueries.SkippedFileSummary("b,\"c\".csv.gz", "bad_header", "line 1: \"x\", y\nz")),
                    store.queries().skippedFiles(DAY));
            assertTrue(store.queries().counts(DAY).partial());
        }
    }

    @Test
    void aDiscardedFileLeavesNoRowInTheSpool() {
        // given: two files spooled, the second one then left out as bad
        Path db = folder.resolve("t.duckdb");
        DaySpool spool = DaySpool.of(db, DAY);
        spool.clear();
        for (int fileNo = 0; fileNo < 2; fileNo++) {
            try (SpoolFileWriter out = spool.fileWriter(fileNo, 1)) {
                out.measurement(fileNo, 2, DAY_START_MICROS, "192.0.2.10", "DE", "", "fra1", 1_000_000, 0, 0, null);
                out.measurement(
                        fileNo, 3, DAY_START_MICROS, "198.51.100.1", "DE", "", "fra1", 1_000_000, -1, -1, "no_prefix");
                out.rejected(fileNo, 4, "bad_rtt", "x");
            }
        }

        // when
        spool.discardFile(1);
        spool.complete(
                Map.of(
                        "file",
                        List.of("a.csv", "b.csv.gz"),
                        "connection",
                        List.of("c1"),
                        "prefix",
                        List.of("192.0.2.0/24")),
                List.of(),
                List.of(new InputFile("a.csv", 3, 10, "s1"), new InputFile("b.csv.gz", 0, 20, "s2")),
                List.of(new SkippedFile("b.csv.gz", BadFileReason.TRUNCATED_GZIP, "cut")));

        // then
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertTrue(store.publishDay(DAY, spool));
            StoreQueries.DayCounts counts = store.queries().counts(DAY);
            assertEquals(3, counts.rowsRead());
            assertEquals(1, counts.attributed());
            assertEquals(
                    List.of("a.csv", "b.csv.gz"),
                    counts.files().stream().map(f -> f.name()).toList());
            assertEquals(
                    List.of(new StoreQueries.SkippedFileSummary("b.csv.gz", "truncated_gzip", "cut")),
                    counts.skippedFiles());
        }
    }

    @Test
    void manyAlertsAreStoredWholeAndReplaceTheDaysAlerts() throws Exception {
        Path db = folder.resolve("t.duckdb");
        List<org.peertel.alert.Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 450; i++) { // more than one multi-row insert holds
            alerts.add(new org.peertel.alert.Alert(
                    DAY,
                    "cust",
                    "c" + i,
                    "name " + i,
                    org.peertel.alert.AlertRule.HIGH_MEDIAN,
                    org.peertel.alert.Severity.WARNING,
                    new BigDecimal(i + ".5"),
                    new BigDecimal("100"),
                    null,
                    i,
                    "message " + i));
        }
        try (TelemetryStore store = TelemetryStore.open(db)) {
            store.replaceAlerts(DAY, alerts.subList(0, 3));
            store.replaceAlerts(DAY, alerts);
        }
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("SELECT count(*), count(DISTINCT alert_id), sum(samples), max(observed_ms), "
                                + "count(baseline_ms) FROM alerts")) {
            rs.next();
            assertEquals(450, rs.getLong(1));
            assertEquals(450, rs.getLong(2));
            assertEquals(449L * 450 / 2, rs.getLong(3));
            assertEquals(449.5, rs.getDouble(4));
            assertEquals(0, rs.getLong(5));
        }
    }
}
