package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DuckDbFile;
import org.peertel.store.StoreException;
import org.peertel.store.TelemetryStore;

/**
 * A day's per-row tables moved into the Parquet archive (the first part of retention): the files hold exactly the
 * rows, with readable columns, and DuckDB drops them only after that is verified.
 */
class DayArchiveTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final String MEASUREMENTS = "SELECT day, file, line, ts, client_ip, country, state, edge_pop, rtt_ms, "
            + "connection_id, prefix FROM %s ORDER BY file, line";

    @TempDir
    Path work;

    Path db;
    Path archive;

    @BeforeEach
    void twoDays() {
        db = work.resolve("t.duckdb");
        archive = work.resolve("archive");
        GoldenJobTest.run(CASE, work.resolve("out"), db, "--from", "2026-03-02", "--to", "2026-03-03");
    }

    @Test
    void theDaysRowsMoveIntoVerifiedParquetFilesAndNothingElseChanges() throws Exception {
        // given
        List<String> measurements =
                DuckDbFile.rows(db, MEASUREMENTS.formatted("measurements WHERE day = DATE '2026-03-02'"));
        List<String> rejects =
                DuckDbFile.rows(db, "SELECT * FROM rejects WHERE day = DATE '2026-03-02' ORDER BY file, line");
        List<String> unattributed =
                DuckDbFile.rows(db, "SELECT * FROM unattributed WHERE day = DATE '2026-03-02' ORDER BY file, line");
        List<String> nextDay =
                DuckDbFile.rows(db, MEASUREMENTS.formatted("measurements WHERE day = DATE '2026-03-03'"));
        List<String> daily = DuckDbFile.rows(db, "SELECT * FROM connection_daily ORDER BY ALL");

        // when
        Map<ArchivedTable, Long> archived;
        try (TelemetryStore store = TelemetryStore.open(db)) {
            archived = store.archiveDay(DAY, archive);
        }

        // then: the files hold the rows (DuckDB reads the day from the folder name)
        assertEquals(
                Map.of(
                        ArchivedTable.MEASUREMENTS, (long) measurements.size(),
                        ArchivedTable.UNATTRIBUTED, (long) unattributed.size(),
                        ArchivedTable.REJECTS, (long) rejects.size()),
                archived);
        assertThat(measurements).hasSizeGreaterThan(200);
        Path reader = work.resolve("reader.duckdb");
        assertEquals(measurements, DuckDbFile.rows(reader, MEASUREMENTS.formatted(parquet("measurements"))));
        assertEquals(
                rejects,
                DuckDbFile.rows(
                        reader,
                        "SELECT day, file, line, reason, raw FROM " + parquet("rejects") + " ORDER BY file, line"));
        assertEquals(
                unattributed,
                DuckDbFile.rows(
                        reader,
                        "SELECT day, file, line, ts, client_ip, country, state, edge_pop, rtt_ms, reason, "
                                + "prefix FROM " + parquet("unattributed") + " ORDER BY file, line"));
        assertThat(DuckDbFile.rows(
                        reader,
                        "SELECT DISTINCT typeof(connection_id) || ' ' || typeof(rtt_ms) FROM "
                                + parquet("measurements")))
                .as("readable text, exact decimals")
                .containsExactly("VARCHAR DECIMAL(15,6)");

        // then: DuckDB no longer holds the day's rows; the next day and the aggregates are untouched
        for (String table : List.of("measurement_rows", "unattributed", "rejects")) {
            assertEquals(
                    List.of("0"),
                    DuckDbFile.rows(db, "SELECT count(*) FROM " + table + " WHERE day = DATE '2026-03-02'"),
                    table);
        }
        assertEquals(
                nextDay, DuckDbFile.rows(db, MEASUREMENTS.formatted("measurements WHERE day = DATE '2026-03-03'")));
        assertEquals(daily, DuckDbFile.rows(db, "SELECT * FROM connection_daily ORDER BY ALL"));
        try (var files = Files.walk(archive)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> archive.relativize(f).toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder(
                            "measurements/day=2026-03-02/data.parquet",
                            "unattributed/day=2026-03-02/data.parquet",
                            "rejects/day=2026-03-02/data.parquet");
        }
    }

    @Test
    void aFileInPlaceThatDoesNotMatchIsNeverTrustedAndIsReplaced() throws Exception {
        // given: a truncated file where the measurements of the day go
        Path file = Files.createDirectories(archive.resolve("measurements/day=2026-03-02"))
                .resolve("data.parquet");
        Files.write(file, new byte[] {'P', 'A', 'R', '1', 0, 0, 0});

        try (TelemetryStore store = TelemetryStore.open(db)) {
            // then
            assertFalse(store.archiveHolds(archive, ArchivedTable.MEASUREMENTS, DAY));

            // when
            long rows = store.archiveDay(DAY, archive).get(ArchivedTable.MEASUREMENTS);

            // then
            assertEquals(
                    List.of(Long.toString(rows)),
                    DuckDbFile.rows(work.resolve("reader.duckdb"), "SELECT count(*) FROM " + parquet("measurements")));
        }
    }

    @Test
    void anArchiveFolderThatCannotBeWrittenFailsNamingItAndDeletesNothing() throws Exception {
        // given: a file where the archive folder goes
        Files.writeString(archive, "not a folder");
        List<String> before =
                DuckDbFile.rows(db, "SELECT count(*) FROM measurement_rows WHERE day = DATE '2026-03-02'");

        // when / then
        try (TelemetryStore store = TelemetryStore.open(db)) {
            assertThatThrownBy(() -> store.archiveDay(DAY, archive))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(archive.toString())
                    .hasMessageContaining("nothing was deleted");
        }
        assertEquals(
                before, DuckDbFile.rows(db, "SELECT count(*) FROM measurement_rows WHERE day = DATE '2026-03-02'"));
        assertTrue(Files.isRegularFile(archive));
    }

    @Test
    void rangeAndMonthReportsOverArchivedDaysGiveTheFiguresOfAStoreThatKeptThem() throws Exception {
        // given: 03-02 archived, then the rest of the week run (its month files written after it)
        try (TelemetryStore store = TelemetryStore.open(db)) {
            store.archiveDay(DAY, archive);
        }
        Path out = work.resolve("out");
        GoldenJobTest.run(CASE, out, db, "--from", "2026-03-04", "--to", "2026-03-07");

        // when
        GoldenJobTest.report(CASE, out, db, "2026-03-02", "2026-03-07");

        // then: the range and month files equal the golden ones, computed from a store that kept every row
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.read(out);
        List<String> reports = expected.keySet().stream()
                .filter(f -> f.contains("/range-") || f.contains("/month-"))
                .toList();
        assertThat(reports).hasSize(12);
        for (String file : reports) {
            assertEquals(expected.get(file), actual.get(file), file);
        }

        // when: the archived day is processed again: its rows are back in DuckDB, no longer read from the archive
        GoldenJobTest.run(CASE, out, db, "--date", "2026-03-02");

        // then
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM archived_days")).containsExactly("0");
        GoldenJobTest.report(CASE, out, db, "2026-03-02", "2026-03-07");
        for (String file : reports) {
            assertEquals(expected.get(file), OutputTree.read(out).get(file), file);
        }
    }

    private String parquet(String table) {
        return "read_parquet('" + archive.resolve(table) + "/*/*.parquet', hive_partitioning = true)";
    }
}
