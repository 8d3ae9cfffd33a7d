package org.peertel.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.monitor.NightlyStatus;
import org.peertel.monitor.StatusCheck;
import org.peertel.monitor.StatusLevel;
import org.peertel.monitor.StatusSettings;
import org.peertel.schedule.ScheduleSettings;
import org.peertel.testhook.TestHooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code peertel status}: how the nightly installation stands, for monitoring and for people. Its exit codes follow
 * the monitoring-plugin convention ({@link StatusLevel}), unlike every other command's; a usage error is UNKNOWN
 * too ({@link PeertelMain}). Reads only, also while a run works; not recorded in the attempt log.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Say how the nightly installation stands, as a monitoring plugin does: one summary line "
                    + "(PEERTEL OK - ...), then the last completed day, the last attempt and its outcome, the run "
                    + "working now, the days of the catch-up horizon missing or waiting, and pending late data.",
            "A day is due at the first tick of schedule.cron (UTC) after it ends, and missing "
                    + "status.grace-minutes (default 180) later: yesterday is not missing before tonight's run. "
                    + "When systemd or cron starts the nightly run, set schedule.cron to its time.",
            "Late data is seen by names and sizes (no checksums); reads the job repository, the attempt log "
                    + "and the day folders, also while a run is working; writes nothing."
        },
        exitCodeListHeading = "%nExit codes (the monitoring-plugin convention, unlike the other commands):%n",
        exitCodeList = {
            "0:OK: every day due is done, nothing waits",
            "1:WARNING: late data pending, a day waiting within its grace time, or the last attempt stopped by a signal",
            "2:CRITICAL: the last attempt failed or did not start, or a day is missing past its tick plus the grace time",
            "3:UNKNOWN: bad usage, or the settings, the attempt log or the job repository cannot be read"
        })
public final class StatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PathOptions paths;

    /** The clock of the status (a test may set it: {@link TestHooks#clock()}). */
    Clock clock = TestHooks.clock();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NightlyStatus status;
        try {
            JobSettings settings = paths.resolve();
            status = StatusCheck.take(
                    settings,
                    ScheduleSettings.load(paths.settingsFile()),
                    StatusSettings.load(paths.settingsFile()),
                    clock.instant());
        } catch (ConfigurationException unreadable) {
            out.println(unknown(unreadable.getMessage()));
            return StatusLevel.UNKNOWN.exitCode();
        }
        out.println(status.summary());
        status.details().forEach(out::println);
        return status.level().exitCode();
    }

    /** The summary line of a status that cannot be taken. */
    static String unknown(String why) {
        return "PEERTEL UNKNOWN - " + why.strip().lines().findFirst().orElse("");
    }
}
