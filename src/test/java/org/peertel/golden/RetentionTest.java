package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.store.DuckDbFile;

/**
 * retentionStep on the golden week with {@code retention.measurement-days = 2}: DuckDB keeps the rows of the two
 * newest days, the older days' rows are in the Parquet archive, and every output, the reports over the whole week
 * included, is the golden one.
 */
class RetentionTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");

    @TempDir
    Path work;

    @Test
    void olderDaysMoveToTheArchiveAndEveryOutputStaysGolden() throws Exception {
        // given
        Path out = work.resolve("out");
        Path db = work.resolve("t.duckdb");
        Path settings = Files.writeString(
                work.resolve("telemetry.properties"),
                "alerts = " + Files.writeString(work.resolve("alerts.properties"), "") + "\n"
                        + "retention.measurement-days = 2\n"
                        + "archive.dir = " + work.resolve("archive") + "\n");

        // when
        GoldenJobTest.run(
                CASE, out, db, "--from", "2026-03-02", "--to", "2026-03-07", "--settings", settings.toString());
        GoldenJobTest.report(CASE, out, db, "2026-03-02", "2026-03-07");

        // then: DuckDB holds the rows of 03-06 and 03-07 only; the archive the others
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM measurement_rows ORDER BY day"))
                .containsExactly("2026-03-06", "2026-03-07");
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM rejects ORDER BY day"))
                .containsExactly("2026-03-06", "2026-03-07");
        assertThat(DuckDbFile.rows(
                        db, "SELECT DISTINCT day::VARCHAR || ' ' || table_name FROM archived_days ORDER BY 1"))
                .hasSize(4 * 3)
                .contains("2026-03-02 measurements", "2026-03-05 rejects");
        assertThat(work.resolve("archive/measurements/day=2026-03-05/data.parquet"))
                .isRegularFile();
        assertGolden(out);

        // when: an archived day is processed again
        GoldenJobTest.run(CASE, out, db, "--date", "2026-03-03", "--settings", settings.toString());
        GoldenJobTest.report(CASE, out, db, "2026-03-02", "2026-03-07");

        // then: archived again at once, the outputs unchanged
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM measurement_rows ORDER BY day"))
                .containsExactly("2026-03-06", "2026-03-07");
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM archived_days WHERE day = DATE '2026-03-03'"))
                .containsExactly("3");
        assertGolden(out);

        // when: the window is raised to ten days and the newest day runs again
        Files.writeString(
                settings, Files.readString(settings).replace("measurement-days = 2", "measurement-days = 10"));
        GoldenJobTest.run(CASE, out, db, "--date", "2026-03-07", "--settings", settings.toString());
        GoldenJobTest.report(CASE, out, db, "2026-03-02", "2026-03-07");

        // then: nothing is brought back into DuckDB; the reports still read the archive
        assertThat(DuckDbFile.rows(db, "SELECT DISTINCT day FROM measurement_rows ORDER BY day"))
                .containsExactly("2026-03-06", "2026-03-07");
        assertThat(DuckDbFile.rows(db, "SELECT count(*) FROM archived_days")).containsExactly("12");
        assertGolden(out);
    }

    private static void assertGolden(Path out) throws Exception {
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.read(out);
        List<String> compared = expected.keySet().stream().toList();
        for (String file : compared) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
    }
}
