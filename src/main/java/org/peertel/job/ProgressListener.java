package org.peertel.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Feeds {@link Progress} from attributeStep: the step's tasklet calls {@link #tick} from its coordinating thread
 * (every few hundred milliseconds, never per row) with the counts its workers keep anyway, and Progress decides
 * whether a line is due.
 */
public final class ProgressListener implements StepExecutionListener {

    private final CurrentDay current;
    private volatile Progress progress = Progress.onStandardError();
    private volatile int filesDone;
    private volatile int fileCount;
    private volatile long rows;

    public ProgressListener(CurrentDay current) {
        this.current = current;
    }

    /** Where the next steps report to (the command line points it at its own stderr). */
    public void reportTo(Progress newProgress) {
        progress = newProgress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        filesDone = 0;
        fileCount = 0;
        rows = 0;
        progress.start(current.get().day() + " reading");
    }

    /** The step's counts so far; prints a line when one is due. */
    public void tick(int newFilesDone, int newFileCount, long newRows) {
        filesDone = newFilesDone;
        fileCount = newFileCount;
        rows = newRows;
        progress.update(newFilesDone, newFileCount, newRows);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        progress.finish(filesDone, fileCount, rows);
        return null;
    }
}
