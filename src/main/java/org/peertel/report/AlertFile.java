package org.peertel.report;

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

    static final String HEADER = CsvLine.of("alert_id", "date", "customer_id", "connection_id", "connection_name",
            "rule", "severity", "observed_ms", "threshold_ms", "baseline_ms", "samples", "message");

    private AlertFile() {
    }

    public static void write(Path file, List<Alert> alerts) {
        AtomicFiles.writeString(file, render(alerts));
    }

    /** The file's content for {@code alerts}. */
    public static String render(List<Alert> alerts) {
        StringBuilder text = new StringBuilder(HEADER);
        for (Alert alert : alerts) {
            text.append(CsvLine.of(alert.alertId(), alert.date().toString(), alert.customerId(),
                    alert.connectionId(), alert.connectionName(), alert.rule().name(), alert.severity().name(),
                    Millis.format(alert.observedMs()), Millis.format(alert.thresholdMs()),
                    Millis.format(alert.baselineMs()), Long.toString(alert.samples()), alert.message()));
        }
        return text.toString();
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
