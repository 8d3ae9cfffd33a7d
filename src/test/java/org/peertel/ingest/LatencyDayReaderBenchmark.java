package org.peertel.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Measures the throughput of the job's reader (not a test): {@link LatencyDay#read} as attributeStep reads a file,
 * the fast lane's rows taken as batches ({@link LatencyFileReader#advance()}). Writes a generated day file of
 * 2,000,000 rows (plain and gzip-compressed) into a temporary folder and reports rows/s for reading each, best of a
 * few rounds.
 * Run: {@code java -cp target/classes:target/test-classes org.peertel.ingest.LatencyDayReaderBenchmark [rows]}.
 */
public final class LatencyDayReaderBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 19);
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "JP", "BR", "IN", "us", "de"};
    private static final String[] STATES = {"CA", "VA", "NY", "TX", "WA"};
    private static final String[] POPS = {"iad1", "sfo2", "fra1", "lhr3", "nrt1", "gru1", "bom2"};
    private static final int ROUNDS = 5;

    private LatencyDayReaderBenchmark() {}

    /** Entry point; the optional argument is the number of rows to generate. */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path root = Files.createTempDirectory("peertel-bench");
        try {
            Path plain = Files.createDirectories(root.resolve("plain").resolve(DAY.toString()));
            Path gzip = Files.createDirectories(root.resolve("gzip").resolve(DAY.toString()));
            generate(plain.resolve("edge.csv"), rows, false);
            generate(gzip.resolve("edge.csv.gz"), rows, true);
            measure("csv", plain, rows);
            measure("csv.gz", gzip, rows);
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void measure(String label, Path folder, int rows) {
        double best = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            Count count = new Count();
            LatencyDay latency = LatencyDay.of(folder, DAY, IngestLimits.DEFAULTS, false);
            for (int fileNo = 0; fileNo < latency.files().size(); fileNo++) {
                latency.read(fileNo, count);
            }
            long measurements = count.measurements;
            long rejects = count.rejects;
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = (measurements + rejects) / seconds;
            best = Math.max(best, rate);
            System.out.printf(
                    "%-6s round %d: %,d measurements, %,d rejects in %.3f s = %,.0f rows/s%n",
                    label, round, measurements, rejects, seconds, rate);
            if (measurements + rejects != rows) {
                throw new IllegalStateException("expected " + rows + " rows");
            }
        }
        System.out.printf("%-6s best: %,.0f rows/s%n", label, best);
    }

    /** Reads a file as attributeStep does: the fast lane's rows as a batch, the reference chain's as objects. */
    private static final class Count implements Consumer<LatencyFileReader> {
        long measurements;
        long rejects;

        @Override
        public void accept(LatencyFileReader reader) {
            for (LatencyFileReader.Found found = reader.advance();
                    found != LatencyFileReader.Found.END;
                    found = reader.advance()) {
                if (found == LatencyFileReader.Found.MEASUREMENT_BATCH) {
                    measurements += reader.measurementBatch().size();
                } else if (reader.row() instanceof Measurement) {
                    measurements++;
                } else {
                    rejects++;
                }
            }
        }
    }

    /** Realistic rows: mixed IPv4/IPv6, offsets and fractions, ~1 % rejects, a few quoted fields. */
    private static void generate(Path file, int rows, boolean compressed) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(
                        compressed
                                ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)
                                : Files.newOutputStream(file),
                        StandardCharsets.UTF_8),
                1 << 16)) {
            out.write("timestamp,client_ip,country,state,edge_pop,rtt_ms\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                int second = random.nextInt(86_400);
                line.append("2026-11-19T")
                        .append(two(second / 3600))
                        .append(':')
                        .append(two(second / 60 % 60))
                        .append(':')
                        .append(two(second % 60));
                if (i % 3 == 0) {
                    line.append('.').append(100 + random.nextInt(900));
                }
                line.append(i % 10 == 0 ? "+00:00," : "Z,");
                if (i % 4 == 0) {
                    line.append("2001:db8:")
                            .append(Integer.toHexString(random.nextInt(65_536)))
                            .append("::")
                            .append(Integer.toHexString(1 + random.nextInt(65_535)));
                } else {
                    line.append(1 + random.nextInt(223))
                            .append('.')
                            .append(random.nextInt(256))
                            .append('.')
                            .append(random.nextInt(256))
                            .append('.')
                            .append(random.nextInt(256));
                }
                String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                line.append(',').append(country).append(',');
                if (country.equalsIgnoreCase("US")) {
                    line.append(STATES[random.nextInt(STATES.length)]);
                }
                String pop = POPS[random.nextInt(POPS.length)];
                line.append(',')
                        .append(i % 1000 == 7 ? "\"" + pop + ",x\"" : pop)
                        .append(',');
                line.append(random.nextInt(400)).append('.').append(random.nextInt(1000));
                if (i % 100 == 99) {
                    line.setLength(line.length() - 1);
                    line.append("x");
                }
                out.append(line).append('\n');
            }
        }
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
