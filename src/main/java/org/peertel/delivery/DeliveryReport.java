package org.peertel.delivery;

import java.util.List;

/**
 * What a delivery left: changes still pending (a receiver unavailable: the next run sends them), changes refused
 * (4xx: not sent again until their content changes), and one line per receiver for the operator.
 */
public record DeliveryReport(long pending, long failed, List<String> lines) {

    public static final DeliveryReport NONE = new DeliveryReport(0, 0, List.of());

    /** {@code delivery: 2 pending, 1 failed}, the line the run summary ends with. */
    public String summary() {
        return "delivery: " + pending + " pending" + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
