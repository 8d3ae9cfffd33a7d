package org.peertel.job;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What attributeStep's workers have done so far (for the progress line) and whether they must stop. */
final class AttributionCounters {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private volatile boolean stopRequested;

    void addRows(long count) {
        rows.addAndGet(count);
    }

    void fileDone() {
        filesDone.incrementAndGet();
    }

    long rows() {
        return rows.get();
    }

    int filesDone() {
        return filesDone.get();
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Throws {@link FileAttribution.StopRequested} once a stop was requested. */
    void checkStop() {
        if (stopRequested) {
            throw new FileAttribution.StopRequested();
        }
    }
}
