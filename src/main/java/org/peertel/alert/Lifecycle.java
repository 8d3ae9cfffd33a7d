package org.peertel.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The incidents of a run of evaluated days: which alert opens or continues which incident, and on which day each
 * resolves. A pure function of the days in date order, so the same stored days give the same incidents whatever the
 * order in which they were processed.
 *
 * <p>An incident is one (connection, rule) from the first day it fires until the first later day on which its rule
 * is judged and does not fire, or the connection is not in that day's registry. A day on which the rule cannot be
 * judged (too few samples) neither continues nor resolves it.
 */
public final class Lifecycle {

    /** The lifecycle of one day: its alerts in file order and the incidents that resolved on it. */
    public record Day(LocalDate day, List<LifecycleAlert> alerts, List<Incident> resolved) {}

    private static final Comparator<Incident> FILE_ORDER = Comparator.comparing(Incident::lastAlert, Alert.FILE_ORDER);

    private final Map<LocalDate, Day> days;
    private final List<Incident> open;

    private Lifecycle(Map<LocalDate, Day> days, List<Incident> open) {
        this.days = days;
        this.open = open;
    }

    /** @param evaluated every evaluated day, in any order */
    public static Lifecycle of(List<JudgedDay> evaluated) {
        List<JudgedDay> inOrder = new ArrayList<>(evaluated);
        inOrder.sort(Comparator.comparing(JudgedDay::day));
        Map<Key, Running> running = new HashMap<>();
        Map<LocalDate, Day> days = new TreeMap<>();
        for (JudgedDay day : inOrder) {
            days.put(day.day(), advance(running, day));
        }
        LocalDate last =
                inOrder.isEmpty() ? null : inOrder.get(inOrder.size() - 1).day();
        List<Incident> open = new ArrayList<>();
        for (Running incident : running.values()) {
            open.add(new Incident(incident.openedOn, null, incident.last, last, incident.last.message()));
        }
        open.sort(FILE_ORDER);
        return new Lifecycle(days, open);
    }

    private static Day advance(Map<Key, Running> running, JudgedDay day) {
        List<LifecycleAlert> alerts = new ArrayList<>();
        for (Alert alert : day.alerts()) {
            Key key = new Key(alert.connectionId(), alert.rule());
            Running incident = running.get(key);
            if (incident == null) {
                running.put(key, new Running(alert.date(), alert));
                alerts.add(new LifecycleAlert(alert, alert.date(), null));
            } else {
                alerts.add(new LifecycleAlert(alert, incident.openedOn, incident.last.severity()));
                incident.last = alert;
            }
        }
        List<Incident> resolved = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Running>> it = running.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Running> entry = it.next();
            String why = resolution(day, entry.getKey(), entry.getValue());
            if (why != null) {
                Running incident = entry.getValue();
                resolved.add(new Incident(
                        incident.openedOn,
                        day.day(),
                        incident.last,
                        day.day(),
                        why + " on " + day.day() + "; last: " + incident.last.message()));
                it.remove();
            }
        }
        resolved.sort(FILE_ORDER);
        return new Day(day.day(), List.copyOf(alerts), List.copyOf(resolved));
    }

    /** Why the incident resolves on {@code day}, or null when it stays open. */
    private static String resolution(JudgedDay day, Key key, Running incident) {
        if (incident.last.date().equals(day.day()) || day.judged() == null) {
            return null; // it fired today, or the day kept no judgements (evaluated by an earlier release)
        }
        Set<AlertRule> judged = day.judged().get(key.connectionId());
        if (judged == null) {
            return "connection removed from the registry";
        }
        return judged.contains(key.rule()) ? "did not fire" : null;
    }

    /** The evaluated days, in date order. */
    public List<Day> days() {
        return List.copyOf(days.values());
    }

    /** The lifecycle of {@code day}; null when it was not evaluated. */
    public Day day(LocalDate day) {
        return days.get(day);
    }

    /** Every incident, resolved or open, by the day it opened, then in file order. */
    public List<Incident> incidents() {
        List<Incident> all = new ArrayList<>(open);
        days.values().forEach(day -> all.addAll(day.resolved()));
        all.sort(Comparator.comparing(Incident::openedOn).thenComparing(FILE_ORDER));
        return all;
    }

    /** Every incident open after the latest evaluated day, in file order. */
    public List<Incident> open() {
        return open;
    }

    private record Key(String connectionId, AlertRule rule) {}

    /** An incident while it is open. */
    private static final class Running {
        final LocalDate openedOn;
        Alert last;

        Running(LocalDate openedOn, Alert last) {
            this.openedOn = openedOn;
            this.last = last;
        }
    }
}
