package org.peertel.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.peertel.config.ConfigurationException;
import org.peertel.ingest.DayInput;
import org.peertel.ingest.InputReadiness;
import org.peertel.output.DayList;

/**
 * Before {@code run} touches any output: every day of the range must be ready ({@link InputReadiness}). All days
 * are checked, and every day that is not ready is named at once, one line per kind of problem (no folder, no ready
 * marker, an empty day), so that a long range is not fixed one day per attempt.
 */
final class InputPreflight {

    private InputPreflight() {}

    /** @throws ConfigurationException naming every day that is not ready, and the fix */
    static void check(InputReadiness readiness, List<LocalDate> days) {
        Map<DayInput.Status, List<DayInput>> notReady = new EnumMap<>(DayInput.Status.class);
        for (LocalDate day : days) {
            DayInput input = readiness.check(day);
            if (!input.ready()) {
                notReady.computeIfAbsent(input.status(), status -> new ArrayList<>())
                        .add(input);
            }
        }
        if (notReady.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        notReady.forEach((status, inputs) -> problems.add(problem(status, inputs, readiness.input())));
        throw new ConfigurationException(String.join(System.lineSeparator() + "peertel: ", problems));
    }

    private static String problem(DayInput.Status status, List<DayInput> inputs, Path input) {
        DayInput first = inputs.get(0);
        boolean one = inputs.size() == 1;
        String days = DayList.compact(inputs.stream().map(DayInput::day).toList());
        return switch (status) {
            case NO_FOLDER ->
                one
                        ? "no input folder " + first.folder() + " for " + first.day()
                                + ": the day's latency files must be there (check --input)"
                        : "no input folder for " + inputs.size() + " days under " + input + ": " + days
                                + "; the days' latency files must be there (check --input)";
            case NO_READY_MARKER ->
                (one
                                ? "no ready marker " + first.readyMarker() + " yet for " + first.day()
                                : "no ready marker " + first.readyFile() + " yet in the folders of " + inputs.size()
                                        + " days under " + input + ": " + days)
                        + " (input.ready-file): a folder is complete only once its marker is there; run again then";
            case EMPTY ->
                (one
                                ? first.day() + " is an empty day: " + first.folder() + ": " + first.emptiness()
                                : inputs.size() + " empty days under " + input + ": " + days
                                        + "; their folders hold no input file with a data row")
                        + ". A collector outage is not a day of zero traffic: fix the input, or run with "
                        + "--allow-empty-day to process "
                        + (one ? "it" : "them")
                        + " as a day without data (reports say coverage=none); nothing was written";
            case READY, READY_EMPTY -> throw new IllegalStateException("a ready day is not a problem: " + first);
        };
    }
}
