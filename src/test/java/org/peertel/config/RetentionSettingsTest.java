package org.peertel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention keys: each window's values, and the aggregate window refused where later days need more. */
class RetentionSettingsTest {

    @TempDir
    Path work;

    @Test
    void theWindowsAsWrittenAndTheirDefaults() throws Exception {
        assertEquals(RetentionSettings.DEFAULTS, load("").retention());
        RetentionSettings both = load("retention.measurement-days = 7\nretention.aggregate-days = 30\n")
                .retention();
        assertEquals(7, both.measurementDays());
        assertEquals(30, both.aggregateDays());
        assertThat(both.aggregateDaysWhere()).endsWith("telemetry.properties:2");
        assertEquals(0, load("retention.aggregate-days = 0\n").retention().aggregateDays());
    }

    @Test
    void anAggregateWindowThatIsNotANumberOrShorterThanTheRowsIsRefusedWithItsLine() throws Exception {
        assertThat(refused("retention.aggregate-days = a month\n"))
                .contains("telemetry.properties:1: retention.aggregate-days = 'a month': expected a whole number "
                        + "of days from 0 (keep every day's aggregates) to 3660");
        assertThat(refused("retention.measurement-days = 35\n\nretention.aggregate-days = 30\n"))
                .contains("telemetry.properties:3: retention.aggregate-days = '30': the aggregates of a day are kept "
                        + "at least as long as its measurements (retention.measurement-days = 35); give at least "
                        + "that many days, or 0");
        assertThat(refused("retention.measurement-days = 0\nretention.aggregate-days = 400\n"))
                .contains("(retention.measurement-days = 0, every day)");
    }

    @Test
    void anAggregateWindowShorterThanTheBaselineOrTheHorizonIsRefusedWithTheReason() throws Exception {
        RetentionSettings retention = load("retention.measurement-days = 7\nretention.aggregate-days = 10\n")
                .retention();

        retention.requireCovers(9, "alerts.properties", 10); // 10 days hold a 9-day baseline and a 10-day horizon
        ConfigurationException baseline =
                assertThrows(ConfigurationException.class, () -> retention.requireCovers(10, "alerts.properties", 7));
        ConfigurationException horizon =
                assertThrows(ConfigurationException.class, () -> retention.requireCovers(7, "alerts.properties", 14));

        assertThat(baseline.getMessage())
                .contains("telemetry.properties:2: retention.aggregate-days = 10 is too short: REGRESSION compares a "
                        + "day with the 10 days before it (alerts.properties), so the window must hold at least 11 "
                        + "days; raise it, or remove the line");
        assertThat(horizon.getMessage())
                .contains("the schedule's catch-up horizon (schedule.horizon-days) is 14 days")
                .contains("at least 14 days");
        RetentionSettings.DEFAULTS.requireCovers(366, "alerts.properties", 366); // 0 keeps every day: nothing to check
    }

    private JobSettings load(String text) throws Exception {
        return JobSettings.load(Files.writeString(work.resolve("telemetry.properties"), text));
    }

    private String refused(String text) {
        return assertThrows(ConfigurationException.class, () -> load(text)).getMessage();
    }
}
