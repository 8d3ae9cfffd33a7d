package org.peertel.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.peertel.alert.Lifecycle;
import org.peertel.alert.QuietDay;
import org.peertel.config.RetentionSettings;
import org.peertel.store.ArchivedTable;
import org.peertel.store.StoreQueries;
import org.peertel.store.TelemetryStore;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * retentionStep: moves every published day older than {@code retention.measurement-days} (counted back from the
 * newest published day, that day included) out of DuckDB into the Parquet archive, its per-row tables first; then,
 * when {@code retention.aggregate-days} is set, the rest of every evaluated day older than that window: aggregates,
 * alerts, judgements, owners and manifest. The aggregate window reaches further back where an incident is open
 * across its first day ({@link QuietDay}), so that the alert files of the days kept never change. Each day's files
 * are verified before its rows leave DuckDB ({@link TelemetryStore#archiveDay}); a day reprocessed after it was
 * archived is archived again at once. Ends with a checkpoint, so that the next days reuse the freed blocks. Safe to
 * run again: a day whose delete did not commit still has its rows, and its files are written anew.
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
        TelemetryStore store = run.store();
        StoreQueries queries = store.queries();
        LocalDate newest = queries.newestPublishedDay();
        Path archive = retention.archive(run.parameters().out());
        boolean archived = false;
        for (LocalDate day : queries.daysHeldBefore(windowStart(newest, retention.measurementDays()))) {
            store.archiveDay(day, archive, ArchivedTable.Window.MEASUREMENTS);
            archived = true;
        }
        if (retention.aggregatesOn()) {
            LocalDate first = QuietDay.atOrBefore(
                    windowStart(newest, retention.aggregateDays()),
                    Lifecycle.of(store.judgedDays()).incidents());
            for (LocalDate day : queries.evaluatedDaysBefore(first)) {
                store.archiveDay(day, archive, ArchivedTable.Window.AGGREGATES);
                archived = true;
            }
        }
        if (archived) {
            store.checkpoint();
        }
        return RepeatStatus.FINISHED;
    }

    private static LocalDate windowStart(LocalDate newest, int days) {
        return newest.minusDays(days - 1L);
    }
}
