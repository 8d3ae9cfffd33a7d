package org.peertel.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peertel.config.DuckDbSettings;

/**
 * Seconds to hand one day of attributed rows ({@link HandOverRows}, generated once per fork, not timed) to DuckDB
 * and commit them, the ways of the parameter {@code handOver}: one Appender ({@code appender}); two Appenders on two
 * threads, a connection each ({@code appenders2}); the CSV spool that main used before the binary spool, two threads
 * writing the files and publish-csv-measurements.sql's INSERT reading them with read_csv ({@code csvSpool}); Arrow
 * record batches through the C data interface, filled on DuckDB's request ({@code arrow}, what main does) or ahead by
 * two producer threads ({@code arrow2Producers}).
 *
 * <p>Every invocation starts from a fresh database file made by {@link TelemetryStore} (the real schema and the
 * job's DuckDB settings as jobs/telemetry/telemetry.properties ships them: 2GB memory limit, one thread per core;
 * preserve_insertion_order off) and ends with the rows committed and counted. The teardown then compares the sums
 * of every column with the generated rows, so a case that stores wrong rows fails instead of reporting a time, and
 * prints the process's CPU time against the wall time (how many cores the hand-over kept busy) beside the whole
 * machine's (whether other work took cores meanwhile).
 * Run: {@code mvn -Pjmh test-compile exec:exec@jmh -Djmh.args="-f 1 -wi 1 -i 3 HandOverBenchmark"} (BENCHMARKS.md).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class HandOverBenchmark {

    /** The rows and, per invocation, a fresh store. */
    @State(Scope.Benchmark)
    public static class Day {
        @Param({"appender", "appenders2", "csvSpool", "arrow", "arrow2Producers"})
        public String handOver;

        @Param({"10000000"})
        public int rows;
        /** DuckDB's threads; 0 for the job's default, one per core (-p duckdbThreads=1 shows what parallelism gives). */
        @Param({"0"})
        public int duckdbThreads;

        HandOverRows data;
        Path folder;
        Path db;
        TelemetryStore store;
        private long cpuAtStart;
        private long wallAtStart;
        private long[] machineAtStart;

        @Setup(Level.Trial)
        public void generate() {
            long start = System.nanoTime();
            data = new HandOverRows(rows);
            System.out.printf("%n%,d rows generated in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }

        @Setup(Level.Invocation)
        public void openFreshStore() throws IOException {
            folder = Files.createTempDirectory("peertel-handover");
            db = folder.resolve("peertel.duckdb");
            DuckDbSettings settings =
                    new DuckDbSettings(DuckDbSettings.DEFAULT_MEMORY_LIMIT, null, duckdbThreads, null);
            store = TelemetryStore.open(db, settings);
            machineAtStart = machineTicks();
            cpuAtStart = processCpuNanos();
            wallAtStart = System.nanoTime();
        }

        Connection connection() {
            return store.connection();
        }

        @TearDown(Level.Invocation)
        public void checkAndRemove() throws SQLException, IOException {
            double wall = (System.nanoTime() - wallAtStart) / 1e9;
            double cpu = (processCpuNanos() - cpuAtStart) / 1e9;
            long[] machine = machineTicks();
            double machineBusy = Runtime.getRuntime().availableProcessors()
                    * (double) (machine[0] - machineAtStart[0])
                    / Math.max(1, machine[1] - machineAtStart[1]);
            try {
                data.check(store.connection(), handOver);
                System.out.printf(
                        "%n%s: %.2f s wall, %.2f s CPU (%.1f cores busy; the whole machine %.1f of %d), "
                                + "%.1f M rows/s, sums checked%n",
                        handOver,
                        wall,
                        cpu,
                        cpu / wall,
                        machineBusy,
                        Runtime.getRuntime().availableProcessors(),
                        data.size / wall / 1e6);
            } finally {
                store.close();
                delete(folder);
            }
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /**
         * The machine's busy and total CPU ticks so far, all processes (the first line of /proc/stat): with this
         * process's own CPU time it shows whether other work took cores during a hand-over. Zeros off Linux.
         */
        private static long[] machineTicks() {
            try {
                String[] fields =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(fields.length, 9); i++) { // user .. steal
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle, iowait
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        private static void delete(Path folder) throws IOException {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Benchmark
    public void handOver(Day day) throws Exception {
        Connection connection = day.connection();
        switch (day.handOver) {
            case "appender" -> AppenderHandOver.load(connection, day.data, 1);
            case "appenders2" -> AppenderHandOver.load(connection, day.data, 2);
            case "csvSpool" -> SpoolHandOver.load(connection, day.db, day.data);
            case "arrow" -> ArrowHandOver.load(connection, day.data, 0);
            case "arrow2Producers" -> ArrowHandOver.load(connection, day.data, 2);
            default -> throw new IllegalArgumentException("no such hand-over: " + day.handOver);
        }
        day.data.checkCount(connection, day.handOver);
    }
}
