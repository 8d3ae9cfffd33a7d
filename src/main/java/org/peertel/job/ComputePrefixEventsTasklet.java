package org.peertel.job;

import org.peertel.routing.BgpSettings;
import org.peertel.store.BgpDayRead;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * eventStep: with BGP on, the day's prefix events ({@link PrefixEventsDay}). With BGP off it does nothing, so the
 * day's stored events stay as they were. Run again after a crash, it computes the same from the same folder.
 */
public final class ComputePrefixEventsTasklet implements Tasklet {

    private final CurrentDay current;

    public ComputePrefixEventsTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        BgpSettings bgp = run.parameters().bgp();
        if (bgp.folder() == null) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("BGP off"));
            return RepeatStatus.FINISHED;
        }
        BgpDayRead read = PrefixEventsDay.compute(
                run.day(), bgp, run.watchedPrefixes(), run.registry(), run.layout(), run.store());
        if (read.isMissing()) {
            contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("bgp: missing"));
        }
        return RepeatStatus.FINISHED;
    }
}
