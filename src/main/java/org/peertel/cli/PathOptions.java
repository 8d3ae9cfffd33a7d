package org.peertel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peertel.config.JobSettings;
import org.peertel.config.SettingsFile;
import picocli.CommandLine.Option;

/** The path options shared by commands; each one's default comes from the job settings file. */
final class PathOptions {

    @Option(
            names = "--settings",
            paramLabel = "FILE",
            description =
                    "Job settings with the defaults of every "
                            + "option (default: jobs/telemetry/telemetry.properties when it exists, else the built-in defaults).")
    Path settings;

    @Option(names = "--connections", paramLabel = "FILE", description = "Connections registry (CSV).")
    Path connections;

    @Option(names = "--input", paramLabel = "DIR", description = "Latency folder with one sub-folder per UTC day.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for alerts, reports, rejects, runs.")
    Path out;

    @Option(names = "--db", paramLabel = "FILE", description = "DuckDB database file.")
    Path db;

    /** The settings file in use: --settings, else the default file when it exists, else null (built-in). */
    Path settingsFile() {
        return settings != null
                ? settings
                : Files.isRegularFile(JobSettings.DEFAULT_FILE) ? JobSettings.DEFAULT_FILE : null;
    }

    /**
     * The DuckDB file as far as it can be known even when the settings do not resolve, for the attempt log: --db;
     * else the settings file's {@code db} line, read as text (a bad value on another line does not matter); else
     * the built-in default when no settings file is in use, or the file sets no {@code db}. Null when the settings
     * file cannot be read at all, its {@code db} line is empty, or the path is refused as a database (a ';').
     */
    Path databaseIfKnown() {
        try {
            Path known = db != null ? db : fromSettingsText();
            if (known != null) {
                Preflight.databaseFile(known); // a path refused as a database names none
            }
            return known;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Path fromSettingsText() {
        Path file = settingsFile();
        SettingsFile.Entry entry =
                file == null ? null : SettingsFile.read(file).entries().get("db");
        if (entry == null) {
            return JobSettings.builtIn().db();
        }
        return entry.value().isEmpty() ? null : Path.of(entry.value());
    }

    /**
     * The settings file with the environment (PEERTEL_JOB_REPOSITORY_*) and then these options applied over it:
     * command line > environment > settings file > built-in default.
     */
    JobSettings resolve() {
        Path file = settingsFile();
        JobSettings s = file != null ? JobSettings.load(file) : JobSettings.builtIn();
        JobSettings resolved = new JobSettings(
                        connections != null ? connections : s.connections(),
                        input != null ? input : s.input(),
                        out != null ? out : s.out(),
                        db != null ? db : s.db(),
                        s.alerts(),
                        s.chunkSize(),
                        s.jobRepository(),
                        s.ingest(),
                        s.duckDb(),
                        s.dayInput(),
                        s.runMaxDays(),
                        s.reports(),
                        s.retention())
                .withEnvironment(System.getenv());
        Preflight.databaseFile(resolved.db());
        return resolved;
    }
}
