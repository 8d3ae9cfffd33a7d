package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peertel.ChildJvm;
import org.peertel.SampleBgpOff;
import org.peertel.cli.PeertelMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * kill -9 at every {@link CrashPoint} of a real run (a child JVM), then the same command again: the day ends exactly
 * like an uninterrupted run (every output file equals the golden one, the same DuckDB row counts, so nothing counted
 * twice or lost), no half-written file was ever visible, and the job repository shows the dead execution
 * FAILED and the restart COMPLETED in the same job instance.
 */
class CrashRestartTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final List<String> DAYS = List.of("2026-03-02", "2026-03-03", "2026-03-04");
    static final String CRASHED_DAY = DAYS.get(0);

    static Map<String, String> expectedOutputs;
    static Map<String, Long> expectedCounts;

    @TempDir
    Path work;

    @BeforeAll
    static void uninterruptedRun(@TempDir Path reference) throws Exception {
        assertEquals(0, run(reference, new StringWriter()), "the uninterrupted run");
        expectedCounts = counts(reference.resolve("t.duckdb"));
        expectedOutputs = new TreeMap<>(OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), DAYS));
        assertEquals(
                expectedOutputs,
                OutputTree.daysOnly(OutputTree.read(reference.resolve("out"))),
                "the reference run is golden");
        assertTrue(expectedCounts.get("measurements") > 0, expectedCounts.toString());
    }

    /**
     * What a kill at one point leaves behind: the output files a reader sees, the temporary file of the write it
     * interrupted (null: none), and the steps the restart runs.
     */
    record AfterCrash(Set<String> visible, String temporary, String restartedSteps) {}

    /** One row per crash point; the switch has no default, so a new point does not compile until it has its row. */
    static AfterCrash afterCrash(CrashPoint point) {
        return switch (point) {
            case ATTRIBUTE_CHUNK_WRITTEN ->
                new AfterCrash(
                        Set.of(), null, "attributeStep publishStep eventStep alertStep reportStep retentionStep");
            case PUBLISH_BEFORE_COMMIT, PUBLISH_COMMITTED ->
                new AfterCrash(Set.of(), null, "publishStep eventStep alertStep reportStep retentionStep");
            case ATOMIC_FILE_BEFORE_RENAME ->
                new AfterCrash(Set.of(), "alerts/." + CRASHED_DAY + ".csv.tmp", "alertStep reportStep retentionStep");
            case REPORT_BETWEEN_CUSTOMERS ->
                new AfterCrash(
                        Set.of(
                                "alerts/" + CRASHED_DAY + ".csv",
                                "alerts/" + CRASHED_DAY + "-resolved.csv",
                                "reports/acme/" + CRASHED_DAY + ".csv",
                                "reports/acme/" + CRASHED_DAY + "-prefixes.csv",
                                "reports/acme/" + CRASHED_DAY + "-hourly.csv"),
                        null,
                        "reportStep retentionStep");
            case DELIVERY_SENT_NOT_RECORDED ->
                throw new IllegalArgumentException(
                        "reached only with a webhook set: WebhookCrashTest kills a run there");
            case RETENTION_BEFORE_RENAME, RETENTION_ARCHIVED, RETENTION_DELETE_BEFORE_COMMIT ->
                throw new IllegalArgumentException(
                        "reached only when a day leaves the window: RetentionCrashTest kills a run there");
            case AGGREGATE_PARTITION_WRITTEN ->
                throw new IllegalArgumentException(
                        "reached only by a remote worker: the remote tests kill a worker there");
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = CrashPoint.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {
                "DELIVERY_SENT_NOT_RECORDED",
                "RETENTION_BEFORE_RENAME",
                "RETENTION_ARCHIVED",
                "RETENTION_DELETE_BEFORE_COMMIT",
                "AGGREGATE_PARTITION_WRITTEN"
            })
    void aRunKilledAtAnyPointEndsLikeAnUninterruptedOneWhenRunAgain(CrashPoint point) throws Exception {
        // given: a run of three days killed with SIGKILL at the crash point, during the first day
        AfterCrash afterCrash = afterCrash(point);
        killAt(point);

        // then: the child said at start-up that a test hook was armed
        String childErr = Files.readString(work.resolve("child.err"));
        assertTrue(
                childErr.startsWith(
                        "peertel: TEST HOOK ARMED: " + TestHooks.CRASH_AT + "=" + point.commandLineName() + ": "),
                childErr);

        // then: only complete files are visible, and exactly those written before the point
        Map<String, String> visible = visibleOutputs();
        for (Map.Entry<String, String> file : visible.entrySet()) {
            assertEquals(expectedOutputs.get(file.getKey()), file.getValue(), "visible after the crash: " + file);
        }
        assertEquals(afterCrash.visible(), visible.keySet(), "the files visible after the crash");
        assertFalse(visible.containsKey("runs/" + CRASHED_DAY + ".json"), "no run summary for the crashed day");
        if (afterCrash.temporary() != null) {
            assertTrue(Files.exists(work.resolve("out").resolve(afterCrash.temporary())), "killed before rename");
        }

        // when: the same command again
        StringWriter err = new StringWriter();
        int code = run(work, err);

        // then
        assertEquals(0, code, err.toString());
        Map<String, String> outputs = OutputTree.daysOnly(OutputTree.read(work.resolve("out")));
        assertEquals(expectedOutputs.keySet(), outputs.keySet(), "the same files, no stray temporary file");
        for (String file : expectedOutputs.keySet()) {
            assertEquals(expectedOutputs.get(file), outputs.get(file), file);
        }
        assertEquals(expectedCounts, counts(work.resolve("t.duckdb")), "rows per DuckDB table");
        assertEquals(
                List.of(
                        CRASHED_DAY + " attempt 1: FAILED, COMPLETED",
                        DAYS.get(1) + " attempt 1: COMPLETED",
                        DAYS.get(2) + " attempt 1: COMPLETED"),
                history(),
                "one job instance per day");
        assertFalse(
                stepStatuses(firstExecution(CRASHED_DAY)).contains("STARTED"),
                "the dead execution's steps are no longer STARTED");
        assertEquals(
                List.of(afterCrash.restartedSteps().split(" ")),
                steps(lastExecution(CRASHED_DAY)),
                "the restart ran only the steps that had not completed");
    }

    /** Starts the command in a child JVM, waits for the crash point's marker line, and kills it (SIGKILL). */
    private void killAt(CrashPoint point) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                ChildJvm.ARROW_OPENS,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                ChildJvm.classPath(),
                TestHooks.crashAtOption(point),
                PeertelMain.class.getName()));
        command.addAll(arguments(work));
        Process child = new ProcessBuilder(SampleBgpOff.command(command))
                .redirectError(work.resolve("child.err").toFile())
                .start();
        try {
            CompletableFuture<String> marker = CompletableFuture.supplyAsync(() -> ChildJvm.crashMarker(child));
            String seen = marker.get(90, TimeUnit.SECONDS);
            assertEquals(
                    TestHooks.CRASH_MARKER + point.commandLineName(),
                    seen,
                    "the child ended without reaching the point; stderr: "
                            + Files.readString(work.resolve("child.err")));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
        }
        assertNotEquals(0, child.exitValue(), "killed, not finished");
    }

    private static List<String> arguments(Path work) {
        return List.of(
                "run",
                "--from",
                DAYS.get(0),
                "--to",
                DAYS.get(DAYS.size() - 1),
                "--connections",
                CASE.resolve("input/connections.csv").toAbsolutePath().toString(),
                "--input",
                CASE.resolve("input/latency").toAbsolutePath().toString(),
                "--out",
                work.resolve("out").toString(),
                "--db",
                work.resolve("t.duckdb").toString());
    }

    private static int run(Path work, StringWriter err) {
        return SampleBgpOff.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                arguments(work).toArray(String[]::new));
    }

    /** The output files a reader can see: hidden temporary files ({@code .name.tmp}) left out. */
    private Map<String, String> visibleOutputs() throws IOException {
        Path out = work.resolve("out");
        if (!Files.exists(out)) {
            return Map.of();
        }
        Map<String, String> files = new TreeMap<>(OutputTree.daysOnly(OutputTree.read(out)));
        files.keySet().removeIf(name -> Path.of(name).getFileName().toString().startsWith("."));
        return files;
    }

    /** Rows per DuckDB table, and the files left in the spool (none after a completed run). */
    private static Map<String, Long> counts(Path db) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                var statement = connection.createStatement();
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery("SELECT table_name FROM information_schema.tables ORDER BY 1")) {
            while (tables.next()) {
                String table = tables.getString(1);
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        counts.put("spool files left", OutputTree.countFiles(Path.of(db.toAbsolutePath() + ".spool")));
        return counts;
    }

    private List<String> history() throws Exception {
        return JobHistoryTable.instances(work.resolve("t-jobs"));
    }

    private String firstExecution(String day) throws Exception {
        return execution(day, "min");
    }

    private String lastExecution(String day) throws Exception {
        return execution(day, "max");
    }

    private String execution(String day, String which) throws Exception {
        return query("SELECT " + which + "(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS "
                        + "WHERE PARAMETER_NAME = 'date' AND PARAMETER_VALUE = '" + day + "'")
                .get(0);
    }

    private List<String> steps(String execution) throws Exception {
        return query("SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + execution
                + " ORDER BY STEP_EXECUTION_ID");
    }

    private List<String> stepStatuses(String execution) throws Exception {
        return query("SELECT STEP_NAME || ' ' || STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + execution
                        + " ORDER BY STEP_EXECUTION_ID")
                .stream()
                .map(s -> s.substring(s.indexOf(' ') + 1))
                .toList();
    }

    private List<String> query(String sql) throws Exception {
        return JobHistoryTable.query(work.resolve("t-jobs"), sql);
    }
}
