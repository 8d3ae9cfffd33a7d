package org.peertel.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peertel.ChildJvm;
import org.peertel.TestPostgres;
import org.peertel.remote.ArtemisBroker;
import org.peertel.remote.ArtemisBrokerMain;
import org.peertel.testhook.CrashPoint;
import org.peertel.testhook.TestHooks;

/**
 * The golden week run by remote workers, with every part real: a manager JVM ({@code run --workers remote}), worker
 * JVMs ({@code peertel worker}), an ActiveMQ Artemis broker in a JVM of its own, the job repository on the test
 * PostgreSQL server (a fresh schema per test) and a shared folder, all on 127.0.0.1. The outputs must equal the
 * single-process golden files byte for byte, also when workers are killed mid-partition (at crash points, never by
 * timing), the broker stops mid-run, no worker runs, or a partition cannot succeed. Every process a test starts is
 * stopped by its PID.
 */
class RemoteWorkersTest {

    static final Path CASE = GoldenJobTest.CASES.resolve("week");
    static final String FIRST_DAY = "2026-03-02";
    static final String LAST_DAY = "2026-03-07";

    /** The broker's queue of partition requests (the remote package's PartitionRequests.QUEUE). */
    static final String PARTITIONS_QUEUE = "peertel.partitions";

    /** How a worker says it is ready, and how it reports each partition. */
    static final String WORKER_READY = "peertel worker: taking partitions from ";

    @TempDir
    Path work;

    private TestPostgres.Schema schema;
    private ArtemisBroker broker;
    private final List<Process> started = new ArrayList<>();
    private int workerCount;

    @BeforeEach
    void startBrokerAndRepository() throws Exception {
        schema = TestPostgres.freshSchema("RemoteWorkersTest");
        broker = ArtemisBroker.start(work.resolve("broker"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theGoldenWeekRunByTwoWorkersEqualsTheSingleProcessOutputs() throws Exception {
        // given: two workers
        Path settings = settings(Duration.ofMinutes(2));
        Worker first = worker(settings);
        Worker second = worker(settings);

        // when
        ChildJvm.Finished manager = manager(settings, "--from", FIRST_DAY, "--to", LAST_DAY);

        // then: every output file of the days is the golden one
        assertEquals(0, manager.code(), manager.toString());
        assertEquals(
                OutputTree.daysOnly(OutputTree.read(CASE.resolve("expected"))),
                OutputTree.daysOnly(OutputTree.read(work.resolve("out"))));
        // and: the workers shared the partitions: one per input file and one per bucket (3) each day
        List<String> done = new ArrayList<>(first.partitions("COMPLETED"));
        done.addAll(second.partitions("COMPLETED"));
        assertEquals(partitionsOfTheWeek(), done.stream().sorted().toList());
        assertTrue(
                !first.partitions("COMPLETED").isEmpty()
                        && !second.partitions("COMPLETED").isEmpty(),
                done + "");
        // and: the job repository has each day's remote steps, and the shared folder keeps nothing
        assertEquals(
                List.of(
                        "attributeStep COMPLETED",
                        "collectStep COMPLETED",
                        "aggregateStep COMPLETED",
                        "publishStep COMPLETED",
                        "eventStep COMPLETED",
                        "alertStep COMPLETED",
                        "reportStep COMPLETED",
                        "retentionStep COMPLETED"),
                managerSteps(LAST_DAY));
        assertEquals(List.of(), filesIn(work.resolve("shared")));
    }

    @Test
    void workersKilledDuringAttributionAndDuringAggregationLeaveTheOutputsUnchanged() throws Exception {
        // given: one worker at a time, so that which one gets a partition is certain. The first stops dead in its
        // first attribution partition, the second in its first aggregation partition.
        Path settings = settings(Duration.ofMinutes(2));
        Worker dyingInAttribution = worker(settings, TestHooks.crashAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN));
        Process manager = managerProcess(settings, "--date", FIRST_DAY);

        // when: each is killed (SIGKILL) at its point, and a third worker finishes
        dyingInAttribution.killAt(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN);
        Worker dyingInAggregation = worker(settings, TestHooks.crashAtOption(CrashPoint.AGGREGATE_PARTITION_WRITTEN));
        dyingInAggregation.killAt(CrashPoint.AGGREGATE_PARTITION_WRITTEN);
        Worker last = worker(settings);
        int code = finish(manager);

        // then: the day is the golden one
        assertEquals(0, code, read(work.resolve("manager.out")));
        assertEquals(
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), List.of(FIRST_DAY)),
                OutputTree.daysOnly(OutputTree.read(work.resolve("out"))));
        // and: the partition each killed worker held was given to the next worker and completed there, once
        assertEquals(List.of(), dyingInAttribution.partitions("COMPLETED"));
        String attributionRedone = "attributePartition:files-000 of " + FIRST_DAY;
        String aggregationRedone = "aggregatePartition:bucket-000 of " + FIRST_DAY;
        assertTrue(dyingInAggregation.partitions("COMPLETED").contains(attributionRedone), dyingInAggregation.log());
        assertTrue(!dyingInAggregation.partitions("COMPLETED").contains(aggregationRedone), dyingInAggregation.log());
        assertTrue(last.partitions("COMPLETED").contains(aggregationRedone), last.log());
        // and: in the repository every partition of the first day ran in one step execution, now COMPLETED
        assertEquals(List.of(), partitionsNotCompletedOnce(FIRST_DAY));
    }

    @Test
    void aBrokerStoppedMidRunFailsTheDayAndTheSameCommandFinishesIt() throws Exception {
        // given: a worker running one partition at a time, which pauses in its first one while the broker stops
        Path settings = settings(Duration.ofSeconds(5));
        Worker pausing = worker(
                settings,
                List.of(TestHooks.pauseAtOption(CrashPoint.ATTRIBUTE_CHUNK_WRITTEN, 3_000)),
                "--partitions-at-once",
                "1");
        Process manager = managerProcess(settings, "--date", FIRST_DAY);
        pausing.awaitLine(TestHooks.PAUSE_MARKER + CrashPoint.ATTRIBUTE_CHUNK_WRITTEN.commandLineName());

        // when: the broker stops; the manager gives up after workers.timeout
        broker.stop();
        int failed = finish(manager);

        // then: the day failed, naming the partitions left
        String output = read(work.resolve("manager.out"));
        assertEquals(1, failed, output);
        assertTrue(
                output.contains("no remote worker started or finished a partition for 5 s (workers.timeout)"), output);

        // when: the broker is back, and the same command runs again
        broker.restart();
        ChildJvm.Finished again = manager(settings, "--date", FIRST_DAY);

        // then: the day completes with the golden outputs
        assertEquals(0, again.code(), again.toString());
        assertEquals(
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), List.of(FIRST_DAY)),
                OutputTree.daysOnly(OutputTree.read(work.resolve("out"))));
    }

    @Test
    void withoutAWorkerTheDayFailsNamingThePartitionsAndTheSameCommandFinishesItOnceOneRuns() throws Exception {
        // given: no worker
        Path settings = settings(Duration.ofSeconds(3));

        // when
        ChildJvm.Finished alone = manager(settings, "--date", FIRST_DAY);

        // then: the day failed after workers.timeout, naming every partition, none left STARTING
        assertEquals(1, alone.code(), alone.toString());
        assertTrue(
                alone.err().contains("no worker took attributePartition:files-000, attributePartition:files-001; "),
                alone.err());
        assertEquals(
                List.of("attributePartition:files-000 FAILED", "attributePartition:files-001 FAILED"),
                partitionStates(FIRST_DAY));

        // when: a worker runs, and the same command again
        Worker worker = worker(settings);
        ChildJvm.Finished again = manager(settings, "--date", FIRST_DAY);

        // then: the day completes; the first run's requests were dropped, its partitions run anew
        assertEquals(0, again.code(), again.toString());
        assertEquals(
                OutputTree.ofDays(OutputTree.read(CASE.resolve("expected")), List.of(FIRST_DAY)),
                OutputTree.daysOnly(OutputTree.read(work.resolve("out"))));
        assertEquals(
                2,
                worker.lines(": dropped: its job execution has ended (FAILED)").size(),
                worker.log());
    }

    @Test
    void aPartitionThatCannotSucceedFailsTheDayOnceNamingItsFile() throws Exception {
        // given: a day with a file that is not gzip, bad files not skipped
        Path input = work.resolve("input");
        copyDay(FIRST_DAY, input);
        Files.write(input.resolve(FIRST_DAY).resolve("zz-broken.csv.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
        Path settings = settings(Duration.ofMinutes(2), input);
        Worker worker = worker(settings);

        // when
        ChildJvm.Finished poisoned = manager(settings, "--date", FIRST_DAY);

        // then: the day failed with the file named, and its partition ran once (no redelivery)
        assertEquals(1, poisoned.code(), poisoned.toString());
        assertTrue(poisoned.err().contains("zz-broken.csv.gz (not_gzip)"), poisoned.err());
        assertEquals(1, worker.partitions("FAILED").size(), worker.log());

        // when: restarted with the bad file skipped
        ChildJvm.Finished skipping = manager(settings, "--date", FIRST_DAY, "--skip-bad-files");

        // then
        assertEquals(0, skipping.code(), skipping.toString());
        assertTrue(skipping.out().contains("PARTIAL: 1 bad file skipped"), skipping.out());
    }

    @Test
    void aRequestNoWorkerCanStartGoesToTheDeadLetterAddressAfterTheDeliveryLimit() throws Exception {
        // given: a worker, and a request on its queue that names no step execution it could run
        Worker worker = worker(settings(Duration.ofMinutes(2)));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                JMSContext context = factory.createContext()) {
            // when
            context.createProducer().send(context.createQueue(PARTITIONS_QUEUE), "not a partition request");

            // then: the worker's session rolled back each delivery, and after the broker's limit (3 here) the request
            // is on the dead-letter address, not on the queue
            Message dead = context.createConsumer(context.createQueue(ArtemisBrokerMain.DEAD_LETTER_ADDRESS + "::"
                            + ArtemisBrokerMain.DEAD_LETTER_QUEUE_PREFIX + PARTITIONS_QUEUE))
                    .receive(TimeUnit.MINUTES.toMillis(1));
            assertTrue(dead != null, "dead-lettered; the worker said:\n" + worker.log());
            assertEquals("not a partition request", ((TextMessage) dead).getText());
            assertEquals(PARTITIONS_QUEUE, dead.getStringProperty("_AMQ_ORIG_QUEUE"));
            assertEquals(
                    null,
                    context.createConsumer(context.createQueue(PARTITIONS_QUEUE))
                            .receive(500));
        }
    }

    /** Each day's partitions as the workers report them: one per input file and one per bucket. */
    private static List<String> partitionsOfTheWeek() throws IOException {
        List<String> partitions = new ArrayList<>();
        for (String day : GoldenJobTest.days(CASE)) {
            long files;
            try (Stream<Path> list = Files.list(CASE.resolve("input/latency").resolve(day))) {
                files = list.filter(file -> file.toString().matches(".*\\.csv(\\.gz)?"))
                        .count();
            }
            for (int file = 0; file < files; file++) {
                partitions.add(String.format("attributePartition:files-%03d of %s", file, day));
            }
            for (int bucket = 0; bucket < 3; bucket++) {
                partitions.add(String.format("aggregatePartition:bucket-%03d of %s", bucket, day));
            }
        }
        return partitions.stream().sorted().toList();
    }

    /** The settings of the golden week case with the test's job repository, broker and shared folder. */
    private Path settings(Duration timeout) throws IOException {
        return settings(timeout, CASE.resolve("input/latency"));
    }

    private Path settings(Duration timeout, Path input) throws IOException {
        TestPostgres.Server repository = schema.repository();
        Path shared = Files.createDirectories(work.resolve("shared"));
        Path file = work.resolve("remote.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "connections = " + CASE.resolve("input/connections.csv").toAbsolutePath(),
                        "input = " + input.toAbsolutePath(),
                        "out = " + work.resolve("out").toAbsolutePath(),
                        "db = " + work.resolve("peertel.duckdb").toAbsolutePath(),
                        "alerts = "
                                + Path.of("jobs/telemetry/alerts.properties").toAbsolutePath(),
                        "job-repository.url = " + repository.url(),
                        "job-repository.user = " + repository.user(),
                        "job-repository.password = " + repository.password(),
                        "broker.url = " + broker.url(),
                        "shared.dir = " + shared.toAbsolutePath(),
                        "workers.timeout = " + timeout.toSeconds() + "s",
                        "workers.buckets = 3",
                        "workers.bucket-min-bytes = 1",
                        "duckdb.memory-limit = 256MB",
                        ""));
        return file;
    }

    private void copyDay(String day, Path input) throws IOException {
        Path from = CASE.resolve("input/latency").resolve(day);
        Path to = Files.createDirectories(input.resolve(day));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** The JVM options of every child: a small heap, and DuckDB's unpacked library in the test's folder. */
    private List<String> childOptions(String... more) throws IOException {
        List<String> options = new ArrayList<>(
                List.of("-Xmx384m", "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp"))));
        options.addAll(List.of(more));
        return options;
    }

    /** Starts {@code peertel worker} with JVM {@code options} and returns once it takes partitions. */
    private Worker worker(Path settings, String... options) throws Exception {
        return worker(settings, List.of(options));
    }

    private Worker worker(Path settings, List<String> options, String... arguments) throws Exception {
        Path log = work.resolve("worker-" + (++workerCount) + ".log");
        List<String> command = new ArrayList<>(List.of("worker", "--settings", settings.toString()));
        command.addAll(List.of(arguments));
        Process process = ChildJvm.peertelProcess(childOptions(options.toArray(String[]::new)), command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        Worker worker = new Worker(process, log);
        worker.awaitLine(WORKER_READY);
        return worker;
    }

    /** A worker's process and its output. */
    private record Worker(Process process, Path output) {

        String log() {
            return read(output);
        }

        List<String> lines(String containing) {
            return log().lines().filter(line -> line.contains(containing)).toList();
        }

        /** The partitions it reported with {@code status}, as "attributePartition:files-000 of 2026-03-02". */
        List<String> partitions(String status) {
            return lines(" " + status + " in ").stream()
                    .map(line -> line.replaceFirst("^peertel worker: ", "").replaceFirst(" " + status + " in .*$", ""))
                    .toList();
        }

        /** Waits (at most 2 minutes) until a line of its output starts with {@code start}. */
        void awaitLine(String start) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < until) {
                if (log().lines().anyMatch(line -> line.startsWith(start))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the worker ended before '" + start + "':\n" + log());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no '" + start + "' from the worker in 2 minutes:\n" + log());
        }

        /** Waits until it stands at its crash point, then kills it (SIGKILL) and waits for its end. */
        void killAt(CrashPoint point) throws InterruptedException {
            awaitLine(TestHooks.CRASH_MARKER + point.commandLineName());
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed worker ended");
        }
    }

    private List<String> managerArguments(Path settings, String... days) {
        List<String> args = new ArrayList<>(List.of("run", "--workers", "remote", "--settings", settings.toString()));
        args.addAll(List.of(days));
        return args;
    }

    /** Runs the manager to its end. */
    private ChildJvm.Finished manager(Path settings, String... days) throws Exception {
        return ChildJvm.peertel(work, childOptions(), managerArguments(settings, days));
    }

    /** Starts the manager, its output (both streams) into manager.out. */
    private Process managerProcess(Path settings, String... days) throws Exception {
        Process process = ChildJvm.peertelProcess(childOptions(), managerArguments(settings, days))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("manager.out").toFile())
                .start();
        started.add(process);
        return process;
    }

    private static int finish(Process manager) throws InterruptedException {
        assertTrue(manager.waitFor(5, TimeUnit.MINUTES), "the manager ended within 5 minutes");
        return manager.exitValue();
    }

    /** The manager's steps of the day's last execution, "name STATUS", in the order they ran. */
    private List<String> managerSteps(String day) throws SQLException {
        return strings("""
                SELECT s.step_name || ' ' || s.status FROM batch_step_execution s
                WHERE s.job_execution_id = (SELECT max(p.job_execution_id) FROM batch_job_execution_params p
                                            WHERE p.parameter_name = 'date' AND p.parameter_value = ?)
                  AND s.step_name NOT LIKE '%:%'
                ORDER BY s.step_execution_id""", day);
    }

    /** The day's attribution partitions, "name STATUS", of its first execution. */
    private List<String> partitionStates(String day) throws SQLException {
        return strings("""
                SELECT s.step_name || ' ' || s.status FROM batch_step_execution s
                WHERE s.job_execution_id = (SELECT min(p.job_execution_id) FROM batch_job_execution_params p
                                            WHERE p.parameter_name = 'date' AND p.parameter_value = ?)
                  AND s.step_name LIKE 'attributePartition:%'
                ORDER BY s.step_name""", day);
    }

    /** The day's partitions that did not run in exactly one step execution, COMPLETED. */
    private List<String> partitionsNotCompletedOnce(String day) throws SQLException {
        return strings("""
                SELECT s.step_name || ': ' || string_agg(s.status, ', ') FROM batch_step_execution s
                JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
                WHERE p.parameter_name = 'date' AND p.parameter_value = ? AND s.step_name LIKE '%:%'
                GROUP BY s.step_name
                HAVING count(*) <> 1 OR min(s.status) <> 'COMPLETED' OR max(s.status) <> 'COMPLETED'
                ORDER BY s.step_name""", day);
    }

    private List<String> strings(String sql, String day) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = schema.repository().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, day);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For a failing test: every log at once. */
    @SuppressWarnings("unused")
    private Map<String, String> logs() throws IOException {
        return OutputTree.read(work);
    }
}
