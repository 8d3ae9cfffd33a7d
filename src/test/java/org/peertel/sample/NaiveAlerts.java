package org.peertel.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The contract's default alert rules applied to a {@link NaiveDataAudit}, for checking the sample stories. */
final class NaiveAlerts {

    static final int MIN_SAMPLES = 30;

    /** One fired alert; observed/threshold/baseline are NaN when empty. */
    record Alert(
            LocalDate date,
            String connectionId,
            String rule,
            String severity,
            double observed,
            double threshold,
            double baseline,
            int baselineDays,
            int samples) {

        /** {@code <date>/<connection_id>/<rule>/<severity>}. */
        String key() {
            return date + "/" + connectionId + "/" + rule + "/" + severity;
        }
    }

    private NaiveAlerts() {}

    /** Every alert of every day in the audit, by day then registry order then rule order. */
    static List<Alert> evaluate(NaiveDataAudit audit) {
        List<Alert> alerts = new ArrayList<>();
        for (LocalDate day : audit.days) {
            for (String connection : audit.connectionIds) {
                alerts.addAll(evaluate(audit, day, connection));
            }
        }
        return alerts;
    }

    private static List<Alert> evaluate(NaiveDataAudit audit, LocalDate day, String connection) {
        List<Double> rtts = audit.rttsOf(day, connection);
        int n = rtts.size();
        if (n == 0) {
            return List.of(new Alert(day, connection, "NO_DATA", "WARNING", Double.NaN, Double.NaN, Double.NaN, 0, 0));
        }
        if (n < MIN_SAMPLES) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>();
        double median = NaiveDataAudit.quantile(rtts, 0.5);
        double p95 = NaiveDataAudit.quantile(rtts, 0.95);
        if (median > 200) {
            alerts.add(new Alert(day, connection, "HIGH_MEDIAN", "CRITICAL", median, 200, Double.NaN, 0, n));
        } else if (median > 100) {
            alerts.add(new Alert(day, connection, "HIGH_MEDIAN", "WARNING", median, 100, Double.NaN, 0, n));
        }
        if (p95 > 250) {
            alerts.add(new Alert(day, connection, "HIGH_P95", "WARNING", p95, 250, Double.NaN, 0, n));
        }
        List<Double> earlierMedians = new ArrayList<>();
        for (int back = 7; back >= 1; back--) {
            List<Double> earlier = audit.rttsOf(day.minusDays(back), connection);
            if (earlier.size() >= MIN_SAMPLES) {
                earlierMedians.add(NaiveDataAudit.quantile(earlier, 0.5));
            }
        }
        if (earlierMedians.size() >= 3) {
            double baseline =
                    NaiveDataAudit.quantile(earlierMedians.stream().sorted().toList(), 0.5);
            if (median > 1.5 * baseline) {
                alerts.add(new Alert(
                        day,
                        connection,
                        "REGRESSION",
                        "WARNING",
                        median,
                        1.5 * baseline,
                        baseline,
                        earlierMedians.size(),
                        n));
            }
        }
        return alerts;
    }
}
