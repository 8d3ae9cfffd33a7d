package org.peertel.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.peertel.config.RetentionSettings;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * retentionStep: moves the per-row tables of every published day older than {@code retention.measurement-days}
 * (counted back from the newest published day, that day included) into the Parquet archive, each day's files
 * verified before its rows leave DuckDB ({@link org.peertel.store.TelemetryStore#archiveDay}). A day reprocessed
 * after it was archived is archived again at once. Safe to run again: a day whose delete did not commit still has
 * its rows, and its files are written anew.
 */
public final class ArchiveOldDaysTasklet implements Tasklet {

    private final CurrentDay current;
    private final RetentionSettings retention;

    public ArchiveOldDaysTasklet(CurrentDay current, RetentionSettings retention) {
        this.current = current;
        this.retention = retention;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!retention.on()) {
            return RepeatStatus.FINISHED;
        }
        DayRun run = current.get();
        StoreQueries queries = run.store().queries();
        LocalDate newest = queries.newestPublishedDay();
        Path archive = retention.archive(run.parameters().out());
        for (LocalDate day : queries.daysHeldBefore(newest.minusDays(retention.measurementDays() - 1L))) {
            run.store().archiveDay(day, archive);
        }
        return RepeatStatus.FINISHED;
    }
}
