package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.SampleBgpOff;
import org.peertel.TestPostgres;

/**
 * The real job, through the real command line, with its Spring Batch job repository on a real PostgreSQL server
 * (configured by the settings file alone). The server comes from PEERTEL_TEST_POSTGRES_URL, _USER and _PASSWORD,
 * which {@code .ci/run} exports after installing and starting Debian's PostgreSQL. Without a reachable server the
 * test is skipped with a message saying how to run it, except in CI (CI=true), where it fails. Each test works in a
 * fresh schema, dropped afterwards, so that leftovers of an earlier run do not matter.
 */
class PostgresJobRepositoryTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final List<String> BATCH_TABLES = List.of(
            "batch_job_execution",
            "batch_job_execution_context",
            "batch_job_execution_params",
            "batch_job_instance",
            "batch_step_execution",
            "batch_step_execution_context");

    @TempDir
    Path work;

    private TestPostgres.Server server;
    private TestPostgres.Schema fresh;
    private String schema;

    @AfterEach
    void dropSchema() throws SQLException {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void theJobRunsTwiceForADayWithItsHistoryInPostgres() throws Exception {
        // given: a fresh, empty schema and a settings file naming it
        TestPostgres.Server repository = freshSchema();
        Path settings = settings(repository.url(), repository.user(), repository.password());
        assertEquals(List.of(), batchTables(), "nothing there before the first run");

        // when: two days, then the second day again (a new attempt; the schema is already there)
        Run first = run(settings, "--from", "2026-03-02", "--to", "2026-03-03");
        List<String> tablesAfterFirstRun = batchTables();
        Run second = run(settings, "--date", "2026-03-03");

        // then: both runs succeed, and the schema was created by the first one
        assertEquals(0, first.code(), "first run; stderr: " + first.err());
        assertEquals(0, second.code(), "second run; stderr: " + second.err());
        assertEquals(BATCH_TABLES, tablesAfterFirstRun, "Spring Batch's tables, created on first use");
        assertTrue(second.out().contains("\n2026-03-03  COMPLETED "), second.out());

        // then: the outputs are the golden ones for those two days
        Map<String, String> expected =
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), List.of("2026-03-02", "2026-03-03"));
        Map<String, String> actual = OutputTree.daysOnly(OutputTree.read(work.resolve("out")));
        assertEquals(
                2 + 2 + 2 + 2 + 3 * 3 * 2,
                expected.size(),
                "alerts, resolved incidents, rejects, runs, 3 customers' reports, 2 days");
        assertEquals(expected, actual);

        // then: the history is in PostgreSQL, not in the H2 file beside the DuckDB file
        assertEquals(
                List.of(
                        "2026-03-02 attempt 1: COMPLETED",
                        "2026-03-03 attempt 1: COMPLETED",
                        "2026-03-03 attempt 2: COMPLETED"),
                history());
        assertEquals(2, instancesOf("2026-03-03"), "two job instances for the day");
        assertEquals(
                List.of(
                        "attributeStep COMPLETED",
                        "publishStep COMPLETED",
                        "eventStep COMPLETED",
                        "alertStep COMPLETED",
                        "reportStep COMPLETED",
                        "retentionStep COMPLETED"),
                stepsOfLastExecution("2026-03-03"));
        assertFalse(Files.exists(work.resolve("t-jobs.mv.db")), "no H2 job repository");

        // and: peertel history reads it there, without a run lock
        StringWriter listed = new StringWriter();
        int code = SampleBgpOff.execute(
                new PrintWriter(listed),
                new PrintWriter(new StringWriter()),
                "history",
                "--settings",
                settings.toString(),
                "--db",
                work.resolve("t.duckdb").toString());
        assertEquals(0, code);
        assertEquals(
                List.of("2026-03-02 1 COMPLETED", "2026-03-03 1 COMPLETED", "2026-03-03 2 COMPLETED"),
                HistoryAndSummaryTest.cells(listed.toString()).stream()
                        .skip(1)
                        .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                        .toList());
        assertFalse(Files.exists(work.resolve("t.duckdb.lock.server")), "nothing served: PostgreSQL serves itself");
    }

    @Test
    void aWrongPasswordStopsTheRunBeforeAnyOutputNamingTheSetting() throws Exception {
        // given
        TestPostgres.Server repository = freshSchema();
        Path settings = settings(repository.url(), repository.user(), "wrong-" + repository.password());

        // when
        Run run = run(settings, "--date", "2026-03-02");

        // then
        assertEquals(2, run.code(), run.err());
        String message = run.lastErrLine();
        assertTrue(
                message.startsWith("peertel: the job repository " + repository.url() + " as user '" + repository.user()
                        + "' refused the login ("),
                run.err());
        assertTrue(
                message.endsWith("fix job-repository.user at " + settings + ":5 or job-repository.password at "
                        + settings + ":6"),
                run.err());
        assertFalse(run.err().contains(repository.password()), "the password is never printed");
        assertFalse(Files.exists(work.resolve("out")), "no output touched");
        assertFalse(Files.exists(work.resolve("t.duckdb")), "no DuckDB file created");
        assertEquals(List.of(), batchTables());
    }

    @Test
    void anUnreachableServerStopsTheRunBeforeAnyOutputNamingTheSetting() throws Exception {
        // given: nothing listens on port 1 (needs no PostgreSQL server)
        Path settings = settings("jdbc:postgresql://127.0.0.1:1/peertel", "peertel", "never-printed");

        // when
        Run run = run(settings, "--date", "2026-03-02");

        // then
        assertEquals(2, run.code(), run.err());
        assertTrue(
                run.lastErrLine()
                        .startsWith("peertel: cannot reach the job repository "
                                + "jdbc:postgresql://127.0.0.1:1/peertel as user 'peertel' ("),
                run.err());
        assertTrue(
                run.lastErrLine()
                        .endsWith("check that the server is running and reachable, or fix " + "job-repository.url at "
                                + settings + ":4"),
                run.err());
        assertFalse(run.err().contains("never-printed"), run.err());
        assertFalse(Files.exists(work.resolve("out")), "no output touched");
        assertFalse(Files.exists(work.resolve("t.duckdb")), "no DuckDB file created");
    }

    @Test
    void aUrlWithoutDriverStopsTheRunNamingTheSetting() throws Exception {
        Path settings = settings("jdbc:mysql://localhost/peertel", "peertel", "never-printed");

        Run run = run(settings, "--date", "2026-03-02");

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("no JDBC driver for this URL"), run.err());
        assertTrue(run.lastErrLine().endsWith("fix job-repository.url at " + settings + ":4"), run.err());
        assertFalse(Files.exists(work.resolve("out")), "no output touched");
    }

    // ---------------------------------------------------------------------------------------------------------

    record Run(int code, String out, String err) {

        /** The error message; lines before it are the registry's warning count. */
        String lastErrLine() {
            List<String> lines = err.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private Run run(Path settings, String... days) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--settings",
                settings.toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString()));
        args.addAll(List.of(days));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SampleBgpOff.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** A settings file for the golden week case with the given job repository (url on line 4). */
    private Path settings(String url, String user, String password) throws IOException {
        Path file = work.resolve("telemetry.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "connections = " + CASE.resolve("input/connections.csv").toAbsolutePath(),
                        "input = " + CASE.resolve("input/latency").toAbsolutePath(),
                        "alerts = "
                                + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath(),
                        "job-repository.url = " + url,
                        "job-repository.user = " + user,
                        "job-repository.password = " + password,
                        ""));
        return file;
    }

    /** Creates a fresh schema on the test server; skips (or, in CI, fails) when there is no server. */
    private TestPostgres.Server freshSchema() throws SQLException {
        fresh = TestPostgres.freshSchema("PostgresJobRepositoryTest");
        server = fresh.server();
        schema = fresh.name();
        return fresh.repository();
    }

    private List<String> batchTables() throws SQLException {
        if (schema == null) {
            return List.of();
        }
        return strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                        + "AND table_name LIKE 'batch%' ORDER BY table_name",
                schema);
    }

    /** "day attempt n: status, status" per job instance. */
    private List<String> history() throws SQLException {
        return strings("""
                SELECT d.parameter_value || ' attempt ' || a.parameter_value || ': '
                       || string_agg(e.status, ', ' ORDER BY e.job_execution_id)
                FROM %1$s.batch_job_execution e
                JOIN %1$s.batch_job_execution_params d ON d.job_execution_id = e.job_execution_id
                     AND d.parameter_name = 'date'
                JOIN %1$s.batch_job_execution_params a ON a.job_execution_id = e.job_execution_id
                     AND a.parameter_name = 'attempt'
                GROUP BY e.job_instance_id, d.parameter_value, a.parameter_value
                ORDER BY d.parameter_value, a.parameter_value""".formatted(schema));
    }

    private long instancesOf(String day) throws SQLException {
        return Long.parseLong(strings("""
                SELECT count(DISTINCT e.job_instance_id)::text FROM %1$s.batch_job_execution e
                JOIN %1$s.batch_job_execution_params d ON d.job_execution_id = e.job_execution_id
                WHERE d.parameter_name = 'date' AND d.parameter_value = ?""".formatted(schema), day).get(0));
    }

    private List<String> stepsOfLastExecution(String day) throws SQLException {
        return strings("""
                SELECT s.step_name || ' ' || s.status FROM %1$s.batch_step_execution s
                WHERE s.job_execution_id = (SELECT max(p.job_execution_id) FROM %1$s.batch_job_execution_params p
                                            WHERE p.parameter_name = 'date' AND p.parameter_value = ?)
                ORDER BY s.step_execution_id""".formatted(schema), day);
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = server.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
