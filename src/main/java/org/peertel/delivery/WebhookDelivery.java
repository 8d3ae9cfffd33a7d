package org.peertel.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peertel.store.OutboxChange;
import org.peertel.store.PendingChange;
import org.peertel.store.TelemetryStore;
import org.peertel.testhook.CrashPoint;

/**
 * Sends the webhook what the outbox holds for it: one document per processed day, oldest first, each recorded as
 * delivered once acknowledged. A day the receiver refuses (4xx) is recorded as failed with its answer; while it is
 * unavailable, that day and the later ones stay pending, so they arrive in order on the next run.
 */
final class WebhookDelivery {

    static final String RECEIVER = "webhook";

    private WebhookDelivery() {}

    static DeliveryReport deliver(TelemetryStore store, DeliverySettings settings, String secret) {
        Map<LocalDate, List<OutboxChange>> byDay = new LinkedHashMap<>();
        List<PendingChange> waiting = store.pendingChanges(RECEIVER, false);
        long pending = waiting.size();
        for (PendingChange change : waiting) {
            byDay.computeIfAbsent(change.change().day(), d -> new ArrayList<>()).add(change.change());
        }
        HttpPoster poster = new HttpPoster(settings.timeout(), settings.retries());
        String where = DeliverySettings.printable(settings.webhook());
        List<String> lines = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<LocalDate, List<OutboxChange>> day : byDay.entrySet()) {
            String body = WebhookDocument.body(day.getKey(), day.getValue());
            Map<String, String> headers = secret == null
                    ? Map.of()
                    : Map.of(WebhookDocument.SIGNATURE_HEADER, WebhookDocument.signature(secret, body));
            Answer answer = poster.post(settings.webhook(), body, headers);
            if (answer.kind() == Answer.Kind.UNAVAILABLE) {
                lines.add("webhook " + where + ": " + answer.text() + "; the changes of " + day.getKey()
                        + " on are pending (the next run sends them)");
                break;
            }
            boolean acknowledged = answer.kind() == Answer.Kind.ACKNOWLEDGED;
            if (acknowledged) {
                CrashPoint.DELIVERY_SENT_NOT_RECORDED.reach();
            }
            store.acknowledge(RECEIVER, day.getValue(), acknowledged, acknowledged ? null : answer.text());
            pending -= day.getValue().size(); // answered, one way or the other
            if (acknowledged) {
                sent++;
            } else {
                lines.add("webhook " + where + " refused the changes of " + day.getKey() + ": " + answer.text()
                        + " (not sent again unless they change)");
            }
        }
        if (secret == null && !byDay.isEmpty()) {
            lines.add("webhook: " + DeliverySettings.SECRET_VARIABLE + " is not set, so the bodies were not signed");
        }
        long failed = store.refusedChanges(RECEIVER);
        lines.add(
                0,
                "webhook " + where + ": " + sent + (sent == 1 ? " day" : " days") + " sent, " + pending
                        + " changes pending, " + failed + " refused");
        return new DeliveryReport(pending, failed, lines);
    }
}
