package org.peertel.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.peertel.routing.BgpSettings;
import org.peertel.routing.EventSettings;
import org.peertel.store.DaySpool;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one telemetry job run. {@code date} and {@code attempt} identify the job instance: a day
 * that completed is run again as a new instance with the next attempt number, while a failed attempt is
 * restarted as the same instance. The paths and {@code reason} (why the run was started) do not identify the
 * instance; {@code alerts} is null for the built-in alert rules; {@code bgp} says where the day's BGP files are
 * and how many peers make an event ({@link BgpSettings#OFF}: no prefix events). An execution started by a release
 * without BGP has no BGP parameters and restarts with BGP off. {@code shared} is null for a day run in one process,
 * and for a day run by remote workers the folder they share ({@code shared.dir}), where the day's spool is
 * ({@link #spool()}).
 */
public record TelemetryJobParameters(
        LocalDate date,
        long attempt,
        Path connections,
        Path input,
        Path out,
        Path db,
        Path alerts,
        RunReason reason,
        BgpSettings bgp,
        Path shared) {

    public static final String DATE = "date";
    public static final String ATTEMPT = "attempt";
    public static final String CONNECTIONS = "connections";
    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String DB = "db";
    public static final String ALERTS = "alerts";
    public static final String REASON = "reason";
    public static final String BGP = "bgp";
    public static final String BGP_MIN_PEERS = "bgp.min-peers";
    public static final String BGP_VISIBILITY_MIN_PEERS = "bgp.visibility-min-peers";
    public static final String SHARED = "shared";

    public TelemetryJobParameters {
        reason = reason == null ? RunReason.MANUAL : reason;
        bgp = bgp == null ? BgpSettings.OFF : bgp;
    }

    /** Parameters without prefix events. */
    public TelemetryJobParameters(
            LocalDate date,
            long attempt,
            Path connections,
            Path input,
            Path out,
            Path db,
            Path alerts,
            RunReason reason) {
        this(date, attempt, connections, input, out, db, alerts, reason, BgpSettings.OFF, null);
    }

    /** A manual run (what {@code peertel run} starts). */
    public TelemetryJobParameters(
            LocalDate date, long attempt, Path connections, Path input, Path out, Path db, Path alerts) {
        this(date, attempt, connections, input, out, db, alerts, RunReason.MANUAL, BgpSettings.OFF, null);
    }

    /** The same parameters started for another reason. */
    public TelemetryJobParameters withReason(RunReason newReason) {
        return new TelemetryJobParameters(date, attempt, connections, input, out, db, alerts, newReason, bgp, shared);
    }

    public TelemetryJobParameters withAttempt(long newAttempt) {
        return new TelemetryJobParameters(date, newAttempt, connections, input, out, db, alerts, reason, bgp, shared);
    }

    /** The same parameters with prefix events from {@code newBgp}. */
    public TelemetryJobParameters withBgp(BgpSettings newBgp) {
        return new TelemetryJobParameters(date, attempt, connections, input, out, db, alerts, reason, newBgp, shared);
    }

    /** The same parameters for remote workers sharing the folder {@code newShared} (null: one process). */
    public TelemetryJobParameters withShared(Path newShared) {
        return new TelemetryJobParameters(date, attempt, connections, input, out, db, alerts, reason, bgp, newShared);
    }

    /**
     * The day's spool: beside the DuckDB file in one process; in the shared folder when remote workers write it,
     * as {@code <shared>/<db file name>.spool/<day>/}.
     */
    public DaySpool spool() {
        return shared == null ? DaySpool.of(db, date) : DaySpool.of(shared.resolve(db.getFileName()), date);
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
                .addString(
                        BGP,
                        bgp.folder() == null
                                ? ""
                                : bgp.folder().toAbsolutePath().toString(),
                        false)
                .addLong(BGP_MIN_PEERS, (long) bgp.events().minPeers(), false)
                .addLong(BGP_VISIBILITY_MIN_PEERS, (long) bgp.events().visibilityMinPeers(), false)
                .addString(SHARED, shared == null ? "" : shared.toAbsolutePath().toString(), false)
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
                RunReason.ofCode(parameters.getString(REASON)),
                bgp(parameters),
                shared(parameters));
    }

    /** Null for one process, also for an execution started by a release from before remote workers. */
    private static Path shared(JobParameters parameters) {
        String folder = parameters.getString(SHARED);
        return folder == null || folder.isEmpty() ? null : Path.of(folder);
    }

    private static BgpSettings bgp(JobParameters parameters) {
        String folder = parameters.getString(BGP);
        if (folder == null || folder.isEmpty()) {
            return BgpSettings.OFF;
        }
        return new BgpSettings(
                Path.of(folder),
                new EventSettings(
                        parameters.getLong(BGP_MIN_PEERS).intValue(),
                        parameters.getLong(BGP_VISIBILITY_MIN_PEERS).intValue()));
    }

    public Path dayFolder() {
        return input.resolve(date.toString());
    }
}
