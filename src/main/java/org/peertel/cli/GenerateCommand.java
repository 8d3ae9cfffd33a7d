package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.peertel.sample.CollectorDaySettings;
import org.peertel.sample.SampleDataGenerator;
import org.peertel.sample.ScaleSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code peertel generate}: writes the sample data set, a large synthetic one for benchmarks, or days of a route
 * collector's BGP updates for a registry.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a connections registry and latency folders made by the project's generator.",
            "'sample' writes the small data set of sample-data/; 'scale' writes one of any size for benchmarks "
                    + "(rows are streamed, so memory does not grow with them); 'bgp' writes days of one route "
                    + "collector's MRT updates for a registry (--connections FILE) into <out>/<YYYY-MM-DD>/.",
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

    /** The options of each kind but 'sample' (so a kind refuses another's options rather than ignore them). */
    private static final Map<String, Set<Kind>> KIND_OPTIONS = kindOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "sample, scale or bgp")
    Kind kind;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--from", paramLabel = "DAY", defaultValue = "2026-11-16", description = "scale, bgp: first day.")
    LocalDate from;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "scale, bgp: number of days (default: 7 for scale, 1 for bgp).")
    Integer days;

    @Option(
            names = "--connections",
            paramLabel = "N|FILE",
            description = "scale: number of connections (default: 1000); bgp: the registry whose prefixes and "
                    + "origin_asns are announced (required).")
    String connectionsOption;

    @Option(
            names = "--origin-asns",
            description = "scale: give every customer an allowed origin AS (the registry's origin_asns column), "
                    + "drawn from the seed.")
    boolean originAsns;

    @Option(
            names = "--updates-per-day",
            paramLabel = "N",
            defaultValue = "" + CollectorDaySettings.DEFAULT_UPDATES_PER_DAY,
            description = "bgp: prefix updates a day (default: ${DEFAULT-VALUE}).")
    long updatesPerDay;

    @Option(
            names = "--peers",
            paramLabel = "N",
            defaultValue = "" + CollectorDaySettings.DEFAULT_PEERS,
            description = "bgp: the collector's peers (default: ${DEFAULT-VALUE}).")
    int peers;

    @Option(
            names = "--unregistered-prefixes",
            paramLabel = "N",
            defaultValue = "" + CollectorDaySettings.DEFAULT_UNREGISTERED_PREFIXES,
            description = "bgp: prefixes nobody registered that get updates too, as most of a real collector's do "
                    + "(default: ${DEFAULT-VALUE}).")
    int unregisteredPrefixes;

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

    @Option(names = "--seed", defaultValue = "1", description = "scale, bgp: random seed.")
    long seed;

    @Option(names = "--gzip", description = "scale: write .csv.gz files.")
    boolean gzip;

    enum Kind {
        sample,
        scale,
        bgp
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        refuseOtherKindsOptions();
        if (kind == Kind.sample) {
            SampleDataGenerator.writeSample(out);
            return ExitCode.OK;
        }
        if (kind == Kind.bgp) {
            return collectorDays();
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
                summary.describe(), rowsPerDay, settings.days(), files, out, (System.nanoTime() - start) / 1e9);
        return ExitCode.OK;
    }

    /** 'generate bgp': the registry's file must exist; its errors are usage errors too (nothing is written). */
    private int collectorDays() {
        if (connectionsOption == null || !Files.isRegularFile(Path.of(connectionsOption))) {
            throw usage("'generate bgp' needs --connections FILE, the registry whose prefixes are announced"
                    + (connectionsOption == null ? "" : ": no such file " + connectionsOption));
        }
        long start = System.nanoTime();
        SampleDataGenerator.CollectorSummary summary;
        try {
            summary = SampleDataGenerator.writeCollectorDays(
                    out,
                    new CollectorDaySettings(
                            Path.of(connectionsOption),
                            from,
                            days != null ? days : 1,
                            updatesPerDay,
                            peers,
                            unregisteredPrefixes,
                            seed));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        spec.commandLine()
                .getErr()
                .printf(
                        "peertel generate: wrote %s from %,d peers under %s in %.1f s%n",
                        summary.describe(), peers, out, (System.nanoTime() - start) / 1e9);
        return ExitCode.OK;
    }

    private void refuseOtherKindsOptions() {
        KIND_OPTIONS.entrySet().stream()
                .filter(option -> !option.getValue().contains(kind))
                .map(Map.Entry::getKey)
                .filter(spec.commandLine().getParseResult()::hasMatchedOption)
                .sorted()
                .findFirst()
                .ifPresent(option -> {
                    throw usage(option + " applies to "
                            + KIND_OPTIONS.get(option).stream()
                                    .map(k -> "'generate " + k + "'")
                                    .collect(Collectors.joining(" and "))
                            + (kind == Kind.sample
                                    ? "; 'generate sample' always writes the same fixed data set"
                                    : ", not to 'generate " + kind + "'"));
                });
    }

    private static Map<String, Set<Kind>> kindOptions() {
        Map<String, Set<Kind>> options = new LinkedHashMap<>();
        for (String scaleOnly : List.of(
                "--customers",
                "--ipv4-prefixes",
                "--ipv6-prefixes",
                "--nested-share",
                "--prefix-table",
                "--rows-per-day",
                "--files",
                "--ipv6-share",
                "--bad-share",
                "--gzip",
                "--origin-asns")) {
            options.put(scaleOnly, EnumSet.of(Kind.scale));
        }
        for (String both : List.of("--from", "--days", "--connections", "--seed")) {
            options.put(both, EnumSet.of(Kind.scale, Kind.bgp));
        }
        for (String bgpOnly : List.of("--updates-per-day", "--peers", "--unregistered-prefixes")) {
            options.put(bgpOnly, EnumSet.of(Kind.bgp));
        }
        return options;
    }

    private ScaleSettings settings() {
        if (prefixTable != null && !Files.isRegularFile(prefixTable)) {
            throw usage("--prefix-table " + prefixTable + ": no such file; give a file with one CIDR block per "
                    + "line (.gz allowed)");
        }
        int connections;
        try {
            connections = connectionsOption == null ? 1000 : Integer.parseInt(connectionsOption);
        } catch (NumberFormatException e) {
            throw usage("--connections '" + connectionsOption + "': 'generate scale' takes a number of connections");
        }
        int perFamily = prefixTable != null ? ScaleSettings.ALL : connections;
        try {
            return new ScaleSettings(
                    from,
                    days != null ? days : 7,
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
                    prefixTable,
                    originAsns);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
