package org.peertel.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The manager's side of a remote partitioned step: sends one request per partition to the broker and waits, reading
 * the shared job repository, until every partition has ended. What Spring Batch's MessageChannelPartitionHandler does
 * when it polls the repository, with two differences peertel needs:
 *
 * <ul>
 *   <li>The timeout ({@code workers.timeout}) counts from the last time a partition started or ended, not from the
 *       start: a long day with busy workers never times out, a day nobody works on does.
 *   <li>On a timeout the step fails with a message naming the partitions left. Those no worker took are marked
 *       FAILED first (an optimistic-lock update: a worker taking one at that moment wins, and the wait goes on), so
 *       that the restart runs them again. Those a worker started are left as they are: their worker may be alive, and
 *       only the broker knows it is not (it then gives the request to another worker). Spring Batch refuses to
 *       restart the day while one of them is still STARTED.
 * </ul>
 *
 * A partition that failed on its worker fails the step with the worker's message.
 */
final class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Duration POLL = Duration.ofMillis(250);

    private final MessagingTemplate messaging = new MessagingTemplate();
    private final MessageChannel requests;
    private final JobRepository jobRepository;
    private final String workerStep;
    private final Duration timeout;
    private final String brokerUrl;

    RemotePartitionHandler(
            MessageChannel requests, JobRepository jobRepository, String workerStep, RemoteSettings remote) {
        this.requests = requests;
        this.brokerUrl = remote.brokerUrl();
        this.jobRepository = jobRepository;
        this.workerStep = workerStep;
        this.timeout = remote.timeout();
        setGridSize(remote.buckets());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        List<StepExecution> inOrder = new ArrayList<>(partitions);
        inOrder.sort(Comparator.comparing(StepExecution::getStepName));
        for (StepExecution partition : inOrder) {
            try {
                messaging.send(
                        requests,
                        MessageBuilder.withPayload(new StepExecutionRequest(workerStep, partition.getId()))
                                .build());
            } catch (MessagingException e) {
                throw new IllegalStateException(
                        "the broker " + brokerUrl + " did not take the request of "
                                + partition.getStepName() + ": " + rootMessage(e)
                                + "; once it runs again, run the same "
                                + "command again",
                        e);
            }
        }
        return await(manager, inOrder.stream().map(StepExecution::getId).collect(Collectors.toSet()));
    }

    private Set<StepExecution> await(StepExecution manager, Set<Long> ids) throws InterruptedException {
        String seen = "";
        long lastChange = System.nanoTime();
        while (true) {
            List<StepExecution> mine = partitions(manager, ids);
            String now = mine.stream()
                    .map(step -> step.getId() + ":" + step.getStatus() + ":" + step.getVersion())
                    .sorted()
                    .collect(Collectors.joining(","));
            if (!now.equals(seen)) {
                seen = now;
                lastChange = System.nanoTime();
            }
            if (mine.stream().noneMatch(step -> step.getStatus().isRunning())) {
                failIfAnyFailed(mine);
                return new HashSet<>(mine);
            }
            if (System.nanoTime() - lastChange > timeout.toNanos()) {
                if (markUntakenFailed(mine)) {
                    throw new IllegalStateException(timedOut(mine));
                }
                lastChange = System.nanoTime(); // a worker took one just now: wait on
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private List<StepExecution> partitions(StepExecution manager, Set<Long> ids) {
        JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
        return job.getStepExecutions().stream()
                .filter(step -> ids.contains(step.getId()))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
    }

    /** Marks FAILED the partitions no worker took; false when a worker took one meanwhile. */
    private boolean markUntakenFailed(List<StepExecution> partitions) {
        for (StepExecution step : partitions) {
            if (step.getStatus() == BatchStatus.STARTING) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "no worker took this partition within workers.timeout (" + readable(timeout) + ")"));
                step.setEndTime(LocalDateTime.now());
                try {
                    jobRepository.update(step);
                } catch (OptimisticLockingFailureException taken) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The message of a timeout; {@code partitions} as they were before the untaken ones were marked FAILED. */
    private String timedOut(List<StepExecution> partitions) {
        List<String> untaken = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (StepExecution step : partitions) {
            if (step.getStatus() == BatchStatus.FAILED) {
                untaken.add(step.getStepName()); // marked just now by markUntakenFailed
            } else if (step.getStatus().isRunning()) {
                running.add(step.getStepName());
            }
        }
        StringBuilder message = new StringBuilder(
                "no remote worker started or finished a partition for " + readable(timeout) + " (workers.timeout)");
        if (!untaken.isEmpty()) {
            message.append("; no worker took ").append(String.join(", ", untaken));
        }
        if (!running.isEmpty()) {
            message.append("; still running on a worker: ")
                    .append(String.join(", ", running))
                    .append(" (the day restarts once it ends, or once the broker has given it to another worker)");
        }
        return message.append("; start workers (peertel worker) and run the same command again: only the partitions "
                        + "left run again")
                .toString();
    }

    private static void failIfAnyFailed(List<StepExecution> partitions) {
        List<String> failed = new ArrayList<>();
        for (StepExecution step : partitions) {
            if (step.getStatus() != BatchStatus.COMPLETED) {
                failed.add(step.getStepName() + " " + step.getStatus() + ": " + firstLine(step));
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("remote partition " + String.join("; ", failed));
        }
    }

    /** The first line of what the worker recorded as the partition's failure: the exception and its message. */
    private static String firstLine(StepExecution step) {
        String description = step.getExitStatus().getExitDescription();
        if (description == null || description.isBlank()) {
            return "no reason recorded";
        }
        return description.lines().findFirst().orElse("").trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String readable(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
