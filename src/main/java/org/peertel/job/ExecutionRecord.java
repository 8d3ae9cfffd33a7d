package org.peertel.job;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.peertel.store.StoreQueries.DayCounts;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a telemetry job execution records about itself in its JobExecution's ExecutionContext, so that history
 * and summaries read the job repository only (through the JobRepository API, on H2 and PostgreSQL alike):
 * <ul>
 * <li>{@code reason} and {@code restart}, put when the execution starts: why this execution ran. A restart
 * keeps the job parameters of the failed execution (including its {@code reason} parameter), so the reason of
 * the invocation that restarted it is kept here;</li>
 * <li>{@code rows_read}, {@code attributed}, {@code no_prefix}, {@code location_mismatch}, {@code rejected} (the
 * total), {@code alerts}, {@code skipped_files} (files left out by --skip-bad-files), and per reason
 * {@code rejected.<reason>} and per severity {@code alerts.<severity>}, put by reportStep: the same numbers as
 * {@code runs/<date>.json}; {@code bgp}, a line for people on the day's BGP folder, when the run had BGP on.</li>
 * </ul>
 * Spring Batch copies the context of a failed execution into its restart; the counts are removed when an
 * execution starts, so an execution that did not reach reportStep has none.
 */
public final class ExecutionRecord {

    public static final String REASON = "reason";
    public static final String RESTART = "restart";
    public static final String ROWS_READ = "rows_read";
    public static final String ATTRIBUTED = "attributed";
    public static final String NO_PREFIX = "no_prefix";
    public static final String LOCATION_MISMATCH = "location_mismatch";
    public static final String REJECTED = "rejected";
    public static final String ALERTS = "alerts";
    public static final String SKIPPED_FILES = "skipped_files";
    /** What the day's BGP folder gave, for people ("missing", "1 critical, 0 warning events"); absent when off. */
    public static final String BGP = "bgp";
    /**
     * The {@link #BGP} line ({@code WriteReportsTasklet#bgpText}) of a day whose BGP folder gave nothing to look at:
     * no Critical or Warning event, no reject, no multicast route; the run summary gives it no note.
     */
    public static final String QUIET_BGP_DAY = "0 critical, 0 warning events";

    static final String REJECTED_PREFIX = "rejected.";
    static final String ALERTS_PREFIX = "alerts.";

    private ExecutionRecord() {}

    /** The counts of a day, as reportStep records them. */
    public record Counts(
            long rowsRead,
            long attributed,
            long noPrefix,
            long locationMismatch,
            long rejected,
            long alerts,
            Map<String, Long> rejectedByReason,
            Map<String, Long> alertsBySeverity,
            long skippedFiles,
            String bgp) {
        public Counts {
            rejectedByReason = Map.copyOf(rejectedByReason);
            alertsBySeverity = Map.copyOf(alertsBySeverity);
            bgp = bgp == null ? "" : bgp;
        }

        /** Reason → count in name order. */
        public TreeMap<String, Long> rejectedSorted() {
            return new TreeMap<>(rejectedByReason);
        }

        /** Severity → count in name order (CRITICAL before WARNING). */
        public TreeMap<String, Long> alertsSorted() {
            return new TreeMap<>(alertsBySeverity);
        }

        /** @param bgp the day's {@link #BGP} line; empty with BGP off */
        public static Counts of(DayCounts day, Map<String, Long> alertsBySeverity, String bgp) {
            long rejected =
                    day.rejected().values().stream().mapToLong(Long::longValue).sum();
            long alerts = alertsBySeverity.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            return new Counts(
                    day.rowsRead(),
                    day.attributed(),
                    day.noPrefix(),
                    day.locationMismatch(),
                    rejected,
                    alerts,
                    day.rejected(),
                    alertsBySeverity,
                    day.skippedFiles().size(),
                    bgp);
        }
    }

    /** Records why the execution runs, and forgets counts copied from the execution it restarts. */
    static void started(ExecutionContext context, RunReason reason, boolean restart) {
        context.putString(REASON, reason.code());
        context.putString(RESTART, Boolean.toString(restart));
        for (String key : context.toMap().keySet()) {
            if (isCountKey(key)) {
                context.remove(key);
            }
        }
    }

    static void counted(ExecutionContext context, Counts counts) {
        context.putLong(ROWS_READ, counts.rowsRead());
        context.putLong(ATTRIBUTED, counts.attributed());
        context.putLong(NO_PREFIX, counts.noPrefix());
        context.putLong(LOCATION_MISMATCH, counts.locationMismatch());
        context.putLong(REJECTED, counts.rejected());
        context.putLong(ALERTS, counts.alerts());
        context.putLong(SKIPPED_FILES, counts.skippedFiles());
        if (!counts.bgp().isEmpty()) {
            context.putString(BGP, counts.bgp());
        }
        counts.rejectedByReason().forEach((reason, n) -> context.putLong(REJECTED_PREFIX + reason, n));
        counts.alertsBySeverity().forEach((severity, n) -> context.putLong(ALERTS_PREFIX + severity, n));
    }

    /** The counts reportStep recorded; empty when the execution did not get that far. */
    public static Optional<Counts> counts(ExecutionContext context) {
        if (!context.containsKey(ROWS_READ)) {
            return Optional.empty();
        }
        Map<String, Long> rejected = new TreeMap<>();
        Map<String, Long> alerts = new TreeMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            if (entry.getKey().startsWith(REJECTED_PREFIX)) {
                rejected.put(entry.getKey().substring(REJECTED_PREFIX.length()), number(entry.getValue()));
            } else if (entry.getKey().startsWith(ALERTS_PREFIX)) {
                alerts.put(entry.getKey().substring(ALERTS_PREFIX.length()), number(entry.getValue()));
            }
        }
        return Optional.of(new Counts(
                number(context.get(ROWS_READ)),
                number(context.get(ATTRIBUTED)),
                number(context.get(NO_PREFIX)),
                number(context.get(LOCATION_MISMATCH)),
                number(context.get(REJECTED)),
                number(context.get(ALERTS)),
                rejected,
                alerts,
                context.containsKey(SKIPPED_FILES) ? number(context.get(SKIPPED_FILES)) : 0,
                context.containsKey(BGP) ? String.valueOf(context.get(BGP)) : ""));
    }

    /** The reason recorded when the execution started, if any. */
    public static Optional<RunReason> reason(ExecutionContext context) {
        return context.containsKey(REASON)
                ? Optional.of(RunReason.ofCode(String.valueOf(context.get(REASON))))
                : Optional.empty();
    }

    /** Whether the execution was recorded as a restart; empty for executions that recorded nothing. */
    public static Optional<Boolean> restart(ExecutionContext context) {
        return context.containsKey(RESTART)
                ? Optional.of(Boolean.parseBoolean(String.valueOf(context.get(RESTART))))
                : Optional.empty();
    }

    private static boolean isCountKey(String key) {
        return key.equals(ROWS_READ)
                || key.equals(ATTRIBUTED)
                || key.equals(NO_PREFIX)
                || key.equals(LOCATION_MISMATCH)
                || key.equals(REJECTED)
                || key.equals(ALERTS)
                || key.equals(SKIPPED_FILES)
                || key.equals(BGP)
                || key.startsWith(REJECTED_PREFIX)
                || key.startsWith(ALERTS_PREFIX);
    }

    /** Serializers may give back an Integer for a small Long; read any number. */
    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
