package org.peertel.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peertel.output.Millis;
import org.peertel.registry.Connection;

/**
 * Applies the alert rules to one day. Pure: everything it needs (the day's statistics and the earlier days'
 * statistics for REGRESSION baselines) is passed in, so it is tested without a database.
 */
public final class AlertEvaluator {

    private final AlertSettings settings;

    public AlertEvaluator(AlertSettings settings) {
        this.settings = settings;
    }

    /** How many days before the evaluated day the REGRESSION baselines may reach back. */
    public int historyDays(List<Connection> connections) {
        return connections.stream().mapToInt(c -> settings.rulesFor(c.connectionId()).regressionBaselineDays())
                .max().orElse(0);
    }

    /**
     * @param day        the day judged
     * @param connections every registered connection (NO_DATA needs the silent ones too)
     * @param today      that day's statistics, one per connection with data
     * @param history    statistics of earlier days (at least {@link #historyDays} back), any order
     * @return the alerts, sorted by customer, connection, rule
     */
    public List<Alert> evaluate(LocalDate day, List<Connection> connections, List<DailyStats> today,
                                List<DailyStats> history) {
        Map<String, DailyStats> byConnection = today.stream()
                .collect(Collectors.toMap(DailyStats::connectionId, Function.identity()));
        Map<String, List<DailyStats>> historyByConnection = history.stream()
                .collect(Collectors.groupingBy(DailyStats::connectionId));
        List<Alert> alerts = new ArrayList<>();
        for (Connection connection : connections) {
            AlertRules rules = settings.rulesFor(connection.connectionId());
            DailyStats stats = byConnection.get(connection.connectionId());
            RuleContext context = new RuleContext(day, connection, rules, stats,
                    historyByConnection.getOrDefault(connection.connectionId(), List.of()), alerts);
            if (stats == null || stats.samples() == 0) {
                context.noData();
            } else if (stats.samples() >= rules.minSamples()) {
                context.highMedian();
                context.highP95();
                context.regression();
            }
        }
        alerts.sort(Comparator.comparing(Alert::customerId).thenComparing(Alert::connectionId)
                .thenComparing(Alert::rule));
        return alerts;
    }

    /** One connection's day under evaluation; each method adds the alert of one rule when it fires. */
    private record RuleContext(LocalDate day, Connection connection, AlertRules rules, DailyStats stats,
                               List<DailyStats> history, List<Alert> alerts) {

        void noData() {
            if (rules.noDataEnabled()) {
                add(AlertRule.NO_DATA, Severity.WARNING, null, null, null, 0, "no attributed sample on " + day);
            }
        }

        void highMedian() {
            if (!rules.highMedianEnabled()) {
                return;
            }
            double critical = rules.highMedianCriticalMs().doubleValue();
            double warning = rules.highMedianWarningMs().doubleValue();
            double median = stats.medianMs();
            if (median > critical) {
                add(AlertRule.HIGH_MEDIAN, Severity.CRITICAL, median, critical, null, stats.samples(),
                        "median " + Millis.format(median) + " ms is above the " + Millis.format(critical)
                                + " ms CRITICAL threshold");
            } else if (median > warning) {
                add(AlertRule.HIGH_MEDIAN, Severity.WARNING, median, warning, null, stats.samples(),
                        "median " + Millis.format(median) + " ms is above the " + Millis.format(warning)
                                + " ms WARNING threshold");
            }
        }

        void highP95() {
            double threshold = rules.highP95WarningMs().doubleValue();
            if (rules.highP95Enabled() && stats.p95Ms() > threshold) {
                add(AlertRule.HIGH_P95, Severity.WARNING, stats.p95Ms(), threshold, null, stats.samples(),
                        "p95 " + Millis.format(stats.p95Ms()) + " ms is above the " + Millis.format(threshold)
                                + " ms threshold");
            }
        }

        void regression() {
            if (!rules.regressionEnabled()) {
                return;
            }
            LocalDate first = day.minusDays(rules.regressionBaselineDays());
            double[] medians = history.stream()
                    .filter(h -> !h.date().isBefore(first) && h.date().isBefore(day))
                    .filter(h -> h.samples() >= rules.minSamples())
                    .mapToDouble(DailyStats::medianMs).sorted().toArray();
            if (medians.length < rules.regressionMinBaselineDays()) {
                return;
            }
            double baseline = Quantiles.cont(medians, 0.5);
            double threshold = rules.regressionFactor().doubleValue() * baseline;
            if (stats.medianMs() > threshold) {
                add(AlertRule.REGRESSION, Severity.WARNING, stats.medianMs(), threshold, baseline, stats.samples(),
                        "median " + Millis.format(stats.medianMs()) + " ms is above "
                                + rules.regressionFactor().toPlainString() + " x the baseline "
                                + Millis.format(baseline) + " ms (median of " + medians.length + " previous days)");
            }
        }

        private void add(AlertRule rule, Severity severity, Double observed, Double threshold, Double baseline,
                         long samples, String message) {
            alerts.add(new Alert(day, connection.customerId(), connection.connectionId(), connection.name(), rule,
                    severity, observed, threshold, baseline, samples, message));
        }
    }
}
