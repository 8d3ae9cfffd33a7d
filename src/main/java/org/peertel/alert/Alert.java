package org.peertel.alert;

import java.math.BigDecimal;
import java.time.LocalDate;

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

    /** Stable across re-runs of the day, and readable at 3 a.m.: {@code 2026-11-21/acme-fra-1/REGRESSION}. */
    public String alertId() {
        return date + "/" + connectionId + "/" + rule;
    }
}
