package org.peertel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.peertel.alert.AlertSettings;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;
import org.peertel.routing.BgpSettings;
import org.peertel.schedule.ScheduleSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code peertel validate}: checks a connections registry (and the alert settings) and lists every finding. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a connections registry and print every error and warning with its file and line.",
            "The alert settings named by the job settings are checked against it too."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.OK_LINE,
            ExitCode.FAILED_LINE,
            ExitCode.BAD_USAGE_LINE,
            ExitCode.INTERRUPTED_LINE,
            ExitCode.TERMINATED_LINE
        })
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PathOptions paths;

    @Override
    public Integer call() {
        JobSettings settings = paths.resolve();
        PrintWriter out = spec.commandLine().getOut();
        RegistryLoadResult result = RegistryLoader.load(settings.connections());
        Preflight.printIssues(result, out);
        int errors = result.errors().size();
        if (result.ok()) {
            try {
                AlertSettings alerts = AlertSettings.load(settings.alerts());
                Preflight.alertSettings(alerts, result.registry());
                Preflight.retention(
                        settings,
                        alerts,
                        ScheduleSettings.load(paths.settingsFile()).horizonDays());
                BgpSettings.load(paths.settingsFile());
            } catch (ConfigurationException e) {
                out.println(e.getMessage());
                errors++;
            }
        }
        String counts = result.ok()
                ? result.registry().connections().size() + " connections of "
                        + result.registry().customerIds().size() + " customers, "
                : "";
        out.println(settings.connections() + ": " + counts + errors + " error(s), "
                + result.warnings().size() + " warning(s)");
        return errors == 0 ? ExitCode.OK : ExitCode.BAD_USAGE;
    }
}
