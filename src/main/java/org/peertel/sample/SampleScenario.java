package org.peertel.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed, hand-shaped sample week 2026-11-16 .. 2026-11-22 (see {@code sample-data/README.md}).
 *
 * <p>Stories: {@code globex-fra-1} regresses (median x2.5 from 2026-11-21), {@code initech-chi-1} is silent on
 * 2026-11-19, {@code acme-ams-1} has a high median on 2026-11-17, {@code umbrella-mia-1} a high p95 on 2026-11-20;
 * every day has a few no_prefix and location_mismatch rows, and 2026-11-18/fra1.csv carries {@link SampleBadRows}.
 * Its BGP files ({@link SampleBgpWeek}) hold one hijack, on the day globex-fra-1 regresses.
 */
final class SampleScenario {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 16);
    static final int DAYS = 7;
    static final List<String> EDGE_POPS = List.of("ams1", "fra1", "iad1", "sjc1");
    static final String GZIP_POP = "sjc1";

    static final LocalDate REGRESSION_FROM = LocalDate.of(2026, 11, 21);
    static final double REGRESSION_FACTOR = 2.5;
    static final LocalDate SILENT_DAY = LocalDate.of(2026, 11, 19);
    static final LocalDate HIGH_MEDIAN_DAY = LocalDate.of(2026, 11, 17);
    static final double HIGH_MEDIAN_MS = 125;
    static final LocalDate HIGH_P95_DAY = LocalDate.of(2026, 11, 20);
    static final double SPIKE_SHARE = 0.15;

    private static final long SEED = 20261116L;
    private static final double SIGMA = 0.22;
    private static final double OTHER_POP_FACTOR = 1.5;
    private static final double OTHER_POP_SHARE = 0.15;

    /** Clients outside every registered prefix (no_prefix), each with its pop and location. */
    private static final List<String[]> NO_PREFIX_CLIENTS = List.of(
            new String[] {"192.0.2.230", "US,CA", "sjc1"},
            new String[] {"192.0.2.241", "NL,", "ams1"},
            new String[] {"2001:db8:c::44", "DE,", "fra1"},
            new String[] {"2001:db8:ffff::1", "US,VA", "iad1"});

    /** Clients inside a registered prefix but at a location no connection of that prefix has. */
    private static final List<String[]> MISMATCH_CLIENTS = List.of(
            new String[] {"198.51.100.12", "US,TX", "iad1"}, // acme geo pair is CA and NY only
            new String[] {"203.0.113.71", "DE,", "fra1"}, // longest match is initech-par-1's /26 (FR)
            new String[] {"2001:db8:b::5", "BE,", "ams1"}); // acme-ams-1 is NL

    private SampleScenario() {}

    /** The registry rows, in file order; the connections of the BGP story give their customer's AS as origin. */
    static List<SampleConnection> connections() {
        return SampleSites.all().stream()
                .map(SampleSite::registry)
                .map(c -> SampleBgpWeek.REGISTERS_ORIGINS.contains(c.connectionId())
                        ? c.withOriginAsns(List.of(SampleBgpWeek.CUSTOMER_ASNS.get(c.customerId())))
                        : c)
                .toList();
    }

    /** The file name of an edge PoP's file (the {@value #GZIP_POP} files are gzip-compressed). */
    static String fileName(String edgePop) {
        return edgePop.equals(GZIP_POP) ? edgePop + ".csv.gz" : edgePop + ".csv";
    }

    /**
     * Writes {@code connections.csv}, {@code latency/<day>/<pop>.csv[.gz]} and {@code bgp/<day>/updates.<day>.gz}
     * ({@link SampleBgpWeek}) under {@code outDir}.
     */
    static void write(Path outDir) throws IOException {
        ConnectionsCsvWriter.write(outDir.resolve("connections.csv"), connections(), " ");
        for (int dayIndex = 0; dayIndex < DAYS; dayIndex++) {
            LocalDate day = FIRST_DAY.plusDays(dayIndex);
            Map<String, List<Row>> rowsByPop = rowsOfDay(day, SplitMix64.forStream(SEED, dayIndex));
            for (String pop : EDGE_POPS) {
                Path file = outDir.resolve("latency").resolve(day.toString()).resolve(fileName(pop));
                writeFile(file, day, pop, rowsByPop.get(pop));
            }
        }
        SampleBgpWeek.write(outDir.resolve("bgp"));
    }

    private static void writeFile(Path file, LocalDate day, String pop, List<Row> rows) throws IOException {
        List<String> badRows = SampleBadRows.forFile(day, pop);
        try (LatencyCsvWriter writer = LatencyCsvWriter.open(file, day, pop, false)) {
            int nextBad = 0;
            for (int i = 0; i < rows.size(); i++) {
                while (nextBad < badRows.size() && i == (nextBad + 1) * rows.size() / (badRows.size() + 1)) {
                    writer.writeLine(badRows.get(nextBad++));
                }
                Row row = rows.get(i);
                writer.writeRow(
                        row.secondOfDay * 1000L, LatencyCsvWriter.ascii(row.clientAndLocation), row.rttThousandths);
            }
            while (nextBad < badRows.size()) {
                writer.writeLine(badRows.get(nextBad++));
            }
        }
    }

    private static Map<String, List<Row>> rowsOfDay(LocalDate day, SplitMix64 random) {
        Map<String, List<Row>> rowsByPop = new LinkedHashMap<>();
        EDGE_POPS.forEach(pop -> rowsByPop.put(pop, new ArrayList<>()));
        for (SampleSite site : SampleSites.all()) {
            int samples = random.nextIntBetween(40, 80);
            if (site.id().equals(SampleSites.INITECH_CHI) && day.equals(SILENT_DAY)) {
                samples = 0;
            }
            double median = medianOn(site, day);
            boolean spiky = site.id().equals(SampleSites.UMBRELLA_MIA) && day.equals(HIGH_P95_DAY);
            for (int i = 0; i < samples; i++) {
                int second = random.nextInt(86_400);
                String client = site.clients().get(random.nextInt(site.clients().size()));
                boolean otherPop = random.chance(OTHER_POP_SHARE);
                double rtt =
                        random.nextLogNormal(median * (otherPop ? OTHER_POP_FACTOR : 1.0), SIGMA) * dailyCycle(second);
                if (spiky && random.chance(SPIKE_SHARE)) {
                    rtt = 280 + 140 * random.nextDouble();
                }
                String pop = otherPop ? site.otherPop() : site.homePop();
                rowsByPop
                        .get(pop)
                        .add(new Row(second, client + "," + site.registry().location(), thousandths(rtt)));
            }
        }
        for (List<String[]> clients : List.of(NO_PREFIX_CLIENTS, MISMATCH_CLIENTS)) {
            for (String[] client : clients) {
                int second = random.nextInt(86_400);
                double rtt = random.nextLogNormal(35, SIGMA);
                rowsByPop.get(client[2]).add(new Row(second, client[0] + "," + client[1], thousandths(rtt)));
            }
        }
        rowsByPop.values().forEach(rows -> rows.sort(Comparator.comparingInt(Row::secondOfDay)));
        return rowsByPop;
    }

    /** The typical median of {@code site} on {@code day}, after the stories. */
    static double medianOn(SampleSite site, LocalDate day) {
        if (site.id().equals(SampleSites.GLOBEX_FRA) && !day.isBefore(REGRESSION_FROM)) {
            return site.medianMs() * REGRESSION_FACTOR;
        }
        if (site.id().equals(SampleSites.ACME_AMS) && day.equals(HIGH_MEDIAN_DAY)) {
            return HIGH_MEDIAN_MS;
        }
        return site.medianMs();
    }

    /** Slightly slower in the busy evening hours (peak 19:00 UTC), +-8 %. */
    private static double dailyCycle(int secondOfDay) {
        double hours = secondOfDay / 3600.0;
        return 1.0 + 0.08 * StrictMath.cos(2 * StrictMath.PI * (hours - 19) / 24);
    }

    private static long thousandths(double rttMs) {
        return Math.max(1, Math.min(60_000_000L, Math.round(rttMs * 1000)));
    }

    private record Row(int secondOfDay, String clientAndLocation, long rttThousandths) {}
}
