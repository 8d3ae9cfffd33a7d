package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.peertel.alert.Alert;
import org.peertel.alert.LifecycleAlert;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.output.Millis;

/**
 * {@code alerts/<date>.csv}: one row per (connection, rule) that fired, with its place in its incident (the last three
 * columns); header only when nothing fired.
 */
public final class AlertFile {

    static final String HEADER = CsvLine.of(
            "alert_id",
            "date",
            "customer_id",
            "connection_id",
            "connection_name",
            "rule",
            "severity",
            "observed_ms",
            "threshold_ms",
            "baseline_ms",
            "samples",
            "message",
            "state",
            "opened_on",
            "days_open");

    private AlertFile() {}

    /** The file's content for {@code alerts}. */
    static String render(List<LifecycleAlert> alerts) {
        StringBuilder file = new StringBuilder(HEADER);
        for (LifecycleAlert row : alerts) {
            Alert alert = row.alert();
            // Text cells go through FormulaGuard (CSV injection); the numbers are written from numbers.
            file.append(CsvLine.of(
                    text(alert.alertId()),
                    alert.date().toString(),
                    text(alert.customerId()),
                    text(alert.connectionId()),
                    text(alert.connectionName()),
                    alert.rule().name(),
                    alert.severity().name(),
                    Millis.format(alert.observedMs()),
                    Millis.format(alert.thresholdMs()),
                    Millis.format(alert.baselineMs()),
                    Long.toString(alert.samples()),
                    text(alert.message()),
                    row.state(),
                    row.openedOn().toString(),
                    Long.toString(row.daysOpen())));
        }
        return file.toString();
    }

    /**
     * Writes {@code content} to {@code file} unless the file holds it already; true when it wrote. A re-run rewrites
     * only the alert files that change, so a file's time says when its content last changed.
     */
    static boolean writeIfChanged(Path file, String content) {
        try {
            if (Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read alert file " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(file, content);
        return true;
    }
}
