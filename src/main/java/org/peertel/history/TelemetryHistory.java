package org.peertel.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.peertel.job.TelemetryJobConfiguration;
import org.peertel.job.TelemetryJobParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Every execution of the telemetry job, read through the JobRepository API (so the same code serves the H2 file
 * and PostgreSQL), oldest day first, then in execution order. The instances are read once, when first needed.
 */
public final class TelemetryHistory {

    private final JobRepository jobRepository;
    private List<List<JobExecution>> instances;

    public TelemetryHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** The newest day that completed: its last completed execution, and how long each of its steps took. */
    public record CompletedDay(LocalDate day, TelemetryExecution execution, Map<String, Duration> stepDurations) {
        public CompletedDay {
            stepDurations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepDurations));
        }
    }

    /** The executions of the days from {@code from} to {@code to} (inclusive; null for no bound). */
    public List<TelemetryExecution> executions(LocalDate from, LocalDate to) {
        List<TelemetryExecution> executions = new ArrayList<>();
        for (List<JobExecution> ofInstance : instances()) {
            for (int i = 0; i < ofInstance.size(); i++) {
                TelemetryExecution execution = TelemetryExecution.of(ofInstance.get(i), i > 0);
                LocalDate day = execution.day();
                if (day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                    executions.add(execution);
                }
            }
        }
        executions.sort(
                Comparator.comparing(TelemetryExecution::day).thenComparingLong(TelemetryExecution::executionId));
        return executions;
    }

    /**
     * The days whose newest attempt ended completed (its last execution), and the earliest day that ever completed:
     * what the scheduler counts as done. A day whose newest attempt failed or stopped, such as a re-run for late data
     * that failed after the day had completed once, is not done: its outputs are not those of its input as it
     * stands, and the next pass restarts it.
     */
    public DaysDone daysDone() {
        Map<LocalDate, List<JobExecution>> newestAttempt = new HashMap<>();
        LocalDate first = null;
        for (List<JobExecution> ofInstance : instances()) {
            LocalDate day = day(ofInstance.get(0));
            if (day == null) {
                continue;
            }
            newestAttempt.merge(day, ofInstance, (a, b) -> attempt(b) > attempt(a) ? b : a);
            boolean everCompleted =
                    ofInstance.stream().anyMatch(execution -> execution.getStatus() == BatchStatus.COMPLETED);
            if (everCompleted && (first == null || day.isBefore(first))) {
                first = day;
            }
        }
        Set<LocalDate> days = new TreeSet<>();
        newestAttempt.forEach((day, ofInstance) -> {
            if (ofInstance.get(ofInstance.size() - 1).getStatus() == BatchStatus.COMPLETED) {
                days.add(day);
            }
        });
        return new DaysDone(days, first);
    }

    private static long attempt(List<JobExecution> ofInstance) {
        Long attempt = ofInstance.get(0).getJobParameters().getLong(TelemetryJobParameters.ATTEMPT);
        return attempt == null ? 1 : attempt;
    }

    /**
     * The latest day with a completed execution, that execution (the newest completed one of the day), and the
     * duration of each step, from the newest completed run of that step in the execution's instance (a restart
     * does not run the steps that had completed). Empty when no day completed.
     */
    public Optional<CompletedDay> newestCompletedDay() {
        JobExecution newest = null;
        List<JobExecution> newestInstance = null;
        for (List<JobExecution> ofInstance : instances()) {
            for (JobExecution execution : ofInstance) {
                if (execution.getStatus() != BatchStatus.COMPLETED || day(execution) == null) {
                    continue;
                }
                if (newest == null
                        || day(execution).isAfter(day(newest))
                        || (day(execution).equals(day(newest)) && execution.getId() > newest.getId())) {
                    newest = execution;
                    newestInstance = ofInstance;
                }
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        Map<String, StepExecution> steps = new LinkedHashMap<>();
        for (JobExecution execution : newestInstance) {
            if (execution.getId() > newest.getId()) {
                continue;
            }
            execution.getStepExecutions().stream()
                    .filter(step -> step.getStatus() == BatchStatus.COMPLETED)
                    .sorted(Comparator.comparingLong(StepExecution::getId))
                    .forEach(step -> steps.put(step.getStepName(), step));
        }
        Map<String, Duration> durations = new LinkedHashMap<>();
        steps.values().stream()
                .sorted(Comparator.comparing(
                        StepExecution::getStartTime, Comparator.nullsLast(LocalDateTime::compareTo)))
                .forEach(step -> {
                    if (step.getStartTime() != null && step.getEndTime() != null) {
                        durations.put(step.getStepName(), Duration.between(step.getStartTime(), step.getEndTime()));
                    }
                });
        return Optional.of(new CompletedDay(day(newest), TelemetryExecution.of(newest, false), durations));
    }

    private static LocalDate day(JobExecution execution) {
        return execution.getJobParameters().getLocalDate(TelemetryJobParameters.DATE);
    }

    /** Every instance's executions, in execution order. */
    private List<List<JobExecution>> instances() {
        if (instances == null) {
            instances = new ArrayList<>();
            for (JobInstance instance : jobRepository.findJobInstances(TelemetryJobConfiguration.JOB_NAME)) {
                List<JobExecution> ofInstance = new ArrayList<>(jobRepository.getJobExecutions(instance));
                if (!ofInstance.isEmpty()) {
                    ofInstance.sort(Comparator.comparingLong(JobExecution::getId));
                    instances.add(ofInstance);
                }
            }
        }
        return instances;
    }
}
