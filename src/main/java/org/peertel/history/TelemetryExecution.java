package org.peertel.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.peertel.job.ExecutionRecord;
import org.peertel.job.RunReason;
import org.peertel.job.TelemetryJobParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * One telemetry job execution as history and summaries show it, read from the job repository only.
 *
 * @param start   null when the execution never started
 * @param end     null while it runs (or when its process died)
 * @param reason  why it ran: the reason recorded when it started, else its {@code reason} parameter
 * @param restart true when it restarted an earlier (failed or stopped) execution of the same instance
 * @param counts  null when it did not reach reportStep
 * @param cause   why it did not complete, in one line ({@link ExecutionCause}); null when it completed or runs
 */
public record TelemetryExecution(
        long executionId,
        LocalDate day,
        long attempt,
        BatchStatus status,
        Instant start,
        Instant end,
        RunReason reason,
        boolean restart,
        ExecutionRecord.Counts counts,
        String cause) {

    /**
     * @param restartIfUnrecorded whether to call it a restart when the execution recorded nothing about that
     *                            (executions made before {@link ExecutionRecord} existed)
     */
    public static TelemetryExecution of(JobExecution execution, boolean restartIfUnrecorded) {
        var parameters = execution.getJobParameters();
        var context = execution.getExecutionContext();
        Long attempt = parameters.getLong(TelemetryJobParameters.ATTEMPT);
        return new TelemetryExecution(
                execution.getId(),
                parameters.getLocalDate(TelemetryJobParameters.DATE),
                attempt == null ? 1 : attempt,
                execution.getStatus(),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                ExecutionRecord.reason(context)
                        .orElseGet(() -> RunReason.ofCode(parameters.getString(TelemetryJobParameters.REASON))),
                ExecutionRecord.restart(context).orElse(restartIfUnrecorded),
                ExecutionRecord.counts(context).orElse(null),
                ExecutionCause.of(execution));
    }

    /** Why it ran: manual, nightly, catch-up, late data; "restart (nightly)" for a restart. */
    public String why() {
        return restart ? "restart (" + reason.label() + ")" : reason.label();
    }

    /** Null until it ended. */
    public Duration duration() {
        return start == null || end == null ? null : Duration.between(start, end);
    }

    /** Spring Batch keeps times as local date-times of the JVM that wrote them. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
