package org.peertel.job;

import org.peertel.CrashPoints;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Swaps the staged day in for the stored one and recomputes its aggregates, in one DuckDB transaction. Run again
 * after a crash that followed the commit (the job repository still saw the step running), it changes nothing:
 * the publish removed the day's staging marker, and {@code publishDay} needs it.
 */
public final class PublishDayTasklet implements Tasklet {

    private final CurrentDay current;

    public PublishDayTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        if (!run.store().publishDay(run.day())) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                    "already published: the day's staging marker was gone, the stored day was kept"));
        }
        CrashPoints.reach("publish-committed");
        return RepeatStatus.FINISHED;
    }
}
