package org.peertel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle cases the golden week does not hold: a day on which the rule cannot be judged, an incident that
 * fires again after it resolved, an escalation, a connection removed from the registry, a day of an earlier release.
 */
class LifecycleTest {

    static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    static final Set<AlertRule> ALL = EnumSet.allOf(AlertRule.class);
    static final Set<AlertRule> TOO_FEW_SAMPLES = EnumSet.of(AlertRule.NO_DATA);

    @Test
    void aDayOnWhichTheRuleCannotBeJudgedNeitherContinuesNorResolves() {
        // when: fires, too few samples, fires, judged quiet
        Lifecycle lifecycle = Lifecycle.of(List.of(
                day(1, ALL, alert(1, Severity.WARNING)),
                day(2, TOO_FEW_SAMPLES),
                day(3, ALL, alert(3, Severity.WARNING)),
                day(4, ALL)));

        // then
        assertThat(rows(lifecycle, 1)).containsExactly("OPEN 2026-03-01 0 opened");
        assertThat(rows(lifecycle, 2)).isEmpty();
        assertThat(lifecycle.day(D1.plusDays(1)).resolved()).isEmpty();
        assertThat(rows(lifecycle, 3)).containsExactly("CONTINUING 2026-03-01 2 continuing");
        assertThat(resolved(lifecycle, 4))
                .containsExactly("2026-03-01/fra/HIGH_MEDIAN 2026-03-04 3 WARNING "
                        + "did not fire on 2026-03-04; last: median above on day 3");
        assertThat(lifecycle.open()).isEmpty();
    }

    @Test
    void anEscalationStaysOneIncidentAndAResolvedOneOpensAnew() {
        Lifecycle lifecycle = Lifecycle.of(List.of(
                day(1, ALL, alert(1, Severity.WARNING)),
                day(2, ALL, alert(2, Severity.CRITICAL)),
                day(3, ALL, alert(3, Severity.WARNING)),
                day(4, ALL),
                day(5, ALL, alert(5, Severity.CRITICAL))));

        assertThat(rows(lifecycle, 2)).containsExactly("CONTINUING 2026-03-01 1 escalated");
        assertThat(rows(lifecycle, 3)).containsExactly("CONTINUING 2026-03-01 2 continuing");
        assertThat(resolved(lifecycle, 4)).hasSize(1);
        assertThat(rows(lifecycle, 5)).containsExactly("OPEN 2026-03-05 0 opened");
        assertThat(lifecycle.open())
                .extracting(i -> i.incidentId() + " " + i.lastAlert().severity() + " " + i.daysOpen())
                .containsExactly("2026-03-05/fra/HIGH_MEDIAN CRITICAL 0");
    }

    @Test
    void aConnectionLeavingTheRegistryResolvesItsIncidentsThatDay() {
        Lifecycle lifecycle = Lifecycle.of(List.of(
                day(1, ALL, alert(1, Severity.WARNING)),
                new JudgedDay(D1.plusDays(1), Map.of("other", ALL), List.of())));

        assertThat(resolved(lifecycle, 2))
                .containsExactly("2026-03-01/fra/HIGH_MEDIAN 2026-03-02 1 WARNING connection removed from the registry "
                        + "on 2026-03-02; last: median above on day 1");
    }

    @Test
    void aDayOfAnEarlierReleaseWithoutJudgementsContinuesButResolvesNothing() {
        // given: days 2 and 3 were evaluated before judgements were kept
        Lifecycle lifecycle = Lifecycle.of(List.of(
                day(1, ALL, alert(1, Severity.WARNING)),
                JudgedDay.withoutJudgements(D1.plusDays(1), List.of()),
                JudgedDay.withoutJudgements(D1.plusDays(2), List.of(alert(3, Severity.WARNING)))));

        assertThat(resolved(lifecycle, 2)).isEmpty();
        assertThat(rows(lifecycle, 3)).containsExactly("CONTINUING 2026-03-01 2 continuing");
        assertThat(lifecycle.open()).extracting(Incident::daysOpen).containsExactly(2L);
    }

    @Test
    void theOrderOfTheDaysGivenDoesNotMatter() {
        List<JudgedDay> days = new ArrayList<>(List.of(
                day(1, ALL, alert(1, Severity.WARNING)), day(2, ALL), day(3, ALL, alert(3, Severity.CRITICAL))));
        Lifecycle inOrder = Lifecycle.of(days);
        java.util.Collections.reverse(days);

        Lifecycle reversed = Lifecycle.of(days);

        assertThat(reversed.days()).isEqualTo(inOrder.days());
        assertThat(reversed.open()).isEqualTo(inOrder.open());
    }

    private static JudgedDay day(int n, Set<AlertRule> judged, Alert... alerts) {
        return new JudgedDay(D1.plusDays(n - 1), Map.of("fra", judged), List.of(alerts));
    }

    private static Alert alert(int n, Severity severity) {
        return new Alert(
                D1.plusDays(n - 1),
                "acme",
                "fra",
                "Frankfurt",
                AlertRule.HIGH_MEDIAN,
                severity,
                new BigDecimal("150"),
                new BigDecimal("100"),
                null,
                40,
                "median above on day " + n);
    }

    private static List<String> rows(Lifecycle lifecycle, int n) {
        return lifecycle.day(D1.plusDays(n - 1)).alerts().stream()
                .map(a -> a.state() + " " + a.openedOn() + " " + a.daysOpen() + " "
                        + a.change().label())
                .toList();
    }

    private static List<String> resolved(Lifecycle lifecycle, int n) {
        return lifecycle.day(D1.plusDays(n - 1)).resolved().stream()
                .map(i -> i.incidentId() + " " + i.resolvedOn() + " " + i.daysOpen() + " "
                        + i.lastAlert().severity() + " " + i.message())
                .toList();
    }
}
