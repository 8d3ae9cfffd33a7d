package org.peertel.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peertel.output.Millis;
import org.peertel.prefix.Prefix;
import org.peertel.registry.Connection;

class AlertEvaluatorTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final Connection FRA = new Connection(
            "acme-fra-1", "acme", "Frankfurt office", "Telekom", "DE", "", List.of(Prefix.parse("192.0.2.0/24")), 2);

    /** One case: the day's stats (null = no data), earlier days' medians (day offset → median, 40 samples). */
    record Case(String description, DailyStats today, double[][] history, List<String> expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static DailyStats stats(long samples, double median, double p95) {
        return new DailyStats(DAY, FRA.connectionId(), samples, median, p95);
    }

    static Stream<Arguments> cases() {
        double[][] none = {};
        double[][] steady = {{-1, 40}, {-2, 42}, {-3, 38}, {-4, 41}};
        return Stream.of(
                        new Case("quiet day raises nothing", stats(100, 40, 90), steady, List.of()),
                        new Case("no data", null, none, List.of("NO_DATA WARNING    0")),
                        new Case(
                                "median just at the warning threshold does not fire",
                                stats(30, 100, 100),
                                none,
                                List.of()),
                        new Case(
                                "median above warning",
                                stats(30, 100.0001, 120),
                                none,
                                List.of("HIGH_MEDIAN WARNING 100.000 100.000  30")),
                        new Case(
                                "median above critical",
                                stats(50, 200.5, 240),
                                none,
                                List.of("HIGH_MEDIAN CRITICAL 200.500 200.000  50")),
                        new Case(
                                "p95 above threshold",
                                stats(50, 50, 250.001),
                                none,
                                List.of("HIGH_P95 WARNING 250.001 250.000  50")),
                        new Case(
                                "too few samples raises nothing, however slow", stats(29, 500, 900), steady, List.of()),
                        new Case("1.5 x baseline is compared exactly", stats(40, 60.75, 90), steady, List.of()),
                        new Case(
                                "regression against the median of the baseline days",
                                stats(40, 62, 90),
                                steady,
                                List.of("REGRESSION WARNING 62.000 60.750 40.500 40")),
                        new Case(
                                "regression needs three baseline days",
                                stats(40, 90, 95),
                                new double[][] {{-1, 40}, {-2, 40}},
                                List.of()),
                        new Case(
                                "days beyond the 7-day window are not in the baseline",
                                stats(40, 90, 95),
                                new double[][] {{-1, 40}, {-2, 40}, {-8, 40}, {-9, 40}},
                                List.of()),
                        new Case(
                                "baseline days with too few samples do not count",
                                stats(40, 90, 95),
                                new double[][] {{-1, 40}, {-2, 40}, {-3, 40, 29}},
                                List.of()),
                        new Case(
                                "everything at once",
                                stats(40, 260, 400),
                                steady,
                                List.of(
                                        "HIGH_MEDIAN CRITICAL 260.000 200.000  40",
                                        "HIGH_P95 WARNING 400.000 250.000  40",
                                        "REGRESSION WARNING 260.000 60.750 40.500 40")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesOneConnectionDay(Case c) {
        AlertEvaluator evaluator = new AlertEvaluator(AlertSettings.load(Path.of("jobs/telemetry/alerts.properties")));
        List<DailyStats> history = new ArrayList<>();
        for (double[] h : c.history()) {
            long samples = h.length > 2 ? (long) h[2] : 40;
            history.add(new DailyStats(DAY.plusDays((long) h[0]), FRA.connectionId(), samples, h[1], h[1] * 2));
        }
        List<Alert> alerts =
                evaluator.evaluate(DAY, List.of(FRA), c.today() == null ? List.of() : List.of(c.today()), history);
        List<String> actual = alerts.stream()
                .map(a -> a.rule() + " " + a.severity() + " "
                        + Millis.format(a.observedMs()) + " " + Millis.format(a.thresholdMs()) + " "
                        + Millis.format(a.baselineMs()) + " " + a.samples())
                .toList();
        assertEquals(c.expected(), actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void messagesAreReadableAt3am(String description, DailyStats today, String expected) {
        AlertEvaluator evaluator = new AlertEvaluator(AlertSettings.load(Path.of("jobs/telemetry/alerts.properties")));
        List<DailyStats> history = List.of(
                new DailyStats(DAY.minusDays(1), FRA.connectionId(), 40, 50, 60),
                new DailyStats(DAY.minusDays(2), FRA.connectionId(), 40, 50, 60),
                new DailyStats(DAY.minusDays(4), FRA.connectionId(), 40, 50, 60));
        List<Alert> alerts = evaluator.evaluate(DAY, List.of(FRA), today == null ? List.of() : List.of(today), history);
        assertEquals(expected, alerts.get(alerts.size() - 1).message());
        assertEquals(
                "2026-03-10/acme-fra-1/" + alerts.get(0).rule(), alerts.get(0).alertId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("medianMessages")
    void highMedianMessagesNameTheSeverity(String description, DailyStats today, String expected) {
        AlertEvaluator evaluator = new AlertEvaluator(AlertSettings.load(Path.of("jobs/telemetry/alerts.properties")));
        assertEquals(
                expected,
                evaluator
                        .evaluate(DAY, List.of(FRA), List.of(today), List.of())
                        .get(0)
                        .message());
    }

    static Stream<Arguments> medianMessages() {
        return Stream.of(
                Arguments.of(
                        "critical",
                        stats(40, 212.5, 240),
                        "median 212.500 ms is above the 200.000 ms CRITICAL threshold"),
                Arguments.of(
                        "warning", stats(40, 160, 200), "median 160.000 ms is above the 100.000 ms WARNING threshold"));
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(
                        "critical median (listed first)",
                        stats(40, 212.5, 240),
                        "median 212.500 ms is above 1.5 x the baseline 50.000 ms (median of 3 previous days)"),
                Arguments.of("p95 alone", stats(40, 50, 260), "p95 260.000 ms is above the 250.000 ms threshold"),
                Arguments.of(
                        "regression alone",
                        stats(40, 90, 95),
                        "median 90.000 ms is above 1.5 x the baseline 50.000 ms (median of 3 previous days)"),
                Arguments.of("no data", null, "no attributed sample on 2026-03-10"));
    }
}
