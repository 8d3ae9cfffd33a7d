package org.peertel.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peertel.job.TelemetryJobConfiguration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Every execution of the telemetry job, read through the JobRepository API (so the same code serves the H2 file
 * and PostgreSQL), oldest day first, then in execution order.
 */
public final class TelemetryHistory {

    private final JobRepository jobRepository;

    public TelemetryHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** The executions of the days from {@code from} to {@code to} (inclusive; null for no bound). */
    public List<TelemetryExecution> executions(LocalDate from, LocalDate to) {
        List<TelemetryExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(TelemetryJobConfiguration.JOB_NAME)) {
            List<JobExecution> ofInstance = new ArrayList<>(jobRepository.getJobExecutions(instance));
            ofInstance.sort(Comparator.comparingLong(JobExecution::getId));
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
}
