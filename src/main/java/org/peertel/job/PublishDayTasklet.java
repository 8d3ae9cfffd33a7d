package org.peertel.job;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Swaps the staged day in for the stored one and recomputes its aggregates, in one DuckDB transaction. */
public final class PublishDayTasklet implements Tasklet {

    private final CurrentDay current;

    public PublishDayTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        run.store().publishDay(run.day());
        return RepeatStatus.FINISHED;
    }
}
