package org.peertel.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How durations, times and per-key counts read on the console. */
final class TextFormat {

    private TextFormat() {}

    /** {@code 0.4s}, {@code 59.9s}, {@code 3m07s}, {@code 2h05m}; "-" when unknown. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }

    /** ISO-8601 in UTC to the second, e.g. {@code 2026-03-02T02:30:00Z}; "-" when unknown. */
    static String utc(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code bad_rtt 3, wrong_day 2} in the map's order. */
    static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
