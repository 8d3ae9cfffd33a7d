package org.peertel.testhook;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The moments of a run at which a test can stop the process dead ({@value TestHooks#CRASH_AT}) or pause it
 * ({@value TestHooks#PAUSE_AT}) to check what the next run makes of it (CrashRestartTest kills a run at every one
 * of them). A new step's dangerous moments get a constant here and one {@link #reach()} call where they happen.
 */
public enum CrashPoint {

    /** attributeStep: the first latency file of the day is in the spool, the others may still be read. */
    ATTRIBUTE_CHUNK_WRITTEN("attribute-chunk-written"),

    /**
     * A remote worker's aggregateStep partition: its Parquet files are in the shared spool, the partition not yet
     * recorded complete (reached only by {@code peertel worker}; the remote tests, not CrashRestartTest, kill there).
     */
    AGGREGATE_PARTITION_WRITTEN("aggregate-partition-written"),

    /** publishStep: inside the DuckDB publish transaction, everything done but the commit. */
    PUBLISH_BEFORE_COMMIT("publish-before-commit"),

    /** publishStep: the publish committed, the spool not yet deleted, the step not yet recorded complete. */
    PUBLISH_COMMITTED("publish-committed"),

    /** Any output file written to its temporary name, not yet renamed; the first one is {@code alerts/<date>.csv}. */
    ATOMIC_FILE_BEFORE_RENAME("atomic-file-before-rename"),

    /** reportStep: one customer's reports written, the next customer's not. */
    REPORT_BETWEEN_CUSTOMERS("report-between-customers"),

    /**
     * Alert delivery after the days: a webhook acknowledged a day's document, which is not yet recorded as delivered
     * (reached only with a webhook set; WebhookCrashTest, not CrashRestartTest, kills a run here).
     */
    DELIVERY_SENT_NOT_RECORDED("delivery-sent-not-recorded"),

    /**
     * retentionStep: an archive file written and verified under its temporary name, not yet renamed (reached only
     * when a day leaves the window; RetentionCrashTest, not CrashRestartTest, kills a run at the retention points).
     */
    RETENTION_BEFORE_RENAME("retention-before-rename"),

    /** retentionStep: every archive file of a day in place, the day's rows not yet deleted. */
    RETENTION_ARCHIVED("retention-archived"),

    /** retentionStep: inside the transaction that deletes the day's rows, everything done but the commit. */
    RETENTION_DELETE_BEFORE_COMMIT("retention-delete-before-commit");

    private final String commandLineName;

    CrashPoint(String commandLineName) {
        this.commandLineName = commandLineName;
    }

    /** The name the properties use, for example {@code publish-before-commit}. */
    public String commandLineName() {
        return commandLineName;
    }

    /**
     * The point called {@code name} on the command line.
     *
     * @throws IllegalArgumentException if no point has that name; the message lists the points there are
     */
    public static CrashPoint named(String name) {
        return Arrays.stream(values())
                .filter(point -> point.commandLineName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no crash point; the points are "
                        + Arrays.stream(values())
                                .map(CrashPoint::commandLineName)
                                .collect(Collectors.joining(", "))));
    }

    /**
     * Called by the code at this point: returns at once unless a test armed it; pauses there if armed by
     * {@value TestHooks#PAUSE_AT}; blocks until killed if armed by {@value TestHooks#CRASH_AT}.
     */
    public void reach() {
        TestHooks.reach(this);
    }
}
