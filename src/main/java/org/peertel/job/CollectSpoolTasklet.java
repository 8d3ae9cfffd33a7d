package org.peertel.job;

import java.util.ArrayList;
import java.util.List;
import org.peertel.ingest.LatencyDay;
import org.peertel.store.DaySpool;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * collectStep, on the manager after the remote attributeStep: completes the shared spool as attributeStep does in one
 * process (dictionary, connections, manifest, skipped files, marker), from the result each partition left per file.
 */
public final class CollectSpoolTasklet implements Tasklet {

    private final CurrentDay current;

    public CollectSpoolTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        DaySpool spool = run.spool();
        List<String> names = LatencyDay.inputFiles(run.parameters().dayFolder()).stream()
                .map(file -> file.getFileName().toString())
                .toList();
        List<LatencyDay.FileResult> results = new ArrayList<>(names.size());
        List<String> missing = new ArrayList<>();
        for (int no = 0; no < names.size(); no++) {
            spool.fileResult(no).ifPresentOrElse(results::add, missingNo(missing, names, no));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no remote worker's result in " + spool.folder() + " for "
                    + String.join(", ", missing) + ": the day folder changed since attributeStep, or a partition's "
                    + "files were removed; run the day again");
        }
        AttributeDayTasklet.complete(spool, names, run, results);
        return RepeatStatus.FINISHED;
    }

    private static Runnable missingNo(List<String> missing, List<String> names, int no) {
        return () -> missing.add(names.get(no));
    }
}
