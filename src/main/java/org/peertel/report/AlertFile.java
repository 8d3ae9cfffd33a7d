package org.peertel.report;

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
        AtomicFiles.write(file, writer -> {
            writer.write(HEADER);
            for (Alert alert : alerts) {
                writer.write(CsvLine.of(alert.alertId(), alert.date().toString(), alert.customerId(),
                        alert.connectionId(), alert.connectionName(), alert.rule().name(), alert.severity().name(),
                        Millis.format(alert.observedMs()), Millis.format(alert.thresholdMs()),
                        Millis.format(alert.baselineMs()), Long.toString(alert.samples()), alert.message()));
            }
        });
    }
}
