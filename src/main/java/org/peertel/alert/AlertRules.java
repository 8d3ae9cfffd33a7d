package org.peertel.alert;

import java.math.BigDecimal;

/**
 * The alert thresholds that apply to one connection: the defaults of {@code alerts.properties}, with that
 * connection's overrides applied.
 */
public record AlertRules(
        int minSamples,
        boolean highMedianEnabled,
        BigDecimal highMedianWarningMs,
        BigDecimal highMedianCriticalMs,
        boolean highP95Enabled,
        BigDecimal highP95WarningMs,
        boolean regressionEnabled,
        BigDecimal regressionFactor,
        int regressionBaselineDays,
        int regressionMinBaselineDays,
        boolean noDataEnabled) {

    /** The defaults the product ships with (the same values as jobs/telemetry/alerts.properties). */
    public static AlertRules defaults() {
        return new AlertRules(
                30,
                true,
                new BigDecimal("100"),
                new BigDecimal("200"),
                true,
                new BigDecimal("250"),
                true,
                new BigDecimal("1.5"),
                7,
                3,
                true);
    }
}
