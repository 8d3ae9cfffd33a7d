package org.peertel.launch;

import java.util.List;
import org.peertel.ingest.BadInputFileException;
import org.springframework.batch.core.job.JobExecution;

/** One line that says why a job execution failed, for the command line. */
public final class JobFailure {

    private JobFailure() {}

    /**
     * The message of a bad input file when one failed the execution (it names the file and how to go on), else the
     * first failure's message with its root cause.
     */
    public static String describe(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return "no exception recorded";
        }
        Throwable root = failures.get(0);
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof BadInputFileException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof BadInputFileException bad) {
            return bad.getMessage();
        }
        return failures.get(0).getMessage() + (root != failures.get(0) ? " (cause: " + root + ")" : "");
    }
}
