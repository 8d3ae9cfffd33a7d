package org.peertel.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one telemetry job run. {@code date} and {@code attempt} identify the job instance: a day
 * that completed is run again as a new instance with the next attempt number, while a failed attempt is
 * restarted as the same instance. The paths and {@code reason} (why the run was started) do not identify the
 * instance; {@code alerts} is null for the built-in alert rules.
 */
public record TelemetryJobParameters(
        LocalDate date, long attempt, Path connections, Path input, Path out, Path db, Path alerts, RunReason reason) {

    public static final String DATE = "date";
    public static final String ATTEMPT = "attempt";
    public static final String CONNECTIONS = "connections";
    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String DB = "db";
    public static final String ALERTS = "alerts";
    public static final String REASON = "reason";

    public TelemetryJobParameters {
        reason = reason == null ? RunReason.MANUAL : reason;
    }

    /** A manual run (what {@code peertel run} starts). */
    public TelemetryJobParameters(
            LocalDate date, long attempt, Path connections, Path input, Path out, Path db, Path alerts) {
        this(date, attempt, connections, input, out, db, alerts, RunReason.MANUAL);
    }

    /** The same parameters started for another reason. */
    public TelemetryJobParameters withReason(RunReason newReason) {
        return new TelemetryJobParameters(date, attempt, connections, input, out, db, alerts, newReason);
    }

    public TelemetryJobParameters withAttempt(long newAttempt) {
        return new TelemetryJobParameters(date, newAttempt, connections, input, out, db, alerts, reason);
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLocalDate(DATE, date)
                .addLong(ATTEMPT, attempt)
                .addString(CONNECTIONS, connections.toAbsolutePath().toString(), false)
                .addString(INPUT, input.toAbsolutePath().toString(), false)
                .addString(OUT, out.toAbsolutePath().toString(), false)
                .addString(DB, db.toAbsolutePath().toString(), false)
                .addString(ALERTS, alerts == null ? "" : alerts.toAbsolutePath().toString(), false)
                .addString(REASON, reason.code(), false)
                .toJobParameters();
    }

    /** The identifying part only, to look up the job instance of a given day and attempt. */
    public static JobParameters identifying(LocalDate date, long attempt) {
        return new JobParametersBuilder()
                .addLocalDate(DATE, date)
                .addLong(ATTEMPT, attempt)
                .toJobParameters();
    }

    public static TelemetryJobParameters from(JobParameters parameters) {
        return new TelemetryJobParameters(
                parameters.getLocalDate(DATE),
                parameters.getLong(ATTEMPT),
                Path.of(parameters.getString(CONNECTIONS)),
                Path.of(parameters.getString(INPUT)),
                Path.of(parameters.getString(OUT)),
                Path.of(parameters.getString(DB)),
                parameters.getString(ALERTS).isEmpty() ? null : Path.of(parameters.getString(ALERTS)),
                RunReason.ofCode(parameters.getString(REASON)));
    }

    public Path dayFolder() {
        return input.resolve(date.toString());
    }
}
