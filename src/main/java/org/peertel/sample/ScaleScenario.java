package org.peertel.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.peertel.prefix.IpAddress;

/**
 * Writes a large synthetic data set for benchmarks: the {@link ScaleRegistry} connections holding generated
 * ({@link SyntheticPrefixes}) or real ({@link PrefixTableFile}) prefixes and, per day, the requested rows split evenly
 * over the edge PoP files. Each (day, file) has its own random stream, so files are written in parallel and still
 * come out byte-identical for the same {@link ScaleSettings}. Within a file the timestamps rise evenly over the day
 * (millisecond precision). Rows are streamed: memory depends on the registry, not on the number of rows.
 *
 * <p>Row mix: {@link ScaleSettings#badShare()} bad rows (one reject reason each, cycling), {@value #NO_PREFIX_SHARE}
 * no_prefix, {@value #MISMATCH_SHARE} location_mismatch (a registered prefix, a country no connection is in), the
 * rest attributed: a registration drawn uniformly, a client inside it that no more specific prefix covers, the
 * connection's own location. {@link ScaleSettings#ipv6Share()} of the measurements have an IPv6 client.
 */
final class ScaleScenario {

    static final double NO_PREFIX_SHARE = 0.02;
    static final double MISMATCH_SHARE = 0.015;
    static final double REGRESSION_FACTOR = 2.5;

    private static final List<String> NAMED_POPS =
            List.of("ams1", "fra1", "iad1", "sjc1", "lhr1", "cdg1", "nrt1", "sin1", "syd1", "gru1", "ord1", "dfw1");
    private static final double SIGMA = 0.25;
    private static final double[] LOG_NORMAL_FACTORS = logNormalFactors();
    private static final int NO_PREFIX_CLIENTS = 64;

    /** What a run wrote, for the command line. */
    record Written(List<ScaleSite> sites, PrefixPlan plan) {

        long registrations() {
            return sites.stream().mapToLong(site -> site.prefixes().size()).sum();
        }
    }

    /** The registry and client ranges shared by every file of a run. */
    private record World(
            List<ScaleSite> sites, ClientSpace ipv4, ClientSpace ipv6, byte[][] noPrefixIpv4, byte[][] noPrefixIpv6) {}

    private ScaleScenario() {}

    /** The edge PoP names of a run with {@code files} files per day. */
    static List<String> edgePops(int files) {
        List<String> pops = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
            pops.add(f < NAMED_POPS.size() ? NAMED_POPS.get(f) : "edge" + (f + 1));
        }
        return pops;
    }

    /**
     * The prefixes to register: read from the table, or generated.
     *
     * @throws IllegalArgumentException when the settings cannot be met (e.g. the table has too few prefixes)
     */
    static PrefixPlan plan(ScaleSettings settings) throws IOException {
        PrefixPlan plan = settings.prefixTable() != null
                ? PrefixTableFile.read(
                        settings.prefixTable(), settings.ipv4Prefixes(), settings.ipv6Prefixes(), settings.seed())
                : SyntheticPrefixes.plan(
                        settings.ipv4Prefixes(), settings.ipv6Prefixes(), settings.nestedShare(), settings.seed());
        if (settings.ipv6Share() > 0 && plan.ipv6().size() == 0) {
            throw new IllegalArgumentException("--ipv6-share " + settings.ipv6Share() + " asks for IPv6 clients but "
                    + "no IPv6 prefix is registered; give --ipv6-share 0 or a table with IPv6 prefixes");
        }
        if (settings.ipv6Share() < 1 && plan.ipv4().size() == 0) {
            throw new IllegalArgumentException("--ipv6-share " + settings.ipv6Share() + " asks for IPv4 clients but "
                    + "no IPv4 prefix is registered; give --ipv6-share 1 or a table with IPv4 prefixes");
        }
        return plan;
    }

    /** Writes {@code connections.csv} and {@code latency/<day>/<pop>.csv[.gz]} under {@code outDir}. */
    static Written write(Path outDir, ScaleSettings settings) throws IOException {
        PrefixPlan plan = plan(settings);
        List<ScaleSite> sites = ScaleRegistry.build(settings, plan);
        World world = new World(
                sites,
                ClientSpace.of(sites, true),
                ClientSpace.of(sites, false),
                noPrefixClients(settings.seed(), true),
                noPrefixClients(settings.seed(), false));
        ConnectionsCsvWriter.write(
                outDir.resolve("connections.csv"),
                sites.stream().map(ScaleSite::registry).toList(),
                " ");
        List<String> pops = edgePops(settings.files());
        try {
            IntStream.range(0, settings.days() * settings.files()).parallel().forEach(task -> {
                int day = task / settings.files();
                int file = task % settings.files();
                try {
                    writeFile(outDir, settings, day, file, pops.get(file), world);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Written(sites, plan);
    }

    static long rowsOfFile(ScaleSettings settings, int file) {
        long base = settings.rowsPerDay() / settings.files();
        return base + (file < settings.rowsPerDay() % settings.files() ? 1 : 0);
    }

    private static void writeFile(
            Path outDir, ScaleSettings settings, int dayIndex, int fileIndex, String pop, World world)
            throws IOException {
        LocalDate day = settings.from().plusDays(dayIndex);
        SplitMix64 random = SplitMix64.forStream(settings.seed(), dayIndex, fileIndex);
        long rows = rowsOfFile(settings, fileIndex);
        List<String> badRows = badRows(day, pop);
        boolean regressed = settings.days() >= 4 && dayIndex >= settings.days() - 2;
        double bad = settings.badShare();
        double noPrefix = bad + (1 - bad) * NO_PREFIX_SHARE;
        double mismatch = noPrefix + (1 - bad) * MISMATCH_SHARE;
        Path file =
                outDir.resolve("latency").resolve(day.toString()).resolve(pop + (settings.gzip() ? ".csv.gz" : ".csv"));
        try (LatencyCsvWriter writer = LatencyCsvWriter.open(file, day, pop, true)) {
            for (long k = 0; k < rows; k++) {
                long millisOfDay = k * 86_400_000L / rows;
                double kind = random.nextDouble();
                if (kind < bad) {
                    writer.writeLine(badRows.get((int) (k % badRows.size())));
                    continue;
                }
                boolean ipv6 = random.chance(settings.ipv6Share());
                if (kind < noPrefix) {
                    byte[][] clients = ipv6 ? world.noPrefixIpv6() : world.noPrefixIpv4();
                    writer.writeRow(
                            millisOfDay,
                            clients[random.nextInt(clients.length)],
                            rtt(world.sites().get(random.nextInt(world.sites().size())), false, random));
                    continue;
                }
                ClientSpace space = ipv6 ? world.ipv6() : world.ipv4();
                int entry = random.nextInt(space.size());
                long offset = space.offset(entry, random);
                ScaleSite site = world.sites().get(space.connection(entry));
                byte[] location = kind < mismatch ? ScaleRegistry.MISMATCH_LOCATION : site.location();
                writer.writeRow(
                        millisOfDay,
                        space.high(entry, offset),
                        space.low(entry, offset),
                        location,
                        rtt(site, regressed, random));
            }
        }
    }

    /** An rtt in thousandths of a millisecond around the site's median, log-normally spread. */
    private static long rtt(ScaleSite site, boolean regressed, SplitMix64 random) {
        double median = site.medianMs() * (regressed && site.regresses() ? REGRESSION_FACTOR : 1.0);
        double rtt = median * LOG_NORMAL_FACTORS[random.nextInt(LOG_NORMAL_FACTORS.length)];
        return Math.max(1, Math.min(60_000_000L, Math.round(rtt * 1000)));
    }

    /** Texts {@code client_ip,country,state} of clients in the unregistered no_prefix blocks, assorted locations. */
    private static byte[][] noPrefixClients(long seed, boolean ipv4) {
        SplitMix64 random = SplitMix64.forStream(seed, -2, ipv4 ? 4 : 6);
        byte[][] clients = new byte[NO_PREFIX_CLIENTS][];
        for (int k = 0; k < clients.length; k++) {
            IpAddress network = (ipv4 ? UnregisteredSpace.NO_PREFIX_IPV4 : UnregisteredSpace.NO_PREFIX_IPV6).network();
            IpAddress client = ipv4
                    ? IpAddress.ofIpv4(network.ipv4Bits() | (1 + random.nextInt(254)))
                    : new IpAddress(network.high() | random.nextInt(0x10000), 1 + random.nextInt(0xffff));
            String[] where = ScaleRegistry.LOCATIONS.get(random.nextInt(ScaleRegistry.LOCATIONS.size()));
            clients[k] = LatencyCsvWriter.ascii(client + "," + where[0] + "," + where[1]);
        }
        return clients;
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
