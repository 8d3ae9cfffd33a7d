package org.peertel.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;
import org.peertel.history.DaysDone;
import org.peertel.history.Horizon;
import org.peertel.history.TelemetryExecution;
import org.peertel.history.TelemetryHistory;
import org.peertel.ingest.DayInput;
import org.peertel.ingest.InputReadiness;
import org.peertel.launch.JobRepositoryReader;
import org.peertel.report.OutputLayout;
import org.peertel.schedule.ScheduleSettings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;

/**
 * Gathers what {@code peertel status} rates ({@link NightlyStatus}): the attempt log beside the DuckDB file, the job
 * repository (read as {@code history} reads it, also while a run works, {@link JobRepositoryReader}), the day
 * folders of the horizon and their {@code runs/<date>.json}. Reads only; never opens the DuckDB file, which a run
 * may hold.
 */
public final class StatusCheck {

    private StatusCheck() {}

    /**
     * The status at {@code now}.
     *
     * @throws ConfigurationException when the attempt log, the job repository or a day folder cannot be read: the
     *                                status is UNKNOWN
     */
    public static NightlyStatus take(
            JobSettings settings, ScheduleSettings schedule, StatusSettings status, Instant now) {
        Attempt lastAttempt = lastAttempt(settings);
        Horizon horizon = Horizon.at(now, schedule.horizonDays());
        DaysDone done = DaysDone.NONE;
        TelemetryHistory.CompletedDay lastDay = null;
        Set<LocalDate> running = new TreeSet<>();
        Map<LocalDate, String> lastCause = new HashMap<>();
        String runningHolder = null;
        try (JobRepositoryReader reader = JobRepositoryReader.openIfExists(settings, "peertel status", note -> {})
                .orElse(null)) {
            if (reader != null) {
                TelemetryHistory history = new TelemetryHistory(reader.jobRepository());
                done = history.daysDone();
                lastDay = history.newestCompletedDay().orElse(null);
                runningHolder = reader.runningHolder().orElse(null);
                for (TelemetryExecution execution : history.executions(horizon.first(), horizon.yesterday())) {
                    if (execution.status() == BatchStatus.STARTED && runningHolder != null) {
                        running.add(execution.day());
                    }
                    if (execution.cause() != null) {
                        lastCause.put(execution.day(), execution.cause());
                    } else if (execution.status() == BatchStatus.COMPLETED) {
                        lastCause.remove(execution.day());
                    }
                }
            }
        } catch (DataAccessException e) {
            throw new ConfigurationException("cannot read the job repository: " + e.getMostSpecificCause(), e);
        }
        List<DayState> days = new ArrayList<>();
        InputReadiness readiness = settings.inputReadiness();
        OutputLayout outputs = new OutputLayout(settings.out());
        try {
            for (LocalDate day : horizon.days(done)) {
                boolean isDone = done.contains(day);
                String notDone = "";
                String lateData = "";
                DayInput input = readiness.check(day);
                if (isDone) {
                    lateData = input.ready()
                            ? RecordedInputFiles.changes(outputs.runSummary(day), input.folder())
                                    .orElse("")
                            : "";
                } else {
                    notDone = lastCause.containsKey(day)
                            ? "its last run: " + lastCause.get(day)
                            : input.ready() ? "" : "waiting for " + input.waitingFor();
                }
                days.add(NightlyStatus.dayState(
                        day,
                        schedule.dueAt(day),
                        status.grace(),
                        now,
                        isDone,
                        running.contains(day),
                        notDone,
                        lateData));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("cannot read the input of the horizon: " + e.getMessage(), e);
        }
        return new NightlyStatus(
                now,
                horizon,
                status.grace(),
                schedule.cronText(),
                days,
                lastDay == null ? null : lastDay.day(),
                lastDay == null ? null : lastDay.execution().end(),
                lastAttempt,
                runningHolder);
    }

    /** The attempt that ended last, or null when the log is empty or missing. */
    private static Attempt lastAttempt(JobSettings settings) {
        try {
            Optional<Attempt> last = AttemptLog.read(AttemptLog.fileOf(settings.db())).attempts().stream()
                    .max(Comparator.comparing(Attempt::end));
            return last.orElse(null);
        } catch (IOException e) {
            throw new ConfigurationException(
                    "cannot read the attempt log " + AttemptLog.fileOf(settings.db()) + ": " + e.getMessage(), e);
        }
    }
}
