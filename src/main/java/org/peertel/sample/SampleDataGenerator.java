package org.peertel.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Deterministic generator of peertel input data: a connections registry ({@code OUT_DIR/connections.csv}) and
 * latency files ({@code OUT_DIR/latency/<YYYY-MM-DD>/<edge_pop>.csv} or {@code .csv.gz}).
 *
 * <p>The same arguments always give byte-identical files. Existing files of the same names are replaced; other
 * files under {@code OUT_DIR} are left alone (so write into an empty directory). The command line is
 * {@code peertel generate} ({@link org.peertel.cli.GenerateCommand}).
 */
public final class SampleDataGenerator {

    private SampleDataGenerator() {
    }

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
     * Writes a large synthetic data set for benchmarks under {@code outDir}: {@code settings.connections()}
     * connections (about a tenth as many customers, IPv4 and IPv6, nested and geo-redundant prefixes) and, for each
     * day, exactly {@code settings.rowsPerDay()} data rows over {@code settings.files()} files, of which a few % are
     * no_prefix, location_mismatch and bad rows.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void writeScale(Path outDir, ScaleSettings settings) {
        try {
            ScaleScenario.write(outDir, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scale data under " + outDir, e);
        }
    }
}
