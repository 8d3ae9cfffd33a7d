package org.peertel.job;

import java.time.LocalDate;
import java.util.List;
import org.peertel.alert.Alert;
import org.peertel.alert.AlertEvaluator;
import org.peertel.report.AlertFile;
import org.peertel.report.RunSummary;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Judges the day's statistics against the alert rules; stores the alerts and writes {@code alerts/<date>.csv}.
 * Then judges again the already-processed days that follow (as far as a REGRESSION baseline reaches), because
 * their baselines include this day: their alert files are rewritten only when they change. So after any order of
 * runs and re-runs, every alert file is what one clean run over all days would write.
 */
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
        List<Alert> alerts = evaluate(run, evaluator, day);
        run.store().replaceAlerts(day, alerts);
        AlertFile.write(run.layout().alerts(day), alerts);
        int reach = evaluator.historyDays(run.registry().connections());
        for (LocalDate later = day.plusDays(1); !later.isAfter(day.plusDays(reach)); later = later.plusDays(1)) {
            if (run.store().queries().isEvaluated(later)) {
                reevaluate(run, evaluator, later);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static void reevaluate(DayRun run, AlertEvaluator evaluator, LocalDate day) {
        List<Alert> alerts = evaluate(run, evaluator, day);
        if (AlertFile.render(alerts).equals(AlertFile.readOrEmpty(run.layout().alerts(day)))) {
            return;
        }
        run.store().replaceAlerts(day, alerts);
        AlertFile.write(run.layout().alerts(day), alerts);
        RunSummary.updateAlertCount(run.layout().runSummary(day), alerts.size());
    }

    private static List<Alert> evaluate(DayRun run, AlertEvaluator evaluator, LocalDate day) {
        var connections = run.registry().connections();
        StoreQueries queries = run.store().queries();
        return evaluator.evaluate(
                day,
                connections,
                queries.dailyStats(day, day),
                queries.dailyStats(day.minusDays(evaluator.historyDays(connections)), day.minusDays(1)));
    }
}
