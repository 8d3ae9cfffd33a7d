package org.peertel.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.peertel.report.Coverage;
import org.peertel.report.CustomerReports;
import org.peertel.report.OutputLayout;
import org.peertel.report.RejectsFile;
import org.peertel.report.RunSummary;
import org.peertel.store.BgpDayRead;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the customer reports, the rejects file and, last, the run summary: a run summary on disk means every
 * other file of the day is complete. The day's counts also go into the job execution's context
 * ({@link ExecutionRecord}), where {@code peertel history} finds them.
 */
public final class WriteReportsTasklet implements Tasklet {

    private final CurrentDay current;

    public WriteReportsTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        LocalDate day = run.day();
        OutputLayout layout = run.layout();
        StoreQueries queries = run.store().queries();
        StoreQueries.DayCounts dayCounts = queries.counts(day);
        CustomerReports.write(
                layout,
                day,
                run.registry(),
                queries.connectionDay(day),
                queries.prefixDay(day),
                queries.connectionHours(day),
                Coverage.of(dayCounts));
        RejectsFile.write(layout.rejects(day), day, queries);
        var jobStart = chunkContext
                .getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getStartTime();
        Instant startedAt = jobStart == null
                ? Instant.now()
                : jobStart.atZone(ZoneId.systemDefault()).toInstant();
        BgpDayRead bgp =
                run.parameters().bgp().folder() == null ? null : run.store().bgpDay(day);
        ExecutionRecord.Counts counts =
                ExecutionRecord.Counts.of(dayCounts, queries.alertsBySeverity(day), bgp == null ? "" : bgpText(bgp));
        RunSummary.write(layout.runSummary(day), day, dayCounts, (int) counts.alerts(), bgp, startedAt, Instant.now());
        // For history and the run summary: read from the job repository, not from DuckDB or runs/.
        ExecutionRecord.counted(
                chunkContext
                        .getStepContext()
                        .getStepExecution()
                        .getJobExecution()
                        .getExecutionContext(),
                counts);
        return RepeatStatus.FINISHED;
    }

    /** "missing", or "1 critical, 0 warning events; 2 rejected; 285 multicast" (the last two only when any). */
    static String bgpText(BgpDayRead bgp) {
        if (bgp.isMissing()) {
            return BgpDayRead.MISSING;
        }
        return bgp.events("Critical") + " critical, " + bgp.events("Warning") + " warning events"
                + (bgp.rejects().isEmpty() ? "" : "; " + bgp.rejects().size() + " rejected")
                + (bgp.multicast() == 0 ? "" : "; " + bgp.multicast() + " multicast routes");
    }
}
