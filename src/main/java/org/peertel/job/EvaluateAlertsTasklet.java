package org.peertel.job;

import java.time.LocalDate;
import java.util.List;

import org.peertel.alert.Alert;
import org.peertel.alert.AlertEvaluator;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Judges the day's statistics against the alert rules; stores the alerts and writes {@code alerts/<date>.csv}. */
public final class EvaluateAlertsTasklet implements Tasklet {

    private final CurrentDay current;

    public EvaluateAlertsTasklet(CurrentDay current) {
        this.current = current;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        DayRun run = current.get();
        LocalDate day = run.day();
        AlertEvaluator evaluator = new AlertEvaluator(run.alertSettings());
        var connections = run.registry().connections();
        StoreQueries queries = run.store().queries();
        List<Alert> alerts = evaluator.evaluate(day, connections, queries.dailyStats(day, day),
                queries.dailyStats(day.minusDays(evaluator.historyDays(connections)), day.minusDays(1)));
        run.store().replaceAlerts(day, alerts);
        org.peertel.report.AlertFile.write(run.layout().alerts(day), alerts);
        return RepeatStatus.FINISHED;
    }
}
