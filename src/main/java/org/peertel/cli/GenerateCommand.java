package org.peertel.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.peertel.sample.SampleDataGenerator;
import org.peertel.sample.ScaleSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peertel generate}: writes the sample data set, or a large synthetic one for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a connections registry and latency folders made by the project's generator.",
                "'sample' writes the small data set of sample-data/; 'scale' writes a large one for benchmarks.",
                "The same arguments always give byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {

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

    @Option(names = "--rows-per-day", defaultValue = "1000000", description = "scale: latency rows per day.")
    long rowsPerDay;

    @Option(names = "--files", defaultValue = "4", description = "scale: latency files per day.")
    int files;

    @Option(names = "--seed", defaultValue = "1", description = "scale: random seed.")
    long seed;

    @Option(names = "--gzip", description = "scale: write .csv.gz files.")
    boolean gzip;

    enum Kind { sample, scale }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (kind == Kind.sample) {
            SampleDataGenerator.writeSample(out);
            return PeertelMain.OK;
        }
        ScaleSettings settings;
        try {
            settings = new ScaleSettings(from, days, connections, rowsPerDay, files, seed, gzip);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SampleDataGenerator.writeScale(out, settings);
        return PeertelMain.OK;
    }
}
