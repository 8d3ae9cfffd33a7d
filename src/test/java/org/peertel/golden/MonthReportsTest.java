package org.peertel.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.report.MonthReports;
import org.peertel.report.OutputLayout;
import org.peertel.report.RegistryOwners;
import org.peertel.store.DuckDbFile;
import org.peertel.store.TelemetryStore;

/**
 * The month-to-date files on the golden week: off by setting, the month stays marked as behind, and the next run
 * with them on writes the whole month, not only its own day. Reprocessing a day rewrites the files of every month
 * whose figures or alerts changed, the next month's too when REGRESSION is judged again there.
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

    @Test
    void aStopRequestLeavesTheMonthBehindForTheNextRun() throws Exception {
        // given: the week processed with the month files off
        assertThat(run(settings("reports.month-to-date = false\n"), "--from", "2026-03-02", "--to", "2026-03-07"))
                .isZero();

        // when: the month files written with a stop requested after the first customer's
        List<YearMonth> written;
        int[] customers = {0};
        try (TelemetryStore store = TelemetryStore.open(db())) {
            written = MonthReports.writeBehind(
                    store,
                    new OutputLayout(work.resolve("out")),
                    RegistryOwners.of(CASE.resolve("input/connections.csv")),
                    () -> customers[0]++ > 0);
        }

        // then: no month counts as written, the last customers have no files, and the next run writes them all
        assertThat(written).isEmpty();
        assertThat(DuckDbFile.rows(db(), "SELECT month FROM stale_months")).containsExactly("2026-03-01");
        assertThat(work.resolve("out/reports/acme/month-2026-03.csv")).exists();
        assertThat(work.resolve("out/reports/globex/month-2026-03.csv")).doesNotExist();
        assertThat(run(settings(""), "--date", "2026-03-07")).isZero();
        assertThat(work.resolve("out/reports/globex/month-2026-03.csv")).exists();
        assertThat(DuckDbFile.rows(db(), "SELECT count(*) FROM stale_months")).containsExactly("0");
    }

    @Test
    void reprocessingTheLastDayOfAMonthRewritesTheNextMonthWhoseRegressionItChanges() throws Exception {
        // given: acme-1 at 10 ms on 03-29 and 03-30, no row on 03-31, 20 ms on 04-01: two baseline days, fewer
        // than regression.min_baseline_days (3), so 04-01 raises no REGRESSION
        Path connections = Files.writeString(
                work.resolve("connections.csv"),
                "connection_id,customer_id,name,partner,country,state,prefixes\n"
                        + "acme-1,acme,Acme Berlin,IX,DE,,192.0.2.0/24\n"
                        + "beta-1,beta,Beta Berlin,IX,DE,,198.51.100.0/24\n");
        Path latency = work.resolve("latency");
        writeDay(latency, "2026-03-29", 10, true);
        writeDay(latency, "2026-03-30", 10, true);
        writeDay(latency, "2026-03-31", 10, false);
        writeDay(latency, "2026-04-01", 20, true);
        Path out = work.resolve("out");
        assertThat(run(settings(""), connections, latency, out, db(), "--from", "2026-03-29", "--to", "2026-04-01"))
                .isZero();
        Path april = out.resolve("reports/acme/month-2026-04.csv");
        assertThat(column(april, "alert_days")).containsExactly("0");

        // when: 03-31's rows of acme-1 arrive late and only 03-31 is run again
        writeDay(latency, "2026-03-31", 10, true);
        assertThat(run(settings(""), connections, latency, out, db(), "--date", "2026-03-31"))
                .isZero();

        // then: 04-01 now has three baseline days and raises REGRESSION (20 > 1.5 x 10 ms), and April's files say so,
        // as a clean run over the four days writes them
        assertThat(column(april, "alert_days")).containsExactly("1");
        Path clean = work.resolve("clean");
        assertThat(run(
                        settings(""),
                        connections,
                        latency,
                        clean,
                        work.resolve("clean.duckdb"),
                        "--from",
                        "2026-03-29",
                        "--to",
                        "2026-04-01"))
                .isZero();
        for (String file : List.of("month-2026-03.csv", "month-2026-04.csv", "month-2026-04.html")) {
            assertThat(Files.readString(out.resolve("reports/acme").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readString(clean.resolve("reports/acme").resolve(file)));
        }
        assertThat(Files.readString(out.resolve("reports/acme/month-2026-04.html")))
                .contains("REGRESSION");
    }

    /** One latency file for the day: 40 rows of beta-1 and, when {@code acme}, 40 of acme-1 at {@code acmeMs}. */
    private static void writeDay(Path latency, String day, int acmeMs, boolean acme) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,client_ip,country,state,edge_pop,rtt_ms\n");
        for (int i = 0; i < 40; i++) {
            String time = day + "T10:" + (i < 10 ? "0" : "") + i + ":00Z";
            csv.append(time).append(",198.51.100.7,DE,,fra1,30\n");
            if (acme) {
                csv.append(time).append(",192.0.2.7,DE,,fra1,").append(acmeMs).append('\n');
            }
        }
        Files.createDirectories(latency.resolve(day));
        Files.writeString(latency.resolve(day).resolve("fra1.csv"), csv);
    }

    /** The values of one column of a CSV file with a header, in order. */
    private static List<String> column(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int index = List.of(lines.get(0).split(",", -1)).indexOf(name);
        assertThat(index).as("%s has a column %s", file, name).isNotNegative();
        return lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",", -1)[index])
                .toList();
    }

    private static int run(Path settings, Path connections, Path latency, Path out, Path db, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                settings.toString(),
                "--connections",
                connections.toString(),
                "--input",
                latency.toString(),
                "--out",
                out.toString(),
                "--db",
                db.toString()));
        args.addAll(List.of(days));
        return PeertelCall.succeeding(args).code();
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
        return run(
                settings,
                CASE.resolve("input/connections.csv"),
                CASE.resolve("input/latency"),
                work.resolve("out"),
                db(),
                days);
    }
}
