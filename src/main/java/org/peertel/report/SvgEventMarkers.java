package org.peertel.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.peertel.store.RangeEvent;

/**
 * The prefix events on the daily chart: on a day with a Critical event a diamond, on a day with a Warning event a
 * square, each in a row of its own just above the x axis (so the two levels differ by shape, colour and place, and
 * neither covers the other or the alerts' marks at the top), with a {@code <title>} naming the day's events of that
 * level: a hover shows them. Information events get no mark: they are the prefix's own announcements.
 */
final class SvgEventMarkers {

    private SvgEventMarkers() {}

    /**
     * The marks of one day at {@code x}.
     *
     * @param bottom the y of the plot's bottom (the x axis)
     * @param events the day's events, any level
     */
    static void append(StringBuilder svg, LocalDate day, double x, int bottom, List<RangeEvent> events) {
        List<RangeEvent> critical = events.stream().filter(RangeEvent::critical).toList();
        List<RangeEvent> warning = events.stream().filter(RangeEvent::warning).toList();
        if (!critical.isEmpty()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<path class=\"event critical\" data-day=\"%s\" d=\"M%.2f %d l6 6 l-6 6 l-6 -6 z\">"
                            + "<title>%s</title></path>",
                    day,
                    x,
                    bottom - 28,
                    Html.escape(title(day, RangeEvent.CRITICAL, critical))));
        }
        if (!warning.isEmpty()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"event warning\" data-day=\"%s\" x=\"%.2f\" y=\"%d\" width=\"10\" height=\"10\">"
                            + "<title>%s</title></rect>",
                    day,
                    x - 5,
                    bottom - 13,
                    Html.escape(title(day, RangeEvent.WARNING, warning))));
        }
    }

    /** Whether {@code events} give a day any mark. */
    static boolean marks(List<RangeEvent> events) {
        return events.stream().anyMatch(e -> e.critical() || e.warning());
    }

    /** The legend's entries for both marks, from {@code x} on, on the line of the median's and p95's. */
    static void legend(StringBuilder svg, int x) {
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"legend\"><path class=\"event critical\" d=\"M%d 4 l6 6 l-6 6 l-6 -6 z\"/>"
                        + "<text x=\"%d\" y=\"14\">Critical prefix event</text>"
                        + "<rect class=\"event warning\" x=\"%d\" y=\"5\" width=\"10\" height=\"10\"/>"
                        + "<text x=\"%d\" y=\"14\">Warning prefix event</text></g>",
                x + 6,
                x + 16,
                x + 150,
                x + 164));
    }

    /** "2026-03-04, Critical: PrefixMoreSpecificOriginAsEvent 192.0.2.0/26 from AS64500; ...". */
    private static String title(LocalDate day, String level, List<RangeEvent> events) {
        return day + ", " + level + ": "
                + events.stream()
                        .map(e ->
                                e.eventType() + " " + e.prefix() + (e.origin() == null ? "" : " from AS" + e.origin()))
                        .collect(Collectors.joining("; "));
    }
}
