package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ingest.InputFile;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectReason;
import org.peertel.ingest.RejectedRow;
import org.peertel.prefix.IpAddress;

/** Real DuckDB files in a temporary folder. */
class TelemetryStoreTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path folder;

    static Measurement measurement(int line, String time, String rtt) {
        return new Measurement("fra1.csv", line, Instant.parse(time), IpAddress.parse("192.0.2.10"), "DE", "",
                "fra1", new BigDecimal(rtt));
    }

    private void stageDay(TelemetryStore store, String... rtts) {
        store.clearStaging(DAY);
        try (StagingWriter staging = store.stagingWriter()) {
            for (int i = 0; i < rtts.length; i++) {
                staging.attributed(DAY, measurement(i + 2, "2026-03-02T0" + (i % 2) + ":30:00Z", rtts[i]), "c1",
                        "192.0.2.0/24");
            }
            staging.unattributed(DAY, measurement(90, "2026-03-02T05:00:00Z", "7"), "no_prefix", null);
            staging.rejected(DAY, new RejectedRow("fra1.csv", 91, RejectReason.BAD_RTT, "x,y,z"));
            staging.inputFile(DAY, new InputFile("fra1.csv", rtts.length + 2, 1234), "abc");
            staging.markDayStaged(DAY);
        }
        assertTrue(store.publishDay(DAY), "published");
    }

    @Test
    void aggregatesADayExactly() {
        try (TelemetryStore store = TelemetryStore.open(folder.resolve("t.duckdb"))) {
            stageDay(store, "1.5", "2.25", "3.125", "10");
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
            assertEquals(List.of(new StoreQueries.FileSummary("fra1.csv", 6, 1234, "abc")), counts.files());
        }
    }

    @Test
    void republishingADayReplacesItInsteadOfAddingToIt() throws Exception {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            stageDay(store, "1", "2", "3");
            stageDay(store, "5", "7");
            assertEquals(2, store.queries().rowsOn("measurements", DAY));
            assertEquals(1, store.queries().rowsOn("rejects", DAY));
            assertEquals(1, store.queries().rowsOn("input_files", DAY));
            assertEquals(6.0, store.queries().connectionDay(DAY).get(0).medianMs());
            assertEquals(0, store.queries().rowsOn("staging_measurements", DAY), "staging is emptied");
        }
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT hour, samples FROM connection_hourly ORDER BY hour")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "timestamps are stored in UTC");
            assertEquals(1, rs.getLong(2));
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void publishingADayAgainWithoutItsStagingMarkerKeepsTheStoredDay() {
        try (TelemetryStore store = TelemetryStore.open(folder.resolve("t.duckdb"))) {
            // given: a day published, then a partial staging of it (an attempt killed mid-read)
            stageDay(store, "1", "2", "3");
            try (StagingWriter staging = store.stagingWriter()) {
                staging.attributed(DAY, measurement(2, "2026-03-02T01:00:00Z", "9"), "c1", "192.0.2.0/24");
            }

            // when: the publish runs again (a restart after a crash that followed the publish commit)
            boolean published = store.publishDay(DAY);

            // then
            assertFalse(published);
            assertFalse(store.isStaged(DAY));
            assertEquals(3, store.queries().rowsOn("measurements", DAY));
            assertEquals(1, store.queries().rowsOn("input_files", DAY));
            assertEquals(2.0, store.queries().connectionDay(DAY).get(0).medianMs());
        }
    }

    @Test
    void clearingStagingForgetsAnInterruptedAttempt() {
        try (TelemetryStore store = TelemetryStore.open(folder.resolve("t.duckdb"))) {
            try (StagingWriter staging = store.stagingWriter()) {
                staging.attributed(DAY, measurement(2, "2026-03-02T01:00:00Z", "9"), "c1", "192.0.2.0/24");
            }
            stageDay(store, "4");
            assertEquals(1, store.queries().rowsOn("measurements", DAY));
            assertEquals(4.0, store.queries().connectionDay(DAY).get(0).medianMs());
        }
    }
}
