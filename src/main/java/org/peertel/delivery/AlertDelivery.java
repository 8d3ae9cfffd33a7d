package org.peertel.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peertel.store.TelemetryStore;

/**
 * After a run: sends each receiver the settings name what the outbox holds for it. Never fails the run: a receiver
 * that is down leaves its changes pending for the next run (or {@code peertel alerts --deliver}).
 */
public final class AlertDelivery {

    private AlertDelivery() {}

    /**
     * Registers the receivers of {@code settings} that the store does not know yet, before a run records changes:
     * a receiver is sent what is recorded from its first run on, not the history from before it was set.
     */
    public static void register(TelemetryStore store, DeliverySettings settings) {
        if (settings.webhook() != null) {
            store.registerReceiver(WebhookDelivery.RECEIVER);
        }
        if (settings.alertmanager() != null) {
            store.registerReceiver(AlertmanagerDelivery.RECEIVER);
        }
    }

    /** Delivery without day outcomes (the job's health alerts): {@code peertel alerts --deliver}, tests. */
    public static DeliveryReport deliver(
            TelemetryStore store, DeliverySettings settings, Map<String, String> environment) {
        return deliver(store, settings, environment, List.of());
    }

    /**
     * @param environment where {@code PEERTEL_WEBHOOK_SECRET} is read
     * @param outcomes    how the days of the run ended, for {@code PEERTEL_RUN_FAILED} in Alertmanager
     */
    public static DeliveryReport deliver(
            TelemetryStore store,
            DeliverySettings settings,
            Map<String, String> environment,
            List<DayOutcome> outcomes) {
        if (!settings.anyReceiver()) {
            return DeliveryReport.NONE;
        }
        List<DeliveryReport> reports = new ArrayList<>();
        if (settings.webhook() != null) {
            String secret = environment.get(DeliverySettings.SECRET_VARIABLE);
            reports.add(WebhookDelivery.deliver(store, settings, secret == null || secret.isEmpty() ? null : secret));
        }
        if (settings.alertmanager() != null) {
            reports.add(AlertmanagerDelivery.deliver(store, settings, outcomes, Instant.now()));
        }
        List<String> lines = new ArrayList<>();
        reports.forEach(r -> lines.addAll(r.lines()));
        return new DeliveryReport(
                reports.stream().mapToLong(DeliveryReport::pending).sum(),
                reports.stream().mapToLong(DeliveryReport::failed).sum(),
                lines);
    }
}
