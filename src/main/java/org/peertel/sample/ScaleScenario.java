package org.peertel.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a large synthetic data set for benchmarks: the {@link ScaleRegistry} connections and, per day, the
 * requested rows split evenly over the edge PoP files. Each (day, file) has its own random stream, so files are
 * written in parallel and still come out byte-identical for the same {@link ScaleSettings}. Within a file the
 * timestamps rise evenly over the day (millisecond precision).
 *
 * <p>Row mix: {@value #BAD_SHARE} bad rows (one reject reason each, cycling), {@value #NO_PREFIX_SHARE} no_prefix,
 * {@value #MISMATCH_SHARE} location_mismatch, the rest attributed (80 % from connections homed at the file's PoP).
 */
final class ScaleScenario {

    static final double BAD_SHARE = 0.01;
    static final double NO_PREFIX_SHARE = 0.02;
    static final double MISMATCH_SHARE = 0.015;
    static final double REGRESSION_FACTOR = 2.5;

    private static final List<String> NAMED_POPS = List.of("ams1", "fra1", "iad1", "sjc1", "lhr1", "cdg1", "nrt1",
            "sin1", "syd1", "gru1", "ord1", "dfw1");
    private static final double HOME_SHARE = 0.8;
    private static final double SIGMA = 0.25;
    private static final double[] LOG_NORMAL_FACTORS = logNormalFactors();

    private ScaleScenario() {
    }

    /** The edge PoP names of a run with {@code files} files per day. */
    static List<String> edgePops(int files) {
        List<String> pops = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
            pops.add(f < NAMED_POPS.size() ? NAMED_POPS.get(f) : "edge" + (f + 1));
        }
        return pops;
    }

    /** Writes {@code connections.csv} and {@code latency/<day>/<pop>.csv[.gz]} under {@code outDir}. */
    static void write(Path outDir, ScaleSettings settings) throws IOException {
        List<ScaleSite> sites = ScaleRegistry.build(settings.connections(), settings.seed());
        ConnectionsCsvWriter.write(outDir.resolve("connections.csv"),
                sites.stream().map(ScaleSite::registry).toList(), " ");
        byte[][] noPrefixClients = ScaleRegistry.noPrefixClients(settings.seed());
        int[][] homeSites = homeSites(settings.connections(), settings.files());
        List<String> pops = edgePops(settings.files());
        try {
            IntStream.range(0, settings.days() * settings.files()).parallel().forEach(task -> {
                int day = task / settings.files();
                int file = task % settings.files();
                try {
                    writeFile(outDir, settings, day, file, pops.get(file), sites,
                            homeSites[file], noPrefixClients);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static long rowsOfFile(ScaleSettings settings, int file) {
        long base = settings.rowsPerDay() / settings.files();
        return base + (file < settings.rowsPerDay() % settings.files() ? 1 : 0);
    }

    private static void writeFile(Path outDir, ScaleSettings settings, int dayIndex, int fileIndex, String pop,
                                  List<ScaleSite> sites, int[] home, byte[][] noPrefixClients) throws IOException {
        LocalDate day = settings.from().plusDays(dayIndex);
        SplitMix64 random = SplitMix64.forStream(settings.seed(), dayIndex, fileIndex);
        long rows = rowsOfFile(settings, fileIndex);
        List<String> badRows = badRows(day, pop);
        boolean regressed = settings.days() >= 4 && dayIndex >= settings.days() - 2;
        Path file = outDir.resolve("latency").resolve(day.toString())
                .resolve(pop + (settings.gzip() ? ".csv.gz" : ".csv"));
        try (LatencyCsvWriter writer = LatencyCsvWriter.open(file, day, pop, true)) {
            for (long k = 0; k < rows; k++) {
                long millisOfDay = k * 86_400_000L / rows;
                double kind = random.nextDouble();
                if (kind < BAD_SHARE) {
                    writer.writeLine(badRows.get((int) (k % badRows.size())));
                    continue;
                }
                ScaleSite site = home.length > 0 && random.chance(HOME_SHARE)
                        ? sites.get(home[random.nextInt(home.length)])
                        : sites.get(random.nextInt(sites.size()));
                byte[] client;
                if (kind < BAD_SHARE + NO_PREFIX_SHARE) {
                    client = noPrefixClients[random.nextInt(noPrefixClients.length)];
                } else if (kind < BAD_SHARE + NO_PREFIX_SHARE + MISMATCH_SHARE) {
                    client = site.mismatchClient();
                } else {
                    client = site.clients()[random.nextInt(site.clients().length)];
                }
                double median = site.medianMs() * (regressed && site.regresses() ? REGRESSION_FACTOR : 1.0);
                double rtt = median * LOG_NORMAL_FACTORS[random.nextInt(LOG_NORMAL_FACTORS.length)];
                writer.writeRow(millisOfDay, client, Math.max(1, Math.min(60_000_000L, Math.round(rtt * 1000))));
            }
        }
    }

    /** For each file, the connections homed there (connection {@code i} is homed at file {@code i % files}). */
    private static int[][] homeSites(int connections, int files) {
        int[][] home = new int[files][];
        for (int f = 0; f < files; f++) {
            home[f] = IntStream.iterate(f, i -> i < connections, i -> i + files).toArray();
        }
        return home;
    }

    /** One bad row per row-level reject reason (column_count .. rtt_out_of_range), for {@code day}. */
    private static List<String> badRows(LocalDate day, String pop) {
        String t = day + "T12:00:00Z";
        return List.of(
                t + ",198.51.100.7,US,CA," + pop,
                day + "T24:00:01Z,198.51.100.7,US,CA," + pop + ",21.5",
                day.minusDays(1) + "T23:59:59Z,198.51.100.7,US,CA," + pop + ",21.5",
                t + ",198.51.100.07,US,CA," + pop + ",21.5",
                t + ",198.51.100.7,USA,CA," + pop + ",21.5",
                t + ",198.51.100.7,US,XX," + pop + ",21.5",
                t + ",198.51.100.7,US,CA,,21.5",
                t + ",198.51.100.7,US,CA," + pop + ",-21.5",
                t + ",198.51.100.7,US,CA," + pop + ",60000.001");
    }

    /** A fixed table of e^(sigma * z) for standard normal z, so a row costs one table look-up. */
    private static double[] logNormalFactors() {
        SplitMix64 random = new SplitMix64(0x5CA1EL);
        double[] factors = new double[1 << 12];
        for (int k = 0; k < factors.length; k++) {
            factors[k] = StrictMath.exp(SIGMA * random.nextGaussian());
        }
        return factors;
    }
}
