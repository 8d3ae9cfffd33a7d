package org.peertel.job;

import org.peertel.store.DaySpool;
import org.peertel.testhook.CrashPoint;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Swaps the spooled day in for the stored one and recomputes its aggregates, in one DuckDB transaction, then
 * removes the spool. Run again after a crash that followed the commit (the job repository still saw the step
 * running), it publishes the same spool again (same result) or, once the spool is gone, changes nothing.
 */
public final class PublishDayTasklet implements Tasklet {

    private final CurrentDay current;

    public PublishDayTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        DaySpool spool = run.spool();
        if (!run.store().publishDay(run.day(), spool)) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    "already published: the day's spool was gone, the stored day was kept"));
        }
        CrashPoint.PUBLISH_COMMITTED.reach();
        spool.delete();
        return RepeatStatus.FINISHED;
    }
}
