package org.peertel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * measurement_rows holds numbers; the view {@code measurements} gives their texts from day_names and registry_names.
 * Real DuckDB files and real spool files.
 */
class MeasurementNamesTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    @TempDir
    Path folder;

    /** One file, one measurement per connection i (connection i, prefix i) of the lists given. */
    private static void publish(
            TelemetryStore store, Path db, LocalDate day, List<String> connections, List<String> prefixes) {
        DaySpool spool = DaySpool.of(db, day);
        spool.clear();
        long dayStartMicros = day.toEpochDay() * 86_400L * 1_000_000L;
        try (SpoolFileWriter out = spool.fileWriter(1, connections.size())) {
            for (int i = 0; i < connections.size(); i++) {
                out.measurement(
                        1,
                        i + 2,
                        dayStartMicros + i,
                        "192.0.2." + i,
                        "DE",
                        "",
                        "fra1",
                        1_000_000L * (i + 1),
                        i,
                        i,
                        null);
            }
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("ams1.csv", "fra1.csv"));
        dictionary.put("connection", connections);
        dictionary.put("prefix", prefixes);
        spool.complete(dictionary, List.of(), List.of(), List.of());
        assertTrue(store.publishDay(day, spool));
        spool.delete();
    }

    @Test
    void daysOfTheSameRegistryShareOneCopyOfItsNames() throws Exception {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            publish(store, db, MONDAY, List.of("c1", "c2"), List.of("192.0.2.0/25", "192.0.2.128/25"));
            publish(store, db, TUESDAY, List.of("c1", "c2"), List.of("192.0.2.0/25", "192.0.2.128/25"));
        }
        assertEquals(List.of("1"), DuckDbFile.rows(db, "SELECT count(*) FROM registry_names"));
        assertEquals(
                List.of(
                        "2026-03-02|fra1.csv|2|c1|192.0.2.0/25|1.000000",
                        "2026-03-02|fra1.csv|3|c2|192.0.2.128/25|2.000000",
                        "2026-03-03|fra1.csv|2|c1|192.0.2.0/25|1.000000",
                        "2026-03-03|fra1.csv|3|c2|192.0.2.128/25|2.000000"),
                DuckDbFile.rows(
                        db,
                        "SELECT day, file, line, connection_id, prefix, rtt_ms FROM measurements ORDER BY day, line"));
        assertEquals(
                List.of("2026-03-02|c1|1", "2026-03-02|c2|1"),
                DuckDbFile.rows(
                        db,
                        "SELECT day, connection_id, samples FROM connection_daily WHERE day = '2026-03-02' "
                                + "ORDER BY connection_id"));
    }

    @Test
    void aRegistryNoDayUsesAnyMoreIsDropped() throws Exception {
        Path db = folder.resolve("t.duckdb");
        try (TelemetryStore store = TelemetryStore.open(db)) {
            publish(store, db, MONDAY, List.of("c1", "c2"), List.of("192.0.2.0/25", "192.0.2.128/25"));
            // the day again, after the registry changed: other order, another prefix
            publish(store, db, MONDAY, List.of("c2", "c1"), List.of("198.51.100.0/24", "192.0.2.0/25"));
        }
        assertEquals(List.of("[c2, c1]"), DuckDbFile.rows(db, "SELECT connections FROM registry_names"));
        assertEquals(
                List.of("2|c2|198.51.100.0/24", "3|c1|192.0.2.0/25"),
                DuckDbFile.rows(db, "SELECT line, connection_id, prefix FROM measurements ORDER BY line"));
        assertEquals(
                List.of("c1|192.0.2.0/25|1", "c2|198.51.100.0/24|1"),
                DuckDbFile.rows(db, "SELECT connection_id, prefix, samples FROM prefix_daily ORDER BY connection_id"));
    }

    @Test
    void clientsLocationsAndEdgePopsStoredAsNumbersComeBackAsTheirTexts() throws Exception {
        Path db = folder.resolve("t.duckdb");
        DaySpool spool = DaySpool.of(db, MONDAY);
        spool.clear();
        long midnight = MONDAY.toEpochDay() * 86_400L * 1_000_000L;
        try (SpoolFileWriter out = spool.fileWriter(0, 1)) {
            // the lowest and highest IPv4 values
            out.measurement(0, 2, midnight, "0.0.0.0", "AA", "", "ams1", 1, 0, 0, null);
            out.measurement(0, 3, midnight, "255.255.255.255", "ZZ", "", "ams2", 1, 0, 0, null);
            out.measurement(0, 4, midnight, "192.0.2.123", "US", "WY", "ams1", 1, 0, 0, null);
        }
        try (SpoolFileWriter out = spool.fileWriter(1, 1)) {
            out.measurement(1, 2, midnight, "198.51.100.7", "US", "AK", "no", 7_000_000, -1, -1, "no_prefix");
        }
        try (SpoolFileWriter out = spool.fileWriter(2, 1)) {
            out.measurement(2, 7, midnight, "2001:db8::1", "DE", "", "fra,\"1\"", 1, 0, 0, null);
            out.measurement(2, 8, midnight, "203.0.113.4", "US", "CA", "ams1", 1, 0, 0, null);
        }
        Map<String, List<String>> dictionary = new LinkedHashMap<>();
        dictionary.put("file", List.of("a.csv", "b.csv", "c.csv"));
        dictionary.put("connection", List.of("c1"));
        dictionary.put("prefix", List.of("0.0.0.0/0")); // covers the IPv4 clients, the lowest and highest among them
        spool.complete(dictionary, List.of(), List.of(), List.of());
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertTrue(store.publishDay(MONDAY, spool));
        }
        assertEquals(
                List.of(
                        "a.csv|2|0.0.0.0|AA||ams1",
                        "a.csv|3|255.255.255.255|ZZ||ams2",
                        "a.csv|4|192.0.2.123|US|WY|ams1",
                        "c.csv|7|2001:db8::1|DE||fra,\"1\"",
                        "c.csv|8|203.0.113.4|US|CA|ams1"),
                DuckDbFile.rows(
                        db,
                        "SELECT file, line, client_ip, country, state, edge_pop FROM measurements ORDER BY file, line"));
        assertEquals(
                List.of("[[ams1, ams2], [], ['fra,\"1\"', ams1]]"),
                DuckDbFile.rows(db, "SELECT edge_pops FROM day_names"),
                "per file in first-appearance order, none for b.csv");
    }

    @Test
    void aDatabaseWhoseMeasurementsWereATableIsMigrated() throws Exception {
        Path db = folder.resolve("old.duckdb");
        String[] oldRows = {
            "('2026-03-02', 'fra1.csv', 2, TIMESTAMP '2026-03-02 00:00:01', '192.0.2.1', 'DE', '', 'fra1', 1.5, 'c2', '192.0.2.0/24')",
            "('2026-03-02', 'ams1.csv', 9, TIMESTAMP '2026-03-02 10:00:00', '2001:db8::1', 'US', 'CA', 'ams1', 2.25, 'c1', '2001:db8::/32')",
            "('2026-03-02', 'fra1.csv', 3, TIMESTAMP '2026-03-02 23:59:59.999', '192.0.2.2', 'DE', '', 'fra1', 3, 'c1', '192.0.2.0/24')",
            "('2026-03-03', 'x.csv', 2, TIMESTAMP '2026-03-03 00:00:00', '192.0.2.3', 'FR', '', 'cdg1', 4.125, 'c3', '198.51.100.0/24')"
        };
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            // the table as schema.sql made it until 2026-11
            statement.execute(
                    "CREATE TABLE measurements (day DATE NOT NULL, file VARCHAR NOT NULL, line BIGINT NOT NULL,"
                            + " ts TIMESTAMP NOT NULL, client_ip VARCHAR NOT NULL, country VARCHAR NOT NULL,"
                            + " state VARCHAR NOT NULL, edge_pop VARCHAR NOT NULL, rtt_ms DECIMAL(15,6) NOT NULL,"
                            + " connection_id VARCHAR NOT NULL, prefix VARCHAR NOT NULL)");
            statement.execute("INSERT INTO measurements VALUES " + String.join(", ", oldRows));
        }
        List<String> before = DuckDbFile.rows(db, "SELECT * FROM measurements ORDER BY ALL");

        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertEquals(3, store.queries().rowsOn("measurements", MONDAY));
        }

        assertEquals(before, DuckDbFile.rows(db, "SELECT * FROM measurements ORDER BY ALL"));
        assertEquals(List.of("4"), DuckDbFile.rows(db, "SELECT count(*) FROM measurement_rows"));
        assertEquals(
                List.of("VIEW"),
                DuckDbFile.rows(
                        db, "SELECT table_type FROM information_schema.tables " + "WHERE table_name = 'measurements'"));
        assertEquals(
                List.of(),
                DuckDbFile.rows(
                        db,
                        "SELECT table_name FROM information_schema.tables "
                                + "WHERE table_name LIKE '%before%' OR table_name LIKE 'migrated%'"));
        try (TelemetryStore store = TelemetryStore.open(db)) { // opening again changes nothing
            assertEquals(3, store.queries().rowsOn("measurements", MONDAY));
        }
        assertEquals(before, DuckDbFile.rows(db, "SELECT * FROM measurements ORDER BY ALL"));
    }
}
