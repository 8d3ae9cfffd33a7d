package org.peertel.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One rule that fired for one connection on one day. Values in milliseconds, exact (a double statistic is
 * carried as its exact binary value); null where the rule has none (NO_DATA has no observation, only REGRESSION
 * has a baseline).
 */
public record Alert(
        LocalDate date,
        String customerId,
        String connectionId,
        String connectionName,
        AlertRule rule,
        Severity severity,
        BigDecimal observedMs,
        BigDecimal thresholdMs,
        BigDecimal baselineMs,
        long samples,
        String message) {

    /** The order of the alert files: by customer, connection, then rule in {@link AlertRule}'s order. */
    public static final Comparator<Alert> FILE_ORDER = Comparator.comparing(Alert::customerId)
            .thenComparing(Alert::connectionId)
            .thenComparing(Alert::rule);

    /** Stable across re-runs of the day, and readable at 3 a.m.: {@code 2026-11-21/acme-fra-1/REGRESSION}. */
    public String alertId() {
        return date + "/" + connectionId + "/" + rule;
    }

    /** Equal in every field, the figures compared by value (a stored 100 equals a configured 100.0). */
    public boolean sameAs(Alert other) {
        return date.equals(other.date)
                && customerId.equals(other.customerId)
                && connectionId.equals(other.connectionId)
                && connectionName.equals(other.connectionName)
                && rule == other.rule
                && severity == other.severity
                && sameValue(observedMs, other.observedMs)
                && sameValue(thresholdMs, other.thresholdMs)
                && sameValue(baselineMs, other.baselineMs)
                && samples == other.samples
                && message.equals(other.message);
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
