package org.peertel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peertel.history.TelemetryExecution;
import org.peertel.job.ExecutionRecord;
import org.peertel.job.RunReason;
import org.springframework.batch.core.BatchStatus;

/** The run summary: a line per day while that fits a screen, the days worth a look and the totals past it. */
class RunSummaryPrinterTest {

    static final LocalDate FIRST = LocalDate.parse("2025-11-01");

    @Test
    void aWeekGetsALinePerDay() {
        // given
        List<LocalDate> days = days(7);
        Map<LocalDate, TelemetryExecution> executions = new LinkedHashMap<>();
        days.forEach(day -> executions.put(day, completed(day, 0, 0)));

        // when
        List<String> lines = print(days, executions);

        // then: the title, the header, 7 days, the total, the outputs
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("Run summary: 7 days (2025-11-01 to 2025-11-07), 7 completed");
        assertThat(lines).noneMatch(line -> line.startsWith("Not listed"));
    }

    @Test
    void fourHundredDaysFitAScreen() {
        // given: 300 days completed, each with an alert (one CRITICAL), one of them partial and one empty; the 301st
        // failed
        List<LocalDate> days = days(400);
        Map<LocalDate, TelemetryExecution> executions = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            LocalDate day = days.get(i);
            executions.put(
                    day,
                    i == 149
                            ? completed(day, 1, 1)
                            : i == 200 ? empty(day) : i == 250 ? critical(day) : completed(day, 0, 1));
        }
        LocalDate failed = days.get(300);
        executions.put(
                failed,
                new TelemetryExecution(
                        2,
                        failed,
                        1,
                        BatchStatus.FAILED,
                        start(),
                        start(),
                        RunReason.MANUAL,
                        false,
                        null,
                        "attributeStep: boom"));

        // when
        List<String> lines = print(days, executions);
        String text = String.join("\n", lines);

        // then: at most 40 lines of table, between the title and the two closing lines
        assertThat(lines.size()).as(text).isLessThanOrEqualTo(RunSummaryPrinter.SCREEN_LINES + 3);
        assertThat(lines.get(0))
                .startsWith(
                        "Run summary: 400 days (2025-11-01 to 2026-12-05), 300 completed; too many for a line each");
        assertThat(text)
                .containsPattern(failed + " +FAILED")
                .containsPattern(days.get(149) + " +COMPLETED")
                .contains("PARTIAL: 1 bad file skipped")
                .containsPattern(days.get(200) + " +COMPLETED")
                .contains("EMPTY: no data row in the day's files")
                .containsPattern(days.get(250) + " +COMPLETED")
                .contains("alerts: CRITICAL 1")
                .containsPattern("total +300 of 400 ok +\\S+ +29900 +29900 +0 +0 +0 +299")
                .contains("alerts: CRITICAL 1, WARNING 298")
                .contains("99 not run: " + days.get(301) + " .. " + days.get(399))
                .contains("Every day: peertel history --from 2025-11-01 --to 2026-12-05");
        assertThat(lines.get(lines.size() - 2)).startsWith("Not listed: ").contains(" more days with alerts or notes");
    }

    private static List<String> print(List<LocalDate> days, Map<LocalDate, TelemetryExecution> executions) {
        StringWriter out = new StringWriter();
        RunSummaryPrinter.print(days, executions, Path.of("out"), new PrintWriter(out, true));
        return out.toString().lines().toList();
    }

    private static List<LocalDate> days(int count) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(FIRST.plusDays(i));
        }
        return days;
    }

    private static TelemetryExecution completed(LocalDate day, long skippedFiles, long alerts) {
        return execution(day, 100, alerts, skippedFiles);
    }

    private static TelemetryExecution empty(LocalDate day) {
        return execution(day, 0, 0, 0);
    }

    private static TelemetryExecution critical(LocalDate day) {
        return execution(day, 100, 1, 0, "CRITICAL");
    }

    private static TelemetryExecution execution(LocalDate day, long rows, long alerts, long skippedFiles) {
        return execution(day, rows, alerts, skippedFiles, "WARNING");
    }

    private static TelemetryExecution execution(
            LocalDate day, long rows, long alerts, long skippedFiles, String severity) {
        ExecutionRecord.Counts counts = new ExecutionRecord.Counts(
                rows,
                rows,
                0,
                0,
                0,
                alerts,
                Map.of(),
                alerts == 0 ? Map.of() : Map.of(severity, alerts),
                skippedFiles,
                "");
        return new TelemetryExecution(
                1,
                day,
                1,
                BatchStatus.COMPLETED,
                start(),
                start().plusMillis(400),
                RunReason.MANUAL,
                false,
                counts,
                "");
    }

    private static Instant start() {
        return Instant.parse("2026-12-07T02:30:00Z");
    }
}
