package org.peertel.history;

import java.util.Comparator;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Why an execution did not complete, in one line, from what the job repository keeps: the exit description of the
 * step that failed (Spring Batch stores the stack trace there), reduced to its first line without the exception's
 * class name and prefixed with the step's name, e.g. {@code attributeStep: bad input file ...}; else the job's own
 * exit description; else what Spring Batch recorded about it (recovered after its process died, stopped).
 */
final class ExecutionCause {

    /** {@code java.io.UncheckedIOException: } at the start of a stack trace's first line. */
    private static final Pattern EXCEPTION_CLASS =
            Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)(?::\\s*|$)");

    /** The key {@code JobOperator.recover} puts in the context of an execution whose process died. */
    private static final String RECOVERED = "batch.recovered";

    private ExecutionCause() {}

    /** The cause of a failed, stopped or abandoned execution; null for one that completed or still runs. */
    static String of(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED || status.isRunning()) {
            return null;
        }
        StepExecution failed = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED)
                .min(Comparator.comparingLong(StepExecution::getId))
                .orElse(null);
        if (failed != null) {
            String line = firstLine(failed.getExitStatus().getExitDescription());
            if (!line.isEmpty()) {
                return failed.getStepName() + ": " + line;
            }
        }
        String line = firstLine(execution.getExitStatus().getExitDescription());
        if (!line.isEmpty()) {
            return line;
        }
        if (execution.getExecutionContext().containsKey(RECOVERED)) {
            return "its process died (found STARTED and marked FAILED by the next run of the day)";
        }
        return status == BatchStatus.STOPPED ? "stopped on request" : "no cause recorded";
    }

    /** The first line of a stack trace or message, without the exception's class name; "" when there is none. */
    static String firstLine(String description) {
        String line = Attempt.firstLine(description);
        return EXCEPTION_CLASS.matcher(line).replaceFirst("").strip();
    }
}
