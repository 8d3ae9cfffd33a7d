package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.launch.RunLock;
import org.peertel.output.DayList;
import org.peertel.store.ArchivedTable;
import org.peertel.store.DayExport;
import org.peertel.store.TelemetryStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peertel export}: the published days of a range as Parquet files for analysts, in the archive's layout, from
 * wherever each day is (DuckDB or the archive).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the published days from D1 to D2 as Parquet files under DIR, one per table and day: "
                    + "DIR/<table>/day=<YYYY-MM-DD>/data.parquet, the Parquet archive's layout and columns "
                    + "(docs/storage.md). Each day comes from DuckDB or, when retention archived it, from the archive; "
                    + "a file already there is replaced."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.BAD_USAGE_LINE})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "D1", required = true, description = "The first day (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "D2", required = true, description = "The last day, inclusive.")
    String to;

    @Option(
            names = "--tables",
            paramLabel = "T1,T2",
            split = ",",
            description = "The tables to write (default all): measurements, unattributed, rejects, connection_daily, "
                    + "connection_hourly, prefix_daily, alerts, alert_judgements, day_connections, input_files, "
                    + "skipped_files, prefix_events, bgp_days, bgp_files, bgp_rejects.")
    List<String> tables;

    @Option(names = "--dest", paramLabel = "DIR", required = true, description = "The folder to write to.")
    Path dest;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        List<LocalDate> range = DayRange.ofOptions(spec, null, from, to);
        List<ArchivedTable> chosen = chosenTables();
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new ConfigurationException("--dest " + dest + " is a file; give a folder");
        }
        JobSettings settings = paths.resolve();
        Preflight.existingDatabase(settings.db(), "check --db or --settings");
        PrintWriter out = spec.commandLine().getOut();
        TextTable text = new TextTable("table", ">days", ">rows", ">from DuckDB", ">from the archive");
        List<LocalDate> days;
        try (RunLock lock = RunLock.acquire(settings.db(), "peertel export");
                TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            days = store.queries().publishedDays(range.get(0), range.get(range.size() - 1));
            for (ArchivedTable table : chosen) {
                long rows = 0;
                int fromArchive = 0;
                for (LocalDate day : days) {
                    DayExport export = store.exportDay(table, day, dest);
                    rows += export.rows();
                    fromArchive += export.fromArchive() ? 1 : 0;
                }
                text.row(table.folder(), days.size(), rows, days.size() - fromArchive, fromArchive);
            }
        }
        if (days.isEmpty()) {
            out.println("No published day from " + from + " to " + to + "; nothing written.");
            return ExitCode.OK;
        }
        out.println("Exported " + DayList.compact(days) + " to " + dest + ":");
        text.lines().stream().map(String::stripTrailing).forEach(out::println);
        return ExitCode.OK;
    }

    private List<ArchivedTable> chosenTables() {
        if (tables == null || tables.isEmpty()) {
            return List.of(ArchivedTable.values());
        }
        List<ArchivedTable> chosen = new ArrayList<>();
        for (String name : tables) {
            ArchivedTable table = ArchivedTable.named(name.strip())
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--tables: no table '" + name + "'; choose from "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(ArchivedTable.values())
                                                    .map(ArchivedTable::folder)
                                                    .toList())));
            if (!chosen.contains(table)) {
                chosen.add(table);
            }
        }
        return chosen;
    }
}
