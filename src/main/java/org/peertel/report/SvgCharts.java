package org.peertel.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.peertel.output.Millis;
import org.peertel.store.RangeEvent;
import org.peertel.store.RangeQueries.DayPoint;
import org.peertel.store.RangeQueries.HourPoint;

/**
 * The report page's charts as inline SVG, readable without a script and in print: a line per statistic broken where
 * there is no value (a gap, never a zero), one circle per point with data, axis labels with units, and a
 * {@code <title>} that says in words what the chart shows. Coordinates are written with two decimals, so the same
 * figures always give the same bytes.
 */
final class SvgCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 20;
    private static final int BOTTOM = 44;

    private SvgCharts() {}

    /**
     * The daily median and p95 of one connection over the days {@code days} (every day of the span, in order).
     *
     * @param points       the days the customer owned the connection; a day with 0 samples is a gap
     * @param alertRules   per day with alerts, its rules (the marker's tooltip)
     * @param notProcessed days of the span never processed, shaded and named as such
     * @param events       per day, the connection's prefix events (a mark per level, {@link SvgEventMarkers})
     */
    static String daily(
            String connectionName,
            List<LocalDate> days,
            Map<LocalDate, DayPoint> points,
            Map<LocalDate, List<String>> alertRules,
            Set<LocalDate> notProcessed,
            Map<LocalDate, List<RangeEvent>> events) {
        double top = niceTop(points.values().stream()
                .filter(p -> p.samples() > 0)
                .mapToDouble(DayPoint::p95Ms)
                .max()
                .orElse(1));
        long withData = points.values().stream().filter(p -> p.samples() > 0).count();
        long markedDays =
                events.values().stream().filter(SvgEventMarkers::marks).count();
        StringBuilder svg = open(
                "daily",
                "Daily median and p95 latency of " + connectionName + " from " + days.get(0) + " to "
                        + days.get(days.size() - 1) + ", in milliseconds: " + withData + " days with data"
                        + (alertRules.isEmpty() ? "" : ", " + alertRules.size() + " days with alerts")
                        + (markedDays == 0 ? "" : ", " + markedDays + " days with Critical or Warning prefix events"));
        yAxis(svg, top);
        int step = Math.max(1, (days.size() + 6) / 7);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            double x = x(i, days.size());
            if (notProcessed.contains(day)) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"not-processed\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\"><title>%s: "
                                + "not processed</title></rect>",
                        x - band(days.size()) / 2,
                        TOP,
                        band(days.size()),
                        HEIGHT - TOP - BOTTOM,
                        day));
            }
            if (i % step == 0 || i == days.size() - 1) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"x-label\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x,
                        HEIGHT - BOTTOM + 16,
                        day.toString().substring(5)));
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">day (UTC, MM-DD)</text>",
                LEFT + (WIDTH - LEFT - RIGHT) / 2,
                HEIGHT - 6));
        series(svg, "p95", days, points, DayPoint::p95Ms, top);
        series(svg, "median", days, points, DayPoint::medianMs, top);
        for (int i = 0; i < days.size(); i++) {
            List<String> rules = alertRules.get(days.get(i));
            if (rules != null) {
                double x = x(i, days.size());
                svg.append(String.format(
                        Locale.ROOT,
                        "<path class=\"alert\" d=\"M%.2f %d l-6 -10 h12 z\"><title>%s: %s</title></path>",
                        x,
                        TOP + 12,
                        days.get(i),
                        Html.escape(String.join(", ", rules))));
            }
        }
        for (int i = 0; i < days.size(); i++) {
            SvgEventMarkers.append(
                    svg, days.get(i), x(i, days.size()), HEIGHT - BOTTOM, events.getOrDefault(days.get(i), List.of()));
        }
        legend(svg);
        if (markedDays > 0) {
            SvgEventMarkers.legend(svg, LEFT + 150);
        }
        return svg.append("</svg>").toString();
    }

    /** The hourly median of each connection-hour with samples on one day, hours 0 to 23 UTC. */
    static String hourly(String connectionName, LocalDate day, List<HourPoint> hours) {
        double top =
                niceTop(hours.stream().mapToDouble(HourPoint::medianMs).max().orElse(1));
        StringBuilder svg = open(
                "hourly",
                "Hourly median latency of " + connectionName + " on " + day + " (UTC hours), in milliseconds: "
                        + hours.size() + " hours with data");
        yAxis(svg, top);
        for (int hour = 0; hour < 24; hour += 3) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text class=\"x-label\" x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%02d</text>",
                    x(hour, 24),
                    HEIGHT - BOTTOM + 16,
                    hour));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">hour (UTC)</text>",
                LEFT + (WIDTH - LEFT - RIGHT) / 2,
                HEIGHT - 6));
        StringBuilder line = new StringBuilder();
        int previous = -2;
        List<String> circles = new ArrayList<>();
        for (HourPoint h : hours) {
            double x = x(h.hour(), 24);
            double y = y(h.medianMs(), top);
            if (h.hour() != previous + 1 && line.length() > 0) {
                svg.append(polyline("median", line));
                line.setLength(0);
            }
            line.append(String.format(Locale.ROOT, "%.2f,%.2f ", x, y));
            circles.add(String.format(
                    Locale.ROOT,
                    "<circle class=\"point median\" cx=\"%.2f\" cy=\"%.2f\" r=\"3\"><title>%02d:00 UTC: median %s ms"
                            + " (%d samples)</title></circle>",
                    x,
                    y,
                    h.hour(),
                    Millis.format(h.medianMs()),
                    h.samples()));
            previous = h.hour();
        }
        if (line.length() > 0) {
            svg.append(polyline("median", line));
        }
        circles.forEach(svg::append);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String kind, String title) {
        return new StringBuilder(8192)
                .append(String.format(
                        Locale.ROOT,
                        "<svg class=\"chart %s\" viewBox=\"0 0 %d %d\" role=\"img\" "
                                + "xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                        kind,
                        WIDTH,
                        HEIGHT,
                        Html.escape(title)));
    }

    /** The y axis from 0 to {@code top} ms: 5 grid lines with their labels, and the unit. */
    private static void yAxis(StringBuilder svg, double top) {
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = y(value, top);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\"/>"
                            + "<text class=\"y-label\" x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y,
                    LEFT - 6,
                    y + 4,
                    label(value)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                        + "latency (ms)</text>",
                TOP + (HEIGHT - TOP - BOTTOM) / 2,
                TOP + (HEIGHT - TOP - BOTTOM) / 2));
    }

    /** One statistic as lines broken at every day without a value, and a circle per day with one. */
    private static void series(
            StringBuilder svg,
            String name,
            List<LocalDate> days,
            Map<LocalDate, DayPoint> points,
            ToDoubleFunction<DayPoint> value,
            double top) {
        StringBuilder line = new StringBuilder();
        List<String> circles = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayPoint p = points.get(days.get(i));
            if (p == null || p.samples() == 0) {
                if (line.length() > 0) {
                    svg.append(polyline(name, line));
                    line.setLength(0);
                }
                continue;
            }
            double x = x(i, days.size());
            double y = y(value.applyAsDouble(p), top);
            line.append(String.format(Locale.ROOT, "%.2f,%.2f ", x, y));
            circles.add(String.format(
                    Locale.ROOT,
                    "<circle class=\"point %s\" data-day=\"%s\" cx=\"%.2f\" cy=\"%.2f\" r=\"3\"><title>%s: %s %s ms "
                            + "(%d samples)</title></circle>",
                    name,
                    p.day(),
                    x,
                    y,
                    p.day(),
                    name,
                    Millis.format(value.applyAsDouble(p)),
                    p.samples()));
        }
        if (line.length() > 0) {
            svg.append(polyline(name, line));
        }
        circles.forEach(svg::append);
    }

    private static String polyline(String name, StringBuilder points) {
        return "<polyline class=\"line " + name + "\" points=\""
                + points.toString().strip() + "\"/>";
    }

    private static void legend(StringBuilder svg) {
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"legend\"><line class=\"line median\" x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"10\"/>"
                        + "<text x=\"%d\" y=\"14\">median</text><line class=\"line p95\" x1=\"%d\" y1=\"10\" x2=\"%d\" "
                        + "y2=\"10\"/><text x=\"%d\" y=\"14\">p95</text></g>",
                LEFT,
                LEFT + 20,
                LEFT + 24,
                LEFT + 80,
                LEFT + 100,
                LEFT + 104));
    }

    private static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
    }

    private static double band(int count) {
        return (double) (WIDTH - LEFT - RIGHT) / Math.max(1, count);
    }

    private static double y(double value, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
    }

    /** The axis top: the smallest of 1, 2, 2.5, 5 × a power of ten at or above {@code max}. */
    static double niceTop(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= max) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
