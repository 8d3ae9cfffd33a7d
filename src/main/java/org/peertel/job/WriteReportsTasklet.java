package org.peertel.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.peertel.report.CustomerReports;
import org.peertel.report.OutputLayout;
import org.peertel.report.RejectsFile;
import org.peertel.report.RunSummary;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the customer reports, the rejects file and, last, the run summary: a run summary on disk means every
 * other file of the day is complete.
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
        CustomerReports.write(layout, day, run.registry(), queries.connectionDay(day), queries.prefixDay(day));
        RejectsFile.write(layout.rejects(day), day, queries);
        var jobStart = chunkContext.getStepContext().getStepExecution().getJobExecution().getStartTime();
        Instant startedAt = jobStart == null ? Instant.now() : jobStart.atZone(ZoneId.systemDefault()).toInstant();
        RunSummary.write(layout.runSummary(day), day, queries.counts(day), (int) queries.rowsOn("alerts", day),
                startedAt, Instant.now());
        return RepeatStatus.FINISHED;
    }
}
