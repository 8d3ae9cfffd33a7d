package org.peertel.config;

import java.nio.file.Path;

/**
 * How long DuckDB keeps the per-row tables (measurements, unattributed rows, rejects), and where older days go. Keys
 * of the job settings file: {@code retention.measurement-days} (default 35; 0 keeps every day in DuckDB), the days
 * counted back from the newest processed day, that day included; {@code archive.dir} (default {@code <out>/archive}),
 * the Parquet archive that holds the older days' rows ({@code docs/storage.md}).
 *
 * @param archiveDir null for {@code <out>/archive}
 */
public record RetentionSettings(int measurementDays, Path archiveDir) {

    public static final String MEASUREMENT_DAYS_KEY = "retention.measurement-days";
    public static final String ARCHIVE_DIR_KEY = "archive.dir";

    public static final RetentionSettings DEFAULTS = new RetentionSettings(35, null);

    /** The most days the window may hold (10 years). */
    static final int MAX_DAYS = 3660;

    /** Whether days leave DuckDB at all. */
    public boolean on() {
        return measurementDays > 0;
    }

    /** The archive folder for a run whose output folder is {@code out}. */
    public Path archive(Path out) {
        return archiveDir != null ? archiveDir : out.resolve("archive");
    }

    /** The retention keys of {@code settings}; a missing key keeps its default. */
    static RetentionSettings read(SettingsFile settings) {
        int days = DEFAULTS.measurementDays;
        SettingsFile.Entry entry = settings.entries().get(MEASUREMENT_DAYS_KEY);
        if (entry != null) {
            if (!entry.value().matches("[0-9]{1,4}") || Integer.parseInt(entry.value()) > MAX_DAYS) {
                throw settings.error(
                        entry,
                        "expected a whole number of days from 0 (keep every day in DuckDB) to " + MAX_DAYS + ", e.g. "
                                + DEFAULTS.measurementDays);
            }
            days = Integer.parseInt(entry.value());
        }
        Path archive = null;
        SettingsFile.Entry folder = settings.entries().get(ARCHIVE_DIR_KEY);
        if (folder != null) {
            if (folder.value().isEmpty()) {
                throw settings.error(folder, "empty path; give a folder, or remove the line to use <out>/archive");
            }
            archive = Path.of(folder.value());
        }
        return new RetentionSettings(days, archive);
    }
}
