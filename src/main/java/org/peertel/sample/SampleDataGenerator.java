package org.peertel.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Deterministic generator of peertel input data: a connections registry ({@code OUT_DIR/connections.csv}), latency
 * files ({@code OUT_DIR/latency/<YYYY-MM-DD>/<edge_pop>.csv} or {@code .csv.gz}) and BGP update dumps (the sample
 * week's {@code OUT_DIR/bgp/}, or a collector's days for a registry).
 *
 * <p>The same arguments always give byte-identical files. Existing files of the same names are replaced; other
 * files under {@code OUT_DIR} are left alone (so write into an empty directory). The command line is
 * {@code peertel generate} ({@link org.peertel.cli.GenerateCommand}).
 */
public final class SampleDataGenerator {

    private SampleDataGenerator() {}

    /**
     * Writes the fixed sample week (2026-11-16 .. 2026-11-22: nine connections of four customers, four edge PoP
     * files a day, the alert stories and bad rows described in {@code sample-data/README.md}) under {@code outDir}.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void writeSample(Path outDir) {
        try {
            SampleScenario.write(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample data under " + outDir, e);
        }
    }

    /**
     * What {@link #writeScale} registered.
     *
     * @param connections   connections in the registry
     * @param customers     customers owning them
     * @param ipv4Prefixes  distinct IPv4 prefixes registered
     * @param ipv6Prefixes  distinct IPv6 prefixes registered
     * @param nested        of those, the generated more-specifics (0 with a prefix table, which nests on its own)
     * @param registrations (connection, prefix) pairs: the distinct prefixes plus the geo-redundant second sites
     * @param table         what was read from the prefix table and what was skipped, or null without one
     */
    public record ScaleSummary(
            int connections,
            int customers,
            int ipv4Prefixes,
            int ipv6Prefixes,
            int nested,
            long registrations,
            PrefixTableReport table) {

        /** One line for stderr. */
        public String describe() {
            return String.format(
                    "%,d connections of %,d customers, %,d IPv4 + %,d IPv6 prefixes (%,d nested), "
                            + "%,d registrations",
                    connections, customers, ipv4Prefixes, ipv6Prefixes, nested, registrations);
        }
    }

    /**
     * Writes a large synthetic data set for benchmarks under {@code outDir}: {@code settings.connections()}
     * connections of {@code settings.customers()} customers holding the generated or the prefix table's IPv4 and
     * IPv6 prefixes (nested and geo-redundant ones included) and, for each day, exactly
     * {@code settings.rowsPerDay()} data rows over {@code settings.files()} files, of which a few % are no_prefix,
     * location_mismatch and bad rows. Rows are streamed, so any number of them fits in memory.
     *
     * @throws IllegalArgumentException when the settings cannot be met (checked before anything is written)
     * @throws UncheckedIOException     when a file cannot be read or written
     */
    public static ScaleSummary writeScale(Path outDir, ScaleSettings settings) {
        try {
            ScaleScenario.Written written = ScaleScenario.write(outDir, settings);
            PrefixPlan plan = written.plan();
            return new ScaleSummary(
                    settings.connections(),
                    settings.customers(),
                    plan.ipv4().size(),
                    plan.ipv6().size(),
                    plan.ipv4().nested().size() + plan.ipv6().nested().size(),
                    written.registrations(),
                    plan.table());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scale data under " + outDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@link #writeCollectorDays} wrote.
     *
     * @param registeredPrefixes   the registry's distinct prefixes announced
     * @param unregisteredPrefixes the other prefixes announced
     * @param records              MRT records of all days (one prefix update each)
     */
    public record CollectorSummary(int registeredPrefixes, int unregisteredPrefixes, long records) {

        /** One line for stderr. */
        public String describe() {
            return String.format(
                    "%,d registered + %,d unregistered prefixes, %,d updates",
                    registeredPrefixes, unregisteredPrefixes, records);
        }
    }

    /**
     * Writes days of one route collector's MRT updates for the registry of {@code settings}:
     * {@code outDir/<YYYY-MM-DD>/updates.<YYYY-MM-DD>.gz}, a folder {@code peertel bgp events --bgp outDir} reads.
     * Updates are streamed, so any number of them fits in memory.
     *
     * @throws IllegalArgumentException when the registry has errors (nothing written yet)
     * @throws UncheckedIOException     when a file cannot be written
     */
    public static CollectorSummary writeCollectorDays(Path outDir, CollectorDaySettings settings) {
        try {
            CollectorDayScenario.Written written = CollectorDayScenario.write(outDir, settings);
            return new CollectorSummary(
                    written.registeredPrefixes(), written.unregisteredPrefixes(), written.records());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the BGP days under " + outDir + ": " + e.getMessage(), e);
        }
    }
}
