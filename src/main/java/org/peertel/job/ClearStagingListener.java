package org.peertel.job;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Makes the attribution step safe to run again: before it starts, whatever an interrupted attempt staged for the
 * day is forgotten (its rows and its staging marker), so a restart reads the day from its first row and nothing
 * is counted twice.
 */
public final class ClearStagingListener implements StepExecutionListener {

    private final CurrentDay current;

    public ClearStagingListener(CurrentDay current) {
        this.current = current;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        DayRun run = current.get();
        run.store().clearStaging(run.day());
    }
}
