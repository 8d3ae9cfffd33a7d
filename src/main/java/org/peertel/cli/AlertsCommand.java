package org.peertel.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.alert.Incident;
import org.peertel.alert.Lifecycle;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.delivery.AlertDelivery;
import org.peertel.delivery.DeliveryReport;
import org.peertel.delivery.DeliverySettings;
import org.peertel.launch.RunLock;
import org.peertel.registry.FileNameRule;
import org.peertel.store.TelemetryStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peertel alerts}: the incidents of the processed days for an operator, from the store: those open now, or
 * those open on some day of a range.
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = {
            "List incidents: one (connection, rule) from the first day it fired until the first later processed day "
                    + "on which its rule was judged and did not fire (see docs/alerts.md).",
            "Without options: every incident open after the latest processed day, as alerts/open.csv has them."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, ExitCode.FAILED_LINE, ExitCode.BAD_USAGE_LINE})
public final class AlertsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** --open (the default) or a range. */
    static final class Which {
        @Option(names = "--open", required = true, description = "Incidents open after the latest processed day.")
        boolean open;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Range range;
    }

    static final class Range {
        @Option(
                names = "--from",
                paramLabel = "D1",
                required = true,
                description = "Incidents open or resolved on some day from D1 (YYYY-MM-DD) ...")
        String from;

        @Option(names = "--to", paramLabel = "D2", required = true, description = "... to D2, inclusive.")
        String to;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Which which;

    @Option(
            names = "--deliver",
            description = "First send the receivers of the settings (alerting.webhook-url, alerting.alertmanager-url) "
                    + "what is pending, as a run does after its days; then list.")
    boolean deliver;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        LocalDate first = null;
        LocalDate last = null;
        if (which != null && which.range != null) {
            List<LocalDate> days = DayRange.ofOptions(spec, null, which.range.from, which.range.to);
            first = days.get(0);
            last = days.get(days.size() - 1);
        }
        JobSettings settings = paths.resolve();
        Preflight.existingDatabase(settings.db(), "check --db or --settings");
        DeliverySettings delivery = deliver ? DeliverySettings.load(paths.settingsFile()) : DeliverySettings.off();
        if (deliver && !delivery.anyReceiver()) {
            throw new ConfigurationException("--deliver: no receiver is set; set alerting.webhook-url or "
                    + "alerting.alertmanager-url in " + paths.settingsFile());
        }
        Lifecycle lifecycle;
        try (RunLock lock = RunLock.acquire(settings.db(), "peertel alerts");
                TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            if (deliver) {
                AlertDelivery.register(store, delivery);
                DeliveryReport report = AlertDelivery.deliver(store, delivery, System.getenv());
                report.lines().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().println(report.summary());
            }
            lifecycle = Lifecycle.of(store.judgedDays());
        }
        List<Incident> incidents = first == null ? lifecycle.open() : during(lifecycle.incidents(), first, last);
        print(incidents, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** The incidents open, or resolved, on at least one day from {@code first} to {@code last}. */
    private static List<Incident> during(List<Incident> incidents, LocalDate first, LocalDate last) {
        return incidents.stream()
                .filter(i -> !i.openedOn().isAfter(last))
                .filter(i -> i.isOpen() || !i.resolvedOn().isBefore(first))
                .toList();
    }

    private static void print(List<Incident> incidents, PrintWriter out) {
        if (incidents.isEmpty()) {
            out.println("No incident.");
            return;
        }
        TextTable table =
                new TextTable("incident", "state", "opened", "resolved", ">days", "customer", "severity", "message");
        for (Incident incident : incidents) {
            table.row(
                    FileNameRule.printable(incident.incidentId()),
                    incident.isOpen() ? "open" : "resolved",
                    incident.openedOn(),
                    incident.resolvedOn(),
                    incident.daysOpen(),
                    FileNameRule.printable(incident.lastAlert().customerId()),
                    incident.lastAlert().severity(),
                    FileNameRule.printable(incident.message()));
        }
        table.lines().forEach(line -> out.println(line.stripTrailing()));
        out.println(incidents.size() + (incidents.size() == 1 ? " incident" : " incidents"));
    }
}
