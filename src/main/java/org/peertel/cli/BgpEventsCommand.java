package org.peertel.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.job.PrefixEventsDay;
import org.peertel.job.RegistryCache;
import org.peertel.launch.RunLock;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.report.OutputLayout;
import org.peertel.routing.BgpDay;
import org.peertel.routing.BgpSettings;
import org.peertel.routing.WatchedPrefixes;
import org.peertel.store.BgpDayRead;
import org.peertel.store.TelemetryStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peertel bgp events}: the prefix events of processed BGP days alone, without latency: route monitoring on its
 * own, and for tests. Writes {@code events/<date>.csv} and each customer's {@code <date>-events.csv}; a day without a
 * BGP folder is reported as missing and writes nothing.
 */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = {
            "Compute the prefix events of each day from its BGP folder <bgp>/<YYYY-MM-DD>/ (RIB dumps rib.* or bview.* "
                    + "first, then the update dumps, in name order) for the registry's prefixes, and write "
                    + "events/<date>.csv and reports/<customer_id>/<date>-events.csv (docs/prefix-events.md)."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.BAD_USAGE_LINE})
public final class BgpEventsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "DAY", description = "One UTC day (YYYY-MM-DD).")
    String date;

    @Option(names = "--from", paramLabel = "D1", description = "The first day of a range ...")
    String from;

    @Option(names = "--to", paramLabel = "D2", description = "... and its last, inclusive.")
    String to;

    @Mixin
    BgpOption bgp;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        List<LocalDate> days = DayRange.ofOptions(spec, date, from, to);
        JobSettings settings = paths.resolve();
        BgpSettings bgpSettings = bgp.resolve(paths.settingsFile(), spec.commandLine());
        if (bgpSettings.folder() == null) {
            throw new ConfigurationException("no BGP folder: give --bgp DIR, or set bgp in " + paths.settingsFile());
        }
        PrintWriter out = spec.commandLine().getOut();
        ConnectionRegistry registry = Preflight.registry(
                settings.connections(), new RegistryCache(), spec.commandLine().getErr());
        Preflight.outputFolder(settings.out(), registry);
        WatchedPrefixes watched = WatchedPrefixes.of(registry.connections());
        OutputLayout layout = new OutputLayout(settings.out());
        try (RunLock lock = RunLock.acquire(settings.db(), "peertel bgp events");
                TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            for (LocalDate day : days) {
                eventsOf(day, bgpSettings, watched, registry, layout, store, out);
            }
        }
        out.println("Events in " + layout.events(days.get(0)).getParent() + ": events/<day>.csv, "
                + "reports/<customer>/<day>-events.csv");
        return ExitCode.OK;
    }

    /** One day: its events stored (replacing the day's) and written, or reported missing. */
    private static void eventsOf(
            LocalDate day,
            BgpSettings bgpSettings,
            WatchedPrefixes watched,
            ConnectionRegistry registry,
            OutputLayout layout,
            TelemetryStore store,
            PrintWriter out) {
        BgpDayRead read = PrefixEventsDay.compute(day, bgpSettings, watched, registry, layout, store);
        if (read.isMissing()) {
            out.println(day + "  bgp: missing (no folder " + BgpDay.folder(bgpSettings.folder(), day) + ")");
            return;
        }
        long critical = read.events("Critical");
        long warning = read.events("Warning");
        out.println(day + "  " + read.files().size() + " files, " + read.records() + " records, " + critical
                + " critical, " + warning + " warning, " + read.events("Information") + " information event(s)"
                + (read.rejects().isEmpty()
                        ? ""
                        : "; " + read.rejects().size() + " rejected (bgp-rejects/" + day + ".csv)")
                + (read.multicast() == 0 ? "" : "; " + read.multicast() + " multicast routes (no events)"));
    }
}
