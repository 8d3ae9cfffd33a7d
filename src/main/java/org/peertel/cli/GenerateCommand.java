package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.sample.SampleDataGenerator;
import org.peertel.sample.ScaleSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peertel generate}: writes the sample data set, or a large synthetic one for benchmarks. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a connections registry and latency folders made by the project's generator.",
            "'sample' writes the small data set of sample-data/; 'scale' writes one of any size for benchmarks "
                    + "(rows are streamed, so memory does not grow with them).",
            "The same arguments always give byte-identical files."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class GenerateCommand implements Callable<Integer> {

    /** The options that only 'scale' reads (so 'sample' refuses them rather than ignore them). */
    private static final List<String> SCALE_OPTIONS = List.of(
            "--from",
            "--days",
            "--customers",
            "--connections",
            "--ipv4-prefixes",
            "--ipv6-prefixes",
            "--nested-share",
            "--prefix-table",
            "--rows-per-day",
            "--files",
            "--ipv6-share",
            "--bad-share",
            "--seed",
            "--gzip");

    @Parameters(index = "0", paramLabel = "KIND", description = "sample or scale")
    Kind kind;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--from", paramLabel = "DAY", defaultValue = "2026-11-16", description = "scale: first day.")
    LocalDate from;

    @Option(names = "--days", defaultValue = "7", description = "scale: number of days.")
    int days;

    @Option(names = "--connections", defaultValue = "1000", description = "scale: number of connections.")
    int connections;

    @Option(
            names = "--customers",
            paramLabel = "N",
            description = "scale: number of customers (default: a tenth of the connections).")
    Integer customers;

    @Option(
            names = "--ipv4-prefixes",
            paramLabel = "N",
            description = "scale: distinct IPv4 prefixes to register "
                    + "(default: one per connection; with --prefix-table, every usable IPv4 prefix of the table).")
    Integer ipv4Prefixes;

    @Option(
            names = "--ipv6-prefixes",
            paramLabel = "N",
            description = "scale: distinct IPv6 prefixes to register "
                    + "(default: one per connection; with --prefix-table, every usable IPv6 prefix of the table).")
    Integer ipv6Prefixes;

    @Option(
            names = "--nested-share",
            paramLabel = "SHARE",
            description = "scale: share of the generated prefixes "
                    + "nested in another connection's prefix (default: " + ScaleSettings.DEFAULT_NESTED_SHARE
                    + "; not with "
                    + "--prefix-table).")
    Double nestedShare;

    @Option(
            names = "--prefix-table",
            paramLabel = "FILE",
            description = "scale: register the prefixes of this file "
                    + "(one CIDR per line, .gz allowed) instead of generated ones; lines the registry would refuse are "
                    + "skipped and counted on stderr.")
    Path prefixTable;

    @Option(names = "--rows-per-day", defaultValue = "1000000", description = "scale: latency rows per day.")
    long rowsPerDay;

    @Option(names = "--files", defaultValue = "4", description = "scale: latency files per day.")
    int files;

    @Option(
            names = "--ipv6-share",
            paramLabel = "SHARE",
            defaultValue = "" + ScaleSettings.DEFAULT_IPV6_SHARE,
            description = "scale: share of the measurements with an IPv6 client (default: ${DEFAULT-VALUE}).")
    double ipv6Share;

    @Option(
            names = "--bad-share",
            paramLabel = "SHARE",
            defaultValue = "" + ScaleSettings.DEFAULT_BAD_SHARE,
            description = "scale: share of bad rows, one reject reason each (default: ${DEFAULT-VALUE}).")
    double badShare;

    @Option(names = "--seed", defaultValue = "1", description = "scale: random seed.")
    long seed;

    @Option(names = "--gzip", description = "scale: write .csv.gz files.")
    boolean gzip;

    enum Kind {
        sample,
        scale
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (kind == Kind.sample) {
            SCALE_OPTIONS.stream()
                    .filter(spec.commandLine().getParseResult()::hasMatchedOption)
                    .findFirst()
                    .ifPresent(option -> {
                        throw usage(option + " applies to 'generate scale'; 'generate sample' always writes the "
                                + "same fixed data set");
                    });
            SampleDataGenerator.writeSample(out);
            return ExitCode.OK;
        }
        ScaleSettings settings = settings();
        long start = System.nanoTime();
        SampleDataGenerator.ScaleSummary summary;
        try {
            summary = SampleDataGenerator.writeScale(out, settings);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage()); // the prefix table cannot give what was asked; nothing written yet
        }
        PrintWriter err = spec.commandLine().getErr();
        if (summary.table() != null) {
            err.println("peertel generate: " + summary.table().describe());
        }
        err.printf(
                "peertel generate: wrote %s; %,d rows a day for %d day(s) in %d file(s) a day under %s in %.1f s%n",
                summary.describe(), rowsPerDay, days, files, out, (System.nanoTime() - start) / 1e9);
        return ExitCode.OK;
    }

    private ScaleSettings settings() {
        if (prefixTable != null && !Files.isRegularFile(prefixTable)) {
            throw usage("--prefix-table " + prefixTable + ": no such file; give a file with one CIDR block per "
                    + "line (.gz allowed)");
        }
        int perFamily = prefixTable != null ? ScaleSettings.ALL : connections;
        try {
            return new ScaleSettings(
                    from,
                    days,
                    customers != null ? customers : ScaleSettings.defaultCustomers(connections),
                    connections,
                    ipv4Prefixes != null ? ipv4Prefixes : perFamily,
                    ipv6Prefixes != null ? ipv6Prefixes : perFamily,
                    nestedShare != null ? nestedShare : prefixTable != null ? 0 : ScaleSettings.DEFAULT_NESTED_SHARE,
                    rowsPerDay,
                    files,
                    ipv6Share,
                    badShare,
                    seed,
                    gzip,
                    prefixTable);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
