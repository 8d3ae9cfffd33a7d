package org.peertel.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.peertel.alert.Alert;
import org.peertel.alert.AlertEvaluator;
import org.peertel.alert.JudgedDay;
import org.peertel.alert.Lifecycle;
import org.peertel.delivery.IncidentChanges;
import org.peertel.report.LifecycleFiles;
import org.peertel.report.RunSummary;
import org.peertel.store.StoreQueries;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Judges the day's statistics against the alert rules, and judges again the already-processed days that follow (as
 * far as a REGRESSION baseline reaches), because their baselines include this day. Recomputes the incident lifecycle
 * of every evaluated day from what is stored and these, stores them with the incident changes from this day on (the
 * outbox of delivery) in one transaction, then writes the alert, resolved and open files that changed. So after any
 * order of runs and re-runs, every alert file is what one clean run over all days would write. A day older than
 * {@code retention.aggregate-days} first brings the archived days back ({@code TelemetryStore#restoreAggregates}).
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
        int reach = evaluator.historyDays(run.registry().connections());
        LocalDate archivedUpTo = run.store().queries().newestArchivedAggregateDay();
        if (archivedUpTo != null && !archivedUpTo.isBefore(day.minusDays(reach))) {
            // a day older than retention.aggregate-days: its baseline, the days judged again after it and their
            // incidents need the archived days; the retention step archives them again at the end of the run
            run.store().restoreAggregates();
        }
        Map<LocalDate, JudgedDay> stored = new TreeMap<>();
        run.store().judgedDays().forEach(d -> stored.put(d.day(), d));

        List<JudgedDay> judged = new ArrayList<>(List.of(judge(run, evaluator, day)));
        for (LocalDate later = day.plusDays(1); !later.isAfter(day.plusDays(reach)); later = later.plusDays(1)) {
            if (stored.containsKey(later)) {
                judged.add(judge(run, evaluator, later));
            }
        }
        // Judgements are stored again in any case (a later day's REGRESSION may become judgeable without an alert
        // changing); a month is marked behind only when the alerts of one of its days changed.
        Set<LocalDate> alertsChanged = new HashSet<>();
        for (JudgedDay d : judged) {
            JudgedDay before = stored.get(d.day());
            if (before == null || !sameAlerts(before.alerts(), d.alerts())) {
                alertsChanged.add(d.day());
            }
        }
        Map<LocalDate, JudgedDay> after = new TreeMap<>(stored);
        judged.forEach(d -> after.put(d.day(), d));
        Lifecycle lifecycle = Lifecycle.of(List.copyOf(after.values()));
        run.store().replaceJudgedDays(judged, alertsChanged, day, IncidentChanges.of(lifecycle, day));
        for (JudgedDay d : judged) {
            JudgedDay before = stored.get(d.day());
            if (!d.day().equals(day)
                    && before != null
                    && before.alerts().size() != d.alerts().size()) {
                RunSummary.updateAlertCount(
                        run.layout().runSummary(d.day()), d.alerts().size());
            }
        }
        LifecycleFiles.write(run.layout(), lifecycle, day);
        return RepeatStatus.FINISHED;
    }

    private static JudgedDay judge(DayRun run, AlertEvaluator evaluator, LocalDate day) {
        var connections = run.registry().connections();
        StoreQueries queries = run.store().queries();
        return evaluator.judge(
                day,
                connections,
                queries.dailyStats(day, day),
                queries.dailyStats(day.minusDays(evaluator.historyDays(connections)), day.minusDays(1)));
    }

    private static boolean sameAlerts(List<Alert> a, List<Alert> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
