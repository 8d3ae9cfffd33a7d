package org.peertel.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic generator of peertel input data: a connections registry ({@code OUT_DIR/connections.csv}) and
 * latency files ({@code OUT_DIR/latency/<YYYY-MM-DD>/<edge_pop>.csv} or {@code .csv.gz}).
 *
 * <p>The same arguments always give byte-identical files. Existing files of the same names are replaced; other
 * files under {@code OUT_DIR} are left alone (so write into an empty directory).
 */
public final class SampleDataGenerator {

    static final String USAGE = String.join("\n",
            "usage: SampleDataGenerator sample OUT_DIR",
            "       SampleDataGenerator scale OUT_DIR [--from YYYY-MM-DD] [--days N] [--connections N]",
            "                                 [--rows-per-day N] [--files N] [--seed S] [--gzip]",
            "scale defaults: --from 2026-11-16 --days 7 --connections 1000 --rows-per-day 1000000 --files 4 --seed 1");

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

    /**
     * Command line: {@code sample OUT_DIR} or {@code scale OUT_DIR [options]} (see {@link #USAGE}).
     * Exits with status 2 on bad arguments, 1 when writing fails.
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #main} without exiting: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !(args[0].equals("sample") || args[0].equals("scale"))
                || (args[0].equals("sample") && args.length != 2)) {
            err.println(USAGE);
            return 2;
        }
        Path outDir = Path.of(args[1]);
        long started = System.nanoTime();
        try {
            if (args[0].equals("sample")) {
                writeSample(outDir);
            } else {
                writeScale(outDir, parseScaleOptions(Arrays.asList(args).subList(2, args.length)));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage() + ": " + e.getCause());
            return 1;
        }
        out.println("wrote " + args[0] + " data to " + outDir + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return 0;
    }

    /** Parses the {@code scale} options; unknown options and bad values throw IllegalArgumentException. */
    static ScaleSettings parseScaleOptions(List<String> options) {
        LocalDate from = LocalDate.of(2026, 11, 16);
        int days = 7;
        int connections = 1_000;
        long rowsPerDay = 1_000_000;
        int files = 4;
        long seed = 1;
        boolean gzip = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--gzip")) {
                gzip = true;
                continue;
            }
            if (i + 1 >= options.size()) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = options.get(++i);
            switch (option) {
                case "--from" -> from = parseDate(value);
                case "--days" -> days = parseInt(option, value);
                case "--connections" -> connections = parseInt(option, value);
                case "--rows-per-day" -> rowsPerDay = parseLong(option, value);
                case "--files" -> files = parseInt(option, value);
                case "--seed" -> seed = parseLong(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ScaleSettings(from, days, connections, rowsPerDay, files, seed, gzip);
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--from needs a date like 2026-11-16, was '" + value + "'");
        }
    }

    private static int parseInt(String option, String value) {
        long number = parseLong(option, value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " is out of range: " + value);
        }
        return (int) number;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, was '" + value + "'");
        }
    }
}
