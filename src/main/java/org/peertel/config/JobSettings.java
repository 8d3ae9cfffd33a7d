package org.peertel.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.peertel.ingest.InputReadiness;

/**
 * The settings of the telemetry job ({@code jobs/telemetry/telemetry.properties}): default paths for every
 * command-line option, where the Spring Batch job repository lives, and how input files are read
 * ({@link IngestSettings}). Relative paths are relative to the working
 * directory, except {@code alerts}, which is relative to the settings file's own folder. {@code alerts} is null for
 * the built-in alert rules. {@code duckDb} bounds DuckDB's memory and names where it spills. {@code dayInput} says
 * when a day's input is ready ({@link #inputReadiness()}); {@code runMaxDays} is the longest range {@code run} takes
 * without {@code --yes} ({@code run.max-days}); {@code reports} says which reports a run writes beyond each day's
 * ({@link ReportSettings}); {@code retention} how long DuckDB keeps the per-row tables ({@link RetentionSettings}).
 *
 * <p>Precedence, highest first: command-line options, environment variables ({@code PEERTEL_JOB_REPOSITORY_URL},
 * {@code _USER}, {@code _PASSWORD}, applied by {@link #withEnvironment}), the settings file, the built-in default.
 */
public record JobSettings(
        Path connections,
        Path input,
        Path out,
        Path db,
        Path alerts,
        int chunkSize,
        JobRepositorySettings jobRepository,
        IngestSettings ingest,
        DuckDbSettings duckDb,
        InputSettings dayInput,
        int runMaxDays,
        ReportSettings reports,
        RetentionSettings retention) {

    public static final Path DEFAULT_FILE = Path.of("jobs", "telemetry", "telemetry.properties");

    /** {@code run.max-days}: a range of more days needs {@code --yes}. */
    public static final String RUN_MAX_DAYS_KEY = "run.max-days";

    public static final int DEFAULT_RUN_MAX_DAYS = 62;

    /** The most {@code run.max-days} may be: the longest range {@code run} takes at all (10 years). */
    public static final int MAX_RUN_DAYS_LIMIT = 3660;

    private static final Set<String> KEYS = Set.of(
            "connections",
            "input",
            "out",
            "db",
            "alerts",
            "chunk-size",
            JobRepositorySettings.URL_KEY,
            JobRepositorySettings.USER_KEY,
            JobRepositorySettings.PASSWORD_KEY,
            "schedule.cron",
            "schedule.horizon-days",
            "schedule.retry-minutes",
            RUN_MAX_DAYS_KEY,
            InputSettings.READY_FILE_KEY,
            InputSettings.ALLOW_EMPTY_DAY_KEY,
            ReportSettings.MONTH_TO_DATE_KEY,
            RetentionSettings.MEASUREMENT_DAYS_KEY,
            RetentionSettings.AGGREGATE_DAYS_KEY,
            RetentionSettings.ARCHIVE_DIR_KEY,
            "metrics.textfile",
            "bgp",
            "bgp.min-peers",
            "bgp.visibility-min-peers",
            "alerting.webhook-url",
            "alerting.alertmanager-url",
            "alerting.timeout-seconds",
            "alerting.retries",
            "alerting.alertmanager-hold",
            "status.grace-minutes",
            "broker.url",
            "shared.dir",
            "workers.timeout",
            "workers.buckets",
            "workers.bucket-min-bytes",
            IngestSettings.MAX_FILE_BYTES_KEY,
            IngestSettings.MAX_RECORD_BYTES_KEY,
            IngestSettings.SKIP_BAD_FILES_KEY,
            DuckDbSettings.MEMORY_LIMIT_KEY,
            DuckDbSettings.TEMP_DIRECTORY_KEY,
            DuckDbSettings.THREADS_KEY,
            DuckDbSettings.MAX_TEMP_SIZE_KEY);

    /**
     * Settings with the default ingest and input settings, DuckDB's built-in limits ({@link DuckDbSettings#defaults()})
     * and the default {@code run.max-days}.
     */
    public JobSettings(
            Path connections,
            Path input,
            Path out,
            Path db,
            Path alerts,
            int chunkSize,
            JobRepositorySettings jobRepository) {
        this(
                connections,
                input,
                out,
                db,
                alerts,
                chunkSize,
                jobRepository,
                IngestSettings.DEFAULTS,
                DuckDbSettings.defaults(),
                InputSettings.DEFAULTS,
                DEFAULT_RUN_MAX_DAYS,
                ReportSettings.DEFAULTS,
                RetentionSettings.DEFAULTS);
    }

    /** Settings whose job repository is given by URL only (no user, no password). */
    public JobSettings(
            Path connections, Path input, Path out, Path db, Path alerts, int chunkSize, String jobRepositoryUrl) {
        this(connections, input, out, db, alerts, chunkSize, JobRepositorySettings.ofUrl(jobRepositoryUrl));
    }

    /** The JDBC URL of the job repository; empty for the H2 file beside the DuckDB file. */
    public String jobRepositoryUrl() {
        return jobRepository.url().text();
    }

    /** These settings with the PEERTEL_JOB_REPOSITORY_* variables of {@code environment} applied over them. */
    public JobSettings withEnvironment(Map<String, String> environment) {
        return new JobSettings(
                connections,
                input,
                out,
                db,
                alerts,
                chunkSize,
                jobRepository.withEnvironment(environment),
                ingest,
                duckDb,
                dayInput,
                runMaxDays,
                reports,
                retention);
    }

    /** These settings with other ingest settings. */
    public JobSettings withIngest(IngestSettings newIngest) {
        return new JobSettings(
                connections,
                input,
                out,
                db,
                alerts,
                chunkSize,
                jobRepository,
                newIngest,
                duckDb,
                dayInput,
                runMaxDays,
                reports,
                retention);
    }

    /** These settings with other report settings. */
    public JobSettings withReports(ReportSettings newReports) {
        return new JobSettings(
                connections,
                input,
                out,
                db,
                alerts,
                chunkSize,
                jobRepository,
                ingest,
                duckDb,
                dayInput,
                runMaxDays,
                newReports,
                retention);
    }

    /** These settings with other input settings. */
    public JobSettings withDayInput(InputSettings newDayInput) {
        return new JobSettings(
                connections,
                input,
                out,
                db,
                alerts,
                chunkSize,
                jobRepository,
                ingest,
                duckDb,
                newDayInput,
                runMaxDays,
                reports,
                retention);
    }

    /** The rule that says whether a day of {@link #input()} is ready to be processed, and if not, why. */
    public InputReadiness inputReadiness() {
        return new InputReadiness(input, dayInput.readyFile(), dayInput.allowEmptyDay(), ingest.limits());
    }

    /**
     * The same defaults as the shipped {@code jobs/telemetry/telemetry.properties}, for running outside the project
     * folder without a settings file; the alert rules are the built-in ones.
     */
    public static JobSettings builtIn() {
        return new JobSettings(
                Path.of("sample-data", "connections.csv"),
                Path.of("sample-data", "latency"),
                Path.of("out"),
                Path.of("out", "peertel.duckdb"),
                null,
                10_000,
                "");
    }

    public static JobSettings load(Path file) {
        SettingsFile settings = SettingsFile.read(file);
        for (SettingsFile.Entry entry : settings.entries().values()) {
            if (!KEYS.contains(entry.key())) {
                throw settings.error(
                        entry,
                        "unknown setting; known settings are "
                                + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        return new JobSettings(
                path(settings, "connections", Path.of("sample-data", "connections.csv")),
                path(settings, "input", Path.of("sample-data", "latency")),
                path(settings, "out", Path.of("out")),
                path(settings, "db", Path.of("out", "peertel.duckdb")),
                folder.resolve(path(settings, "alerts", Path.of("alerts.properties"))),
                chunkSize(settings),
                JobRepositorySettings.read(settings),
                IngestSettings.read(settings),
                DuckDbSettings.read(settings),
                InputSettings.read(settings),
                runMaxDays(settings),
                ReportSettings.read(settings),
                RetentionSettings.read(settings));
    }

    private static Path path(SettingsFile settings, String key, Path fallback) {
        SettingsFile.Entry entry = settings.entries().get(key);
        if (entry == null) {
            return fallback;
        }
        if (entry.value().isEmpty()) {
            throw settings.error(entry, "empty path; give a file or folder, or remove the line to use " + fallback);
        }
        return Path.of(entry.value());
    }

    private static int chunkSize(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get("chunk-size");
        if (entry == null) {
            return 10_000;
        }
        try {
            int size = Integer.parseInt(entry.value());
            if (size >= 1 && size <= 1_000_000) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw settings.error(entry, "expected a whole number from 1 to 1000000, e.g. 10000");
    }

    private static int runMaxDays(SettingsFile settings) {
        SettingsFile.Entry entry = settings.entries().get(RUN_MAX_DAYS_KEY);
        if (entry == null) {
            return DEFAULT_RUN_MAX_DAYS;
        }
        if (entry.value().matches("[0-9]{1,4}")) {
            int days = Integer.parseInt(entry.value());
            if (days >= 1 && days <= MAX_RUN_DAYS_LIMIT) {
                return days;
            }
        }
        throw settings.error(
                entry,
                "expected a whole number of days from 1 to " + MAX_RUN_DAYS_LIMIT + ", e.g. " + DEFAULT_RUN_MAX_DAYS);
    }
}
