package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.cli.PeertelMain;
import org.peertel.store.DuckDbFile;

/**
 * The month-to-date files on the golden week: off by setting, the month stays marked as behind, and the next run
 * with them on writes the whole month, not only its own day; a run that changes nothing leaves them as they are.
 */
class MonthReportsTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final String MONTH_FILE = "reports/acme/month-2026-03.csv";

    @TempDir
    Path work;

    @Test
    void monthsLeftBehindAreWrittenWholeByTheNextRunThatWritesMonths() throws Exception {
        // given: the week processed with the month files off
        Path off = settings("reports.month-to-date = false\n");
        assertThat(run(off, "--from", "2026-03-02", "--to", "2026-03-07")).isZero();
        assertThat(work.resolve("out").resolve(MONTH_FILE)).doesNotExist();
        assertThat(DuckDbFile.rows(db(), "SELECT month FROM stale_months")).containsExactly("2026-03-01");

        // when: one day again, with them on
        assertThat(run(settings(""), "--date", "2026-03-04")).isZero();

        // then: the month over the whole week, as the golden files have it, and nothing is behind any more
        Map<String, String> expected = OutputTree.read(CASE.resolve("expected"));
        Map<String, String> actual = OutputTree.read(work.resolve("out"));
        for (String customer : List.of("acme", "globex", "initech")) {
            for (String file : List.of("month-2026-03.csv", "month-2026-03-prefixes.csv")) {
                String name = "reports/" + customer + "/" + file;
                assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
            }
        }
        assertThat(DuckDbFile.rows(db(), "SELECT count(*) FROM stale_months")).containsExactly("0");
    }

    private Path settings(String more) throws IOException {
        return Files.writeString(
                work.resolve("settings-" + more.hashCode() + ".properties"),
                "alerts = " + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath() + "\n" + more);
    }

    private Path db() {
        return work.resolve("t.duckdb");
    }

    private int run(Path settings, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                settings.toString(),
                "--connections",
                CASE.resolve("input/connections.csv").toString(),
                "--input",
                CASE.resolve("input/latency").toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                db().toString()));
        args.addAll(List.of(days));
        StringWriter err = new StringWriter();
        int code = PeertelMain.execute(
                new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }
}
