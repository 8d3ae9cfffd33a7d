package org.peertel.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.history.Attempt;
import org.peertel.history.AttemptLog;
import org.peertel.history.DaysDone;
import org.peertel.history.Horizon;
import org.peertel.history.TelemetryExecution;
import org.peertel.history.TelemetryHistory;
import org.peertel.launch.JobRepositoryReader;
import org.peertel.output.AtomicFiles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;

/**
 * The metrics file ({@code metrics.textfile}), rewritten whole after every attempt: from the attempt log (the last
 * attempt) and the job repository (the last success, the newest completed day's counts and step durations, the days
 * missing). Written to a temporary file and renamed into place, so that node_exporter never reads half of it.
 */
public final class MetricsFile {

    private MetricsFile() {}

    /**
     * Writes the metrics of the database of {@code settings} to {@code target}.
     *
     * @param command     what reads the job repository, for the holder text of the run lock
     * @param horizonDays the catch-up horizon ({@code schedule.horizon-days}) over which days are counted missing
     * @param now         the time of the attempt (its clock), which makes "yesterday"
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(Path target, JobSettings settings, String command, int horizonDays, Instant now) {
        AttemptLog.Contents attempts;
        try {
            attempts = AttemptLog.read(AttemptLog.fileOf(settings.db()));
        } catch (IOException e) {
            attempts = AttemptLog.Contents.none();
        }
        List<Attempt> lines = attempts.attempts();
        Attempt last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        NightlyMetrics metrics;
        try (JobRepositoryReader reader =
                JobRepositoryReader.openIfExists(settings, command, note -> {}).orElse(null)) {
            Horizon horizon = Horizon.at(now, horizonDays);
            if (reader == null) {
                metrics = new NightlyMetrics(
                        last,
                        attempts.malformedLines().size(),
                        true,
                        null,
                        null,
                        horizon.missing(DaysDone.NONE).size());
            } else {
                TelemetryHistory history = new TelemetryHistory(reader.jobRepository());
                Optional<Instant> lastSuccess = history.executions(null, null).stream()
                        .filter(e -> e.status() == BatchStatus.COMPLETED && e.end() != null)
                        .map(TelemetryExecution::end)
                        .max(Instant::compareTo);
                metrics = new NightlyMetrics(
                        last,
                        attempts.malformedLines().size(),
                        true,
                        lastSuccess.orElse(null),
                        history.newestCompletedDay().orElse(null),
                        horizon.missing(history.daysDone()).size());
            }
        } catch (ConfigurationException | DataAccessException unreadable) {
            metrics = new NightlyMetrics(last, attempts.malformedLines().size(), false, null, null, 0);
        }
        AtomicFiles.writeStringShared(target, metrics.text());
    }
}
