package org.peertel.config;

import java.nio.file.Path;

/**
 * How long DuckDB keeps each day, and where older days go. Keys of the job settings file, each a number of days
 * counted back from the newest processed day, that day included:
 *
 * <ul>
 *   <li>{@code retention.measurement-days} (default 35; 0 keeps every day in DuckDB): the per-row tables
 *       (measurements, unattributed rows, rejects);
 *   <li>{@code retention.aggregate-days} (default 0, every day kept): the day's aggregates, alerts, judgements, owners
 *       and input manifest. When set, it must be at least the measurement window, and cover what a later day reads
 *       back ({@link #requireCovers}): REGRESSION's baseline and the schedule's catch-up horizon;
 *   <li>{@code archive.dir} (default {@code <out>/archive}): the Parquet archive that holds the older days
 *       ({@code docs/storage.md}).
 * </ul>
 *
 * @param archiveDir         null for {@code <out>/archive}
 * @param aggregateDaysWhere "file:line" of {@code retention.aggregate-days}, for messages; null when not set
 */
public record RetentionSettings(int measurementDays, int aggregateDays, Path archiveDir, String aggregateDaysWhere) {

    public static final String MEASUREMENT_DAYS_KEY = "retention.measurement-days";
    public static final String AGGREGATE_DAYS_KEY = "retention.aggregate-days";
    public static final String ARCHIVE_DIR_KEY = "archive.dir";

    public static final RetentionSettings DEFAULTS = new RetentionSettings(35, 0, null, null);

    /** The most days a window may hold (10 years). */
    static final int MAX_DAYS = 3660;

    /** Whether the per-row tables of old days leave DuckDB. */
    public boolean on() {
        return measurementDays > 0;
    }

    /** Whether the aggregates (and the rest of a day) of old days leave DuckDB too. */
    public boolean aggregatesOn() {
        return aggregateDays > 0;
    }

    /** The archive folder for a run whose output folder is {@code out}. */
    public Path archive(Path out) {
        return archiveDir != null ? archiveDir : out.resolve("archive");
    }

    /**
     * Refuses an aggregate window shorter than what a later day reads back from the stored days: the REGRESSION
     * baseline of {@code baselineDays} days before a day, and the schedule's catch-up horizon of {@code horizonDays}
     * days, whose input manifests the late-data check compares. (Days of incidents still open are kept whatever the
     * window: the retention step never archives them.)
     *
     * @param baselineSource where the baseline is set, for the message, e.g. the alert rules file
     */
    public void requireCovers(int baselineDays, String baselineSource, int horizonDays) {
        if (!aggregatesOn()) {
            return;
        }
        String fix = "; raise it, or remove the line to keep every day's aggregates";
        if (aggregateDays <= baselineDays) {
            throw new ConfigurationException(aggregateDaysWhere + ": " + AGGREGATE_DAYS_KEY + " = " + aggregateDays
                    + " is too short: REGRESSION compares a day with the " + baselineDays + " days before it ("
                    + baselineSource + "), so the window must hold at least " + (baselineDays + 1) + " days" + fix);
        }
        if (aggregateDays < horizonDays) {
            throw new ConfigurationException(aggregateDaysWhere + ": " + AGGREGATE_DAYS_KEY + " = " + aggregateDays
                    + " is too short: the schedule's catch-up horizon (schedule.horizon-days) is " + horizonDays
                    + " days, and its late-data check compares their input manifests, so the window must hold at "
                    + "least " + horizonDays + " days" + fix);
        }
    }

    /** The retention keys of {@code settings}; a missing key keeps its default. */
    static RetentionSettings read(SettingsFile settings) {
        int measurementDays =
                days(settings, MEASUREMENT_DAYS_KEY, DEFAULTS.measurementDays, "keep every day in DuckDB");
        int aggregateDays = days(settings, AGGREGATE_DAYS_KEY, DEFAULTS.aggregateDays, "keep every day's aggregates");
        SettingsFile.Entry aggregates = settings.entries().get(AGGREGATE_DAYS_KEY);
        if (aggregateDays > 0 && (measurementDays == 0 || aggregateDays < measurementDays)) {
            throw settings.error(
                    aggregates,
                    "the aggregates of a day are kept at least as long as its measurements ("
                            + MEASUREMENT_DAYS_KEY + " = " + measurementDays
                            + (measurementDays == 0 ? ", every day" : "")
                            + "); give at least that many days, or 0");
        }
        Path archive = null;
        SettingsFile.Entry folder = settings.entries().get(ARCHIVE_DIR_KEY);
        if (folder != null) {
            if (folder.value().isEmpty()) {
                throw settings.error(folder, "empty path; give a folder, or remove the line to use <out>/archive");
            }
            archive = Path.of(folder.value());
        }
        return new RetentionSettings(
                measurementDays, aggregateDays, archive, aggregates == null ? null : settings.where(aggregates));
    }

    private static int days(SettingsFile settings, String key, int defaultDays, String zeroMeans) {
        SettingsFile.Entry entry = settings.entries().get(key);
        if (entry == null) {
            return defaultDays;
        }
        if (!entry.value().matches("[0-9]{1,4}") || Integer.parseInt(entry.value()) > MAX_DAYS) {
            throw settings.error(
                    entry,
                    "expected a whole number of days from 0 (" + zeroMeans + ") to " + MAX_DAYS + ", e.g. "
                            + (defaultDays > 0 ? defaultDays : 400));
        }
        return Integer.parseInt(entry.value());
    }
}
