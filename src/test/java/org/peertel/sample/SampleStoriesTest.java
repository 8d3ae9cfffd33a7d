package org.peertel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed sample week tells the stories its README promises (checked with an independent naive reading). */
class SampleStoriesTest {

    private static NaiveDataAudit audit;

    @BeforeAll
    static void readCommittedSample() throws IOException {
        audit = NaiveDataAudit.of(Path.of("sample-data"));
    }

    @Test
    void exactlyTheStoryAlertsFire() {
        List<String> fired =
                NaiveAlerts.evaluate(audit).stream().map(NaiveAlerts.Alert::key).toList();

        assertThat(fired)
                .containsExactly(
                        "2026-11-17/acme-ams-1/HIGH_MEDIAN/WARNING",
                        "2026-11-19/initech-chi-1/NO_DATA/WARNING",
                        "2026-11-20/umbrella-mia-1/HIGH_P95/WARNING",
                        "2026-11-21/globex-fra-1/REGRESSION/WARNING",
                        "2026-11-22/globex-fra-1/REGRESSION/WARNING");
    }

    @Test
    void everyConnectionHasThirtyOrMoreSamplesOnEveryDayExceptTheSilentOne() {
        for (LocalDate day : audit.days) {
            for (String connection : audit.connectionIds) {
                int samples = audit.rttsOf(day, connection).size();
                if (day.equals(SampleScenario.SILENT_DAY) && connection.equals(SampleSites.INITECH_CHI)) {
                    assertThat(samples).isZero();
                } else {
                    assertThat(samples).as(day + " " + connection).isBetween(30, 100);
                }
            }
        }
    }

    @Test
    void everyDayHasNoPrefixAndLocationMismatchRows() {
        assertThat(audit.days).hasSize(7);
        for (LocalDate day : audit.days) {
            assertThat(audit.outcome(day, "no_prefix")).as(day + " no_prefix").isEqualTo(4);
            assertThat(audit.outcome(day, "location_mismatch"))
                    .as(day + " location_mismatch")
                    .isEqualTo(3);
        }
    }

    @Test
    void onlyTheFra1FileOfNovember18HasBadRowsOneForEachReason() {
        assertThat(audit.rejects).allSatisfy(reject -> {
            assertThat(reject.day()).isEqualTo(SampleBadRows.DAY);
            assertThat(reject.file()).isEqualTo(SampleBadRows.FILE);
        });
        assertThat(audit.rejects)
                .map(NaiveDataAudit.Reject::reason)
                .containsExactlyElementsOf(SampleBadRows.expectedReasons());
    }

    @Test
    void regressionStartsFromABaselineOfAtLeastThreeDays() {
        NaiveAlerts.Alert first = NaiveAlerts.evaluate(audit).stream()
                .filter(a -> a.rule().equals("REGRESSION"))
                .findFirst()
                .orElseThrow();

        assertThat(first.baselineDays()).isGreaterThanOrEqualTo(3);
        assertThat(first.observed()).isBetween(2.0 * first.baseline(), 3.0 * first.baseline());
    }
}
