package org.peertel.job;

import org.peertel.ingest.LatencyRow;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Feeds {@link Progress} from attributeStep: after each chunk (never per row) it reads the reader's file and row
 * counts, which the reader keeps anyway, and lets Progress decide whether a line is due.
 */
public final class ProgressListener implements ChunkListener<LatencyRow, AttributedRow>, StepExecutionListener {

    private final LatencyItemReader reader;
    private final CurrentDay current;
    private volatile Progress progress = Progress.onStandardError();

    public ProgressListener(LatencyItemReader reader, CurrentDay current) {
        this.reader = reader;
        this.current = current;
    }

    /** Where the next steps report to (the command line points it at its own stderr). */
    public void reportTo(Progress newProgress) {
        progress = newProgress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        progress.start(current.get().day() + " reading");
    }

    @Override
    public void afterChunk(Chunk<AttributedRow> chunk) {
        progress.update(reader.filesDone(), reader.fileCount(), reader.rowsSoFar());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        progress.finish(reader.filesDone(), reader.fileCount(), reader.rowsSoFar());
        return null;
    }
}
