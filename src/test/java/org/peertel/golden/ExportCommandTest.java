package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DuckDbFile;

/**
 * {@code peertel export} on the golden week: the same files, byte for byte, whether the days are in DuckDB or in the
 * archive (a run with two- and three-day windows, as {@link AggregateRetentionTest}), holding every table's rows.
 */
class ExportCommandTest {

    static final String[] DAYS = {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07"};

    @TempDir
    Path work;

    @Test
    void theSameFilesFromDuckDbOrFromTheArchive() throws Exception {
        // given: one run that keeps every day, one that archived most of them
        Path kept = Files.createDirectories(work.resolve("kept"));
        Path retained = Files.createDirectories(work.resolve("retained"));
        AggregateRetentionTest.runWeek(kept, AggregateRetentionTest.settings(kept, 0, 0));
        AggregateRetentionTest.runWeek(retained, AggregateRetentionTest.settings(retained, 2, 3));

        // when
        PeertelCall fromDuckDb = export(kept, work.resolve("a"));
        PeertelCall fromBoth = export(retained, work.resolve("b"));

        // then: what came from where
        assertThat(fromDuckDb.out()).contains("Exported 2026-03-02 .. 2026-03-07 to " + work.resolve("a"));
        assertThat(fromBoth.out().lines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly("measurements", "6", "1703", "2", "4"))
                .anySatisfy(
                        line -> assertThat(line.split(" +")).containsExactly("connection_daily", "6", "47", "5", "1"));
        // every table and day, identical files
        for (ArchivedTable table : ArchivedTable.values()) {
            for (String day : DAYS) {
                Path file = Path.of(table.folder(), "day=" + day, "data.parquet");
                assertArrayEquals(
                        Files.readAllBytes(work.resolve("a").resolve(file)),
                        Files.readAllBytes(work.resolve("b").resolve(file)),
                        file.toString());
            }
        }
        // holding the rows DuckDB keeps when nothing is archived
        for (ArchivedTable table : ArchivedTable.values()) {
            String columns = "day, " + String.join(", ", table.columns());
            assertEquals(
                    DuckDbFile.rows(
                            AggregateRetentionTest.db(kept),
                            "SELECT " + columns + " FROM " + table.folder() + " ORDER BY ALL"),
                    DuckDbFile.rows(
                            work.resolve("reader.duckdb"),
                            "SELECT " + columns + " FROM read_parquet('" + work.resolve("b") + "/" + table.folder()
                                    + "/*/*.parquet', hive_partitioning = true, hive_types = {'day': DATE}) "
                                    + "ORDER BY ALL"),
                    table.folder());
        }
        try (var files = Files.walk(work.resolve("b"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(ArchivedTable.values().length * DAYS.length);
        }
    }

    @Test
    void someTablesOnlyAndAnUnknownTableRefused() throws Exception {
        // given
        Path kept = Files.createDirectories(work.resolve("kept"));
        AggregateRetentionTest.runWeek(kept, AggregateRetentionTest.settings(kept, 0, 0));

        // when
        PeertelCall some = export(kept, work.resolve("some"), "--tables", "alerts,rejects");
        PeertelCall unknown = export(kept, work.resolve("unknown"), "--tables", "alerts,measurement");

        // then
        assertEquals(0, some.code(), some::toString);
        try (var folders = Files.list(work.resolve("some"))) {
            assertThat(folders.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("alerts", "rejects");
        }
        assertEquals(2, unknown.code(), unknown::toString);
        assertThat(unknown.err()).contains("--tables: no table 'measurement'; choose from measurements, unattributed");
        assertThat(work.resolve("unknown")).doesNotExist();
    }

    private static PeertelCall export(Path folder, Path dest, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "export",
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-07",
                "--dest",
                dest.toString(),
                "--db",
                AggregateRetentionTest.db(folder).toString()));
        args.addAll(List.of(more));
        return more.length == 0 ? PeertelCall.succeeding(args) : PeertelCall.of(args);
    }
}
