package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.peertel.alert.Alert;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.output.Millis;

/** {@code alerts/<date>.csv}: one row per (connection, rule) that fired; header only when nothing fired. */
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
            "message");

    private AlertFile() {}

    public static void write(Path file, List<Alert> alerts) {
        AtomicFiles.writeString(file, render(alerts));
    }

    /** The file's content for {@code alerts}. */
    public static String render(List<Alert> alerts) {
        StringBuilder file = new StringBuilder(HEADER);
        for (Alert alert : alerts) {
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
                    text(alert.message())));
        }
        return file.toString();
    }

    /** The content of an existing alert file, or "" when there is none. */
    public static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read alert file " + file + ": " + e.getMessage(), e);
        }
    }
}
