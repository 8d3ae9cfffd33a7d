package org.peertel.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.launch.RunLock;
import org.peertel.output.DayList;
import org.peertel.report.Coverage;
import org.peertel.report.OutputLayout;
import org.peertel.report.RangeReports;
import org.peertel.report.RegistryOwners;
import org.peertel.store.RangeQueries;
import org.peertel.store.StoreQueries;
import org.peertel.store.TelemetryStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peertel report}: a customer's report over a range of processed days, from the store, with exact statistics
 * over every measurement of the range. Each day's rows go to the customer that owned the connection that day.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a customer's report over the processed days D1 to D2: reports/<customer_id>/range-D1_D2.csv "
                    + "(one row per connection it owned on some day of the range: samples, median, p95, p99, "
                    + "min, max, mean over every measurement of the range, days with and without data, days with "
                    + "alerts, coverage) and range-D1_D2-prefixes.csv (per connection and matched prefix).",
            "A connection's rows count for the customer that owned it on the day they were measured; it shows "
                    + "with its name, partner and location of that customer's last day of the range.",
            "Every day of the range must have been processed (run); the command names every day that was not."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exactly one of the two. */
    static final class Customers {
        @Option(names = "--customer", paramLabel = "ID", required = true, description = "The customer to report.")
        String customer;

        @Option(names = "--all-customers", required = true, description = "Every customer of the range.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Customers customers;

    @Option(
            names = "--from",
            paramLabel = "D1",
            required = true,
            description = "First day (YYYY-MM-DD, today or yesterday).")
    String from;

    @Option(names = "--to", paramLabel = "D2", required = true, description = "Last day, inclusive.")
    String to;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        LocalDate first;
        LocalDate last;
        try {
            LocalDate today = DayRange.todayUtc();
            first = DayRange.day(from, "--from", today);
            last = DayRange.day(to, "--to", today);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (last.isBefore(first)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + last + " is before --from " + first);
        }
        JobSettings settings = paths.resolve();
        Preflight.existingDatabase(
                settings.db(), "check --db, or process the days first: peertel run --from " + first + " --to " + last);
        PrintWriter out = spec.commandLine().getOut();
        OutputLayout layout = new OutputLayout(settings.out());
        try (RunLock lock = RunLock.acquire(settings.db(), "peertel report --from " + first + " --to " + last);
                TelemetryStore store = TelemetryStore.open(settings.db(), settings.duckDb())) {
            StoreQueries queries = store.queries();
            List<LocalDate> published = queries.publishedDays(first, last);
            List<LocalDate> missing = new ArrayList<>();
            List<Coverage> coverages = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (published.contains(day)) {
                    coverages.add(Coverage.of(queries.counts(day)));
                } else {
                    missing.add(day);
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException(missing.size() + (missing.size() == 1 ? " day" : " days")
                        + " of the range never processed: " + DayList.compact(missing) + " (in " + settings.db()
                        + "); process them first (peertel run --from ... --to ...), or report a range without them");
            }
            Coverage coverage = Coverage.ofRange(coverages);
            try (RangeQueries range = store.range(first, last, RegistryOwners.of(settings.connections()))) {
                List<String> reported = customersToReport(range, first, last);
                for (String customerId : reported) {
                    OutputLayout.ReportFiles files = layout.rangeFiles(customerId, first, last);
                    RangeReports.write(
                            range, customerId, files, "Latency " + first + " to " + last, first, last, coverage, null);
                    out.println("peertel report: wrote " + files.connections() + ", its -prefixes.csv and .html");
                }
            }
        }
        return ExitCode.OK;
    }

    /** --customer, or every customer of the range; refuses a customer that owned nothing in it. */
    private List<String> customersToReport(RangeQueries range, LocalDate first, LocalDate last) {
        List<String> inRange = range.customers();
        if (customers.all) {
            return inRange;
        }
        if (!inRange.contains(customers.customer)) {
            throw new ConfigurationException("customer '" + customers.customer + "' owned no connection on the days "
                    + first + " .. " + last + " (customers of the range: " + String.join(", ", inRange) + ")");
        }
        return List.of(customers.customer);
    }
}
