package org.peertel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peertel.alert.AlertSettings;
import org.peertel.config.ConfigurationException;
import org.peertel.config.JobSettings;
import org.peertel.job.RegistryCache;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.registry.RegistryIssue;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.report.OutputLayout;

/** Checks that stop a run before it touches any output. */
final class Preflight {

    private Preflight() {}

    /**
     * The registry, or a ConfigurationException after printing every error. Warnings are only counted. It is loaded
     * through {@code registries}, which keeps it for the job.
     */
    static ConnectionRegistry registry(Path file, RegistryCache registries, PrintWriter err) {
        RegistryLoadResult result = registries.load(file);
        if (!result.ok()) {
            result.errors().forEach(issue -> err.println(issue));
            throw new ConfigurationException(file + ": " + result.errors().size()
                    + " error(s) in the connections registry (listed above); fix them, then check with "
                    + "'peertel validate --connections " + file + "'");
        }
        if (!result.warnings().isEmpty()) {
            err.println("peertel: " + file + ": " + result.warnings().size()
                    + " warning(s); 'peertel validate' lists them");
        }
        return result.registry();
    }

    /**
     * Refuses an output folder that cannot take the run's files: {@code --out}, its day folders ({@code alerts/},
     * {@code reports/}, {@code rejects/}, {@code runs/}) or a customer's {@code reports/<customer_id>/} being a
     * file, or the folder (or, when it does not exist yet, the folder it would be created in) not writable, e.g.
     * on a read-only file system. Problems that only show while writing (a full disk) fail the day instead.
     */
    static void outputFolder(Path out, ConnectionRegistry registry) {
        OutputLayout layout = new OutputLayout(out);
        List<Path> folders = new ArrayList<>();
        folders.add(out);
        folders.addAll(layout.dayFolders());
        registry.customerIds().forEach(customer -> folders.add(layout.customerFolder(customer)));
        for (Path folder : folders) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw fileInTheWay(folder + " is a file where peertel needs a folder");
            }
        }
        Path existing = out.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw fileInTheWay(existing + " is a file, so the output folder " + out + " cannot be created in it");
        }
        for (Path folder : folders) {
            Path check = Files.isDirectory(folder) ? folder : folder.equals(out) ? existing : null;
            if (check != null && !Files.isWritable(check)) {
                throw new ConfigurationException("the output folder cannot be written: no write access to " + check
                        + " (read-only file system or no permission); make it writable or choose another --out "
                        + "(nothing was written)");
            }
        }
    }

    private static ConfigurationException fileInTheWay(String problem) {
        return new ConfigurationException("the output folder cannot be written: " + problem + "; move the file "
                + "away or choose another --out (nothing was written)");
    }

    /**
     * The database path goes into JDBC URLs (DuckDB's, and the default H2 job repository's), where ';' starts
     * driver options (DuckDB's session_init_sql_file, H2's INIT=RUNSCRIPT...): refuse it rather than quote it, as
     * neither driver has a way to quote it.
     */
    static void databaseFile(Path db) {
        if (db.toAbsolutePath().toString().contains(";")) {
            throw new ConfigurationException("--db " + db + ": the database path must not contain ';', which "
                    + "database URLs read as the start of driver options; choose a path without it");
        }
    }

    /**
     * Commands that read what runs stored ({@code report}, {@code alerts}, {@code storage}) refuse a database that
     * does not exist rather than create an empty one; {@code hint} says what to check.
     */
    static void existingDatabase(Path db, String hint) {
        if (!Files.isRegularFile(db)) {
            throw new ConfigurationException(
                    "no database " + db + ": nothing was processed with it yet (" + hint + ")");
        }
    }

    /** Overrides for a connection that is not registered are almost always a typo: refuse them. */
    static void alertSettings(AlertSettings settings, ConnectionRegistry registry) {
        settings.overriddenConnections().entrySet().stream()
                .filter(e -> registry.find(e.getKey()).isEmpty())
                .min(java.util.Map.Entry.comparingByValue())
                .ifPresent(e -> {
                    throw new ConfigurationException(settings.file() + ":" + e.getValue() + ": alert override for '"
                            + e.getKey() + "', which is not a registered connection; fix the id or remove the line");
                });
    }

    /**
     * Refuses a {@code retention.aggregate-days} too short for what a later day reads back: the longest REGRESSION
     * baseline of the alert rules (overrides included) and the schedule's catch-up horizon.
     */
    static void retention(JobSettings settings, AlertSettings alerts, int horizonDays) {
        int baselineDays = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(alerts.defaults()),
                        alerts.overriddenConnections().keySet().stream().map(alerts::rulesFor))
                .mapToInt(org.peertel.alert.AlertRules::regressionBaselineDays)
                .max()
                .orElse(0);
        String source =
                alerts.file() == null ? "the built-in alert rules" : alerts.file() + ", regression.baseline_days";
        settings.retention().requireCovers(baselineDays, source, horizonDays);
    }

    static void printIssues(RegistryLoadResult result, PrintWriter out) {
        for (RegistryIssue issue : result.errors()) {
            out.println(issue);
        }
        for (RegistryIssue issue : result.warnings()) {
            out.println(issue);
        }
    }
}
