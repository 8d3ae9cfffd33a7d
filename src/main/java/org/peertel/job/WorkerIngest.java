package org.peertel.job;

import org.peertel.config.IngestSettings;
import org.peertel.ingest.IngestLimits;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the manager's ingest settings reach remote workers: written into the execution context of the manager's
 * attributeStep when it starts (also on a restart, so that restarting a failed day with {@code --skip-bad-files}
 * does skip, as in one process), read by each partition from there.
 */
final class WorkerIngest {

    private static final String SKIP_BAD_FILES = "ingest.skip-bad-files";
    private static final String MAX_FILE_BYTES = "ingest.max-file-bytes";
    private static final String MAX_RECORD_BYTES = "ingest.max-record-bytes";

    private WorkerIngest() {}

    static void put(ExecutionContext context, IngestSettings ingest) {
        context.putString(SKIP_BAD_FILES, Boolean.toString(ingest.skipBadFiles()));
        context.putLong(MAX_FILE_BYTES, ingest.limits().maxFileBytes());
        context.putLong(MAX_RECORD_BYTES, ingest.limits().maxRecordBytes());
    }

    static IngestSettings from(ExecutionContext context) {
        if (!context.containsKey(SKIP_BAD_FILES)) {
            throw new IllegalStateException("the manager's attributeStep recorded no ingest settings");
        }
        return new IngestSettings(
                new IngestLimits(context.getLong(MAX_FILE_BYTES), (int) context.getLong(MAX_RECORD_BYTES)),
                Boolean.parseBoolean(context.getString(SKIP_BAD_FILES)));
    }
}
