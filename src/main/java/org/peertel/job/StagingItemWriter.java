package org.peertel.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.peertel.CrashPoints;
import org.peertel.attribution.Attribution;
import org.peertel.ingest.Measurement;
import org.peertel.ingest.RejectedRow;
import org.peertel.store.StagingWriter;
import org.peertel.store.StoreException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Appends each chunk to the day's staging tables: attributed, unattributed (with why) and rejected rows, and,
 * once the reader has read everything, the files skipped as bad (their staged rows dropped), the per-file summary
 * and the day's staging marker. One staging writer
 * (one DuckDB transaction per chunk) serves the whole step.
 *
 * <p>The DuckDB appends of a chunk run on a background thread while the step reads and matches the next chunk:
 * on two cores that overlaps the two halves of the work. DuckDB appenders belong to the thread that made them, so
 * every use of the staging writer, from creating it to closing it, happens on that one thread. At most one chunk is
 * in flight; {@link #write} first waits for the previous one, so a failure surfaces (and fails the step) one chunk
 * later at the latest. Nothing
 * depends on DuckDB and the job repository committing a chunk together: a restarted step clears staging and reads
 * the day again from its first row.
 *
 * <p>The summary and the marker are committed in {@link #update}, which the chunk-oriented step calls inside the
 * chunk transaction of the job repository, after the chunk's items (also after the last, empty chunk) and before
 * the step can be recorded COMPLETED. Not in {@link #close}: Spring Batch closes streams after it has recorded
 * the step COMPLETED, so a process killed in between would leave a completed step with an incomplete staging
 * area. A process killed before the step is recorded COMPLETED restarts the step, which clears staging first.
 */
public final class StagingItemWriter implements ItemStreamWriter<AttributedRow> {

    private static final String CHUNK_WRITTEN = "attribute-chunk-written";

    private final CurrentDay current;
    private final LatencyItemReader reader;
    private LocalDate day;
    private volatile StagingWriter staging;
    private ExecutorService appender;
    private Future<?> inFlight;
    private boolean marked;

    public StagingItemWriter(CurrentDay current, LatencyItemReader reader) {
        this.current = current;
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        DayRun run = current.get();
        day = run.day();
        appender = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "peertel-staging");
            thread.setDaemon(true);
            return thread;
        });
        marked = false;
        inFlight = appender.submit(() -> {
            staging = run.store().stagingWriter();
        });
        awaitInFlight();
    }

    @Override
    public void write(Chunk<? extends AttributedRow> chunk) {
        awaitInFlight();
        List<AttributedRow> items = new ArrayList<>(chunk.getItems());
        inFlight = appender.submit(() -> append(items));
        if (CrashPoints.armed(CHUNK_WRITTEN)) {
            awaitInFlight(); // the test hook means "a chunk is in DuckDB": wait for it
            CrashPoints.reach(CHUNK_WRITTEN);
        }
    }

    private void append(List<AttributedRow> items) {
        for (AttributedRow item : items) {
            if (item.row() instanceof RejectedRow rejected) {
                staging.rejected(day, rejected);
            } else {
                Measurement m = (Measurement) item.row();
                Attribution a = item.attribution();
                if (a.outcome() == Attribution.Outcome.ATTRIBUTED) {
                    staging.attributed(day, m, a.connection().connectionId(), a.prefix());
                } else {
                    staging.unattributed(day, m, a.outcome().code(), a.prefix());
                }
            }
        }
        staging.flush();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (staging != null && !marked && reader.filesRead() != null) {
            awaitInFlight();
            inFlight = appender.submit(() -> {
                for (var skipped : reader.skippedFiles()) {
                    staging.skipFile(day, skipped);
                }
                for (var file : reader.filesRead()) {
                    var entry = reader.manifest().find(file.name());
                    staging.inputFile(day, file, entry == null ? "" : entry.sha256());
                }
                staging.markDayStaged(day);
            });
            awaitInFlight();
            marked = true;
        }
    }

    @Override
    public void close() {
        try {
            if (appender != null) {
                awaitInFlight();
                inFlight = appender.submit(() -> {
                    if (staging != null) {
                        staging.close();
                    }
                });
                awaitInFlight();
            }
        } finally {
            staging = null;
            if (appender != null) {
                appender.shutdownNow();
                appender = null;
            }
        }
    }

    /** Waits for the chunk being appended; rethrows its failure. */
    private void awaitInFlight() {
        Future<?> pending = inFlight;
        inFlight = null;
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while staging the rows of " + day, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("unable to stage the rows of " + day + ": " + cause, cause);
        }
    }
}
