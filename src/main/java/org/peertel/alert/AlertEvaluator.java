package org.peertel.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peertel.output.Millis;
import org.peertel.registry.Connection;

/**
 * Applies the alert rules to one day. Pure: everything it needs (the day's statistics and the earlier days'
 * statistics for REGRESSION baselines) is passed in, so it is tested without a database. Every comparison is
 * exact: a statistic (a double) is compared by its exact binary value with an exact decimal threshold, so a
 * median of exactly 100 never fires the 100 ms rule and 1.5 x a baseline is not rounded before comparing.
 */
public final class AlertEvaluator {

    private final AlertSettings settings;

    public AlertEvaluator(AlertSettings settings) {
        this.settings = settings;
    }

    /** How many days before the evaluated day the REGRESSION baselines may reach back. */
    public int historyDays(List<Connection> connections) {
        return connections.stream()
                .mapToInt(c -> settings.rulesFor(c.connectionId()).regressionBaselineDays())
                .max()
                .orElse(0);
    }

    /**
     * @param day        the day judged
     * @param connections every registered connection (NO_DATA needs the silent ones too)
     * @param today      that day's statistics, one per connection with data
     * @param history    statistics of earlier days (at least {@link #historyDays} back), any order
     * @return the alerts, sorted by customer, connection, rule
     */
    public List<Alert> evaluate(
            LocalDate day, List<Connection> connections, List<DailyStats> today, List<DailyStats> history) {
        return judge(day, connections, today, history).alerts();
    }

    /**
     * The alerts of {@link #evaluate}, with the rules that could be judged for each connection: an incident resolves
     * only on a day its rule was judged and did not fire. NO_DATA is always judged; HIGH_MEDIAN and HIGH_P95 with at
     * least min_samples samples; REGRESSION with min_samples samples and min_baseline_days baseline days. A disabled
     * rule counts as judged (it never fires), so that switching a rule off resolves its incidents.
     */
    public JudgedDay judge(
            LocalDate day, List<Connection> connections, List<DailyStats> today, List<DailyStats> history) {
        Map<String, DailyStats> byConnection =
                today.stream().collect(Collectors.toMap(DailyStats::connectionId, Function.identity()));
        Map<String, List<DailyStats>> historyByConnection =
                history.stream().collect(Collectors.groupingBy(DailyStats::connectionId));
        List<Alert> alerts = new ArrayList<>();
        Map<String, Set<AlertRule>> judged = new HashMap<>();
        for (Connection connection : connections) {
            AlertRules rules = settings.rulesFor(connection.connectionId());
            DailyStats stats = byConnection.get(connection.connectionId());
            RuleContext context = new RuleContext(
                    day,
                    connection,
                    rules,
                    stats,
                    historyByConnection.getOrDefault(connection.connectionId(), List.of()),
                    alerts,
                    disabledRules(rules));
            context.judged().add(AlertRule.NO_DATA);
            if (stats == null || stats.samples() == 0) {
                context.noData();
            } else if (stats.samples() >= rules.minSamples()) {
                context.highMedian();
                context.highP95();
                context.regression();
            }
            judged.put(connection.connectionId(), context.judged());
        }
        alerts.sort(Alert.FILE_ORDER);
        return new JudgedDay(day, judged, alerts);
    }

    private static Set<AlertRule> disabledRules(AlertRules rules) {
        Set<AlertRule> disabled = EnumSet.noneOf(AlertRule.class);
        if (!rules.highMedianEnabled()) {
            disabled.add(AlertRule.HIGH_MEDIAN);
        }
        if (!rules.highP95Enabled()) {
            disabled.add(AlertRule.HIGH_P95);
        }
        if (!rules.regressionEnabled()) {
            disabled.add(AlertRule.REGRESSION);
        }
        return disabled;
    }

    /** One connection's day under evaluation; each method adds the alert of one rule when it fires. */
    private record RuleContext(
            LocalDate day,
            Connection connection,
            AlertRules rules,
            DailyStats stats,
            List<DailyStats> history,
            List<Alert> alerts,
            Set<AlertRule> judged) {

        void noData() {
            if (rules.noDataEnabled()) {
                add(AlertRule.NO_DATA, Severity.WARNING, null, null, null, "no attributed sample on " + day);
            }
        }

        void highMedian() {
            if (!rules.highMedianEnabled()) {
                return;
            }
            judged.add(AlertRule.HIGH_MEDIAN);
            BigDecimal median = new BigDecimal(stats.medianMs());
            if (median.compareTo(rules.highMedianCriticalMs()) > 0) {
                add(
                        AlertRule.HIGH_MEDIAN,
                        Severity.CRITICAL,
                        median,
                        rules.highMedianCriticalMs(),
                        null,
                        "median " + Millis.format(median) + " ms is above the "
                                + Millis.format(rules.highMedianCriticalMs()) + " ms CRITICAL threshold");
            } else if (median.compareTo(rules.highMedianWarningMs()) > 0) {
                add(
                        AlertRule.HIGH_MEDIAN,
                        Severity.WARNING,
                        median,
                        rules.highMedianWarningMs(),
                        null,
                        "median " + Millis.format(median) + " ms is above the "
                                + Millis.format(rules.highMedianWarningMs()) + " ms WARNING threshold");
            }
        }

        void highP95() {
            if (!rules.highP95Enabled()) {
                return;
            }
            judged.add(AlertRule.HIGH_P95);
            BigDecimal p95 = new BigDecimal(stats.p95Ms());
            if (p95.compareTo(rules.highP95WarningMs()) > 0) {
                add(
                        AlertRule.HIGH_P95,
                        Severity.WARNING,
                        p95,
                        rules.highP95WarningMs(),
                        null,
                        "p95 " + Millis.format(p95) + " ms is above the " + Millis.format(rules.highP95WarningMs())
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
                    .mapToDouble(DailyStats::medianMs)
                    .sorted()
                    .toArray();
            if (medians.length < rules.regressionMinBaselineDays()) {
                return;
            }
            judged.add(AlertRule.REGRESSION);
            BigDecimal baseline = new BigDecimal(Quantiles.cont(medians, 0.5));
            BigDecimal threshold = baseline.multiply(rules.regressionFactor());
            BigDecimal median = new BigDecimal(stats.medianMs());
            if (median.compareTo(threshold) > 0) {
                add(
                        AlertRule.REGRESSION,
                        Severity.WARNING,
                        median,
                        threshold,
                        baseline,
                        "median " + Millis.format(median) + " ms is above "
                                + rules.regressionFactor().toPlainString() + " x the baseline "
                                + Millis.format(baseline) + " ms (median of " + medians.length + " previous days)");
            }
        }

        private void add(
                AlertRule rule,
                Severity severity,
                BigDecimal observed,
                BigDecimal threshold,
                BigDecimal baseline,
                String message) {
            alerts.add(new Alert(
                    day,
                    connection.customerId(),
                    connection.connectionId(),
                    connection.name(),
                    rule,
                    severity,
                    observed,
                    threshold,
                    baseline,
                    stats == null ? 0 : stats.samples(),
                    message));
        }
    }
}
