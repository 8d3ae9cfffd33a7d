package org.peertel.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the incident lifecycle may start afresh, so that retention may archive the days before it. */
class QuietDayTest {

    static final LocalDate D = LocalDate.parse("2026-03-10");

    @Test
    void aDayNoIncidentIsOpenAcrossIsItself() {
        assertThat(QuietDay.atOrBefore(D, List.of())).isEqualTo(D);
        assertThat(QuietDay.atOrBefore(D, List.of(incident(-5, -1), incident(0, null), incident(2, 4))))
                .as("resolved the day before, opened that day, later ones")
                .isEqualTo(D);
    }

    @Test
    void anIncidentOpenAcrossTheDayOrResolvedOnItMovesItToTheDayItOpened() {
        assertThat(QuietDay.atOrBefore(D, List.of(incident(-3, null)))).isEqualTo(D.minusDays(3));
        assertThat(QuietDay.atOrBefore(D, List.of(incident(-3, 0))))
                .as("its resolution on the day needs the days it was open")
                .isEqualTo(D.minusDays(3));
    }

    @Test
    void overlappingIncidentsMoveItToTheFirstOfTheChain() {
        List<Incident> chain = List.of(incident(-2, 1), incident(-6, -2), incident(-9, -7), incident(-8, -5));
        assertThat(QuietDay.atOrBefore(D, chain))
                .as("-2 .. 1 reaches -6 .. -2 (resolved on -2), which reaches -8 .. -5, which reaches -9 .. -7")
                .isEqualTo(D.minusDays(9));
        assertThat(QuietDay.atOrBefore(D, List.of(incident(-2, 1), incident(-6, -3))))
                .as("-6 .. -3 resolved before -2: no chain")
                .isEqualTo(D.minusDays(2));
    }

    private static Incident incident(int opened, Integer resolved) {
        Alert alert = new Alert(
                D.plusDays(opened),
                "acme",
                "fra-" + opened,
                "Frankfurt",
                AlertRule.HIGH_MEDIAN,
                Severity.WARNING,
                new BigDecimal("150"),
                new BigDecimal("100"),
                null,
                40,
                "median above");
        LocalDate resolvedOn = resolved == null ? null : D.plusDays(resolved);
        return new Incident(D.plusDays(opened), resolvedOn, alert, resolvedOn == null ? D : resolvedOn, "m");
    }
}
