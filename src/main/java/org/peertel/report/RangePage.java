package org.peertel.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.peertel.output.Millis;
import org.peertel.store.RangeEvent;
import org.peertel.store.RangeQueries.DayPoint;
import org.peertel.store.RangeQueries.HourPoint;
import org.peertel.store.RangeQueries.RangeAlert;
import org.peertel.store.RangeQueries.RangeConnection;
import org.peertel.store.RangeQueries.RangePrefix;
import org.peertel.store.RangeRouting;

/**
 * A customer's report over a range as one self-contained HTML page, to be mailed and opened offline: inline CSS and
 * SVG, no script, no font, image or other request. A summary table with a line per connection, then for each
 * connection the daily median and p95 across the range (with marks on the days of its Critical and Warning prefix
 * events), the hourly median of the range's last day, its prefixes, its prefix events and its alerts, each chart with a table of its figures beside it. Text from the registry is escaped; nothing in the page
 * depends on when it was made.
 */
final class RangePage {

    /** What the page shows, besides the figures: its heading and the span's days never processed (months). */
    record Heading(String customerId, String title, LocalDate from, LocalDate to, Set<LocalDate> notProcessed) {}

    private static final String STYLE = """
            body{font-family:sans-serif;margin:1.5em auto;max-width:62em;padding:0 1em;color:#1a1a1a}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}h3{font-size:1em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}
            th:first-child,td:first-child,td.text,th.text{text-align:left}
            .scroll{overflow-x:auto}
            svg.chart{width:100%;height:auto;max-width:720px;font-size:11px}
            .grid{stroke:#ddd}.line{fill:none;stroke-width:2}
            .line.median{stroke:#1f5fa8}.line.p95{stroke:#d97706}
            .point.median{fill:#1f5fa8}.point.p95{fill:#d97706}
            .alert{fill:#c0262d}.not-processed{fill:#eee}
            .event.critical{fill:#7b2cbf}.event.warning{fill:#f2b705;stroke:#6b4f00}
            tr.critical td:nth-child(2){font-weight:bold}
            .legend text,.x-label,.y-label,.axis-title{fill:#333}
            figure{margin:1em 0;break-inside:avoid;page-break-inside:avoid}
            section.connection{break-inside:avoid-page}
            @media print{@page{size:A4;margin:12mm}body{max-width:none;margin:0}
            figure,table{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid}}
            """;

    private RangePage() {}

    static String render(
            Heading heading,
            Coverage coverage,
            List<RangeConnection> connections,
            List<RangePrefix> prefixes,
            List<DayPoint> days,
            List<RangeAlert> alerts,
            List<HourPoint> lastDayHours,
            Map<String, RangeRouting> routing) {
        List<LocalDate> span =
                heading.from().datesUntil(heading.to().plusDays(1)).toList();
        StringBuilder page = new StringBuilder(32_768)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.escape(heading.title() + ": " + heading.customerId()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>")
                .append(Html.escape(heading.title()))
                .append("</h1>\n<p>Customer <strong>")
                .append(Html.escape(heading.customerId()))
                .append("</strong>, ")
                .append(heading.from())
                .append(" to ")
                .append(heading.to())
                .append(" (UTC days), coverage ")
                .append(coverage.text())
                .append(
                        heading.notProcessed().isEmpty()
                                ? ""
                                : "; not processed: " + heading.notProcessed().size() + " days")
                .append(". Latency in milliseconds; statistics over every measurement of the days.</p>\n");
        summary(page, connections);
        Map<String, Map<LocalDate, DayPoint>> pointsById = new LinkedHashMap<>();
        days.forEach(p -> pointsById
                .computeIfAbsent(p.connectionId(), k -> new TreeMap<>())
                .put(p.day(), p));
        Map<String, List<RangeAlert>> alertsById =
                alerts.stream().collect(Collectors.groupingBy(RangeAlert::connectionId));
        Map<String, List<RangePrefix>> prefixesById =
                prefixes.stream().collect(Collectors.groupingBy(RangePrefix::connectionId));
        Map<String, List<HourPoint>> hoursById =
                lastDayHours.stream().collect(Collectors.groupingBy(HourPoint::connectionId));
        for (RangeConnection c : connections) {
            connection(
                    page,
                    heading,
                    span,
                    c,
                    pointsById.getOrDefault(c.connectionId(), Map.of()),
                    alertsById.getOrDefault(c.connectionId(), List.of()),
                    prefixesById.getOrDefault(c.connectionId(), List.of()),
                    hoursById.getOrDefault(c.connectionId(), List.of()),
                    routing.getOrDefault(c.connectionId(), RangeRouting.none(c.connectionId())));
        }
        return page.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder page, List<RangeConnection> connections) {
        page.append("<h2>Summary</h2>\n<div class=\"scroll\"><table class=\"summary\"><thead><tr>")
                .append(
                        "<th>connection</th><th class=\"text\">partner</th><th class=\"text\">location</th><th>samples</th><th>median (ms)</th>")
                .append("<th>p95 (ms)</th><th>p99 (ms)</th><th>days with data</th><th>days without</th>")
                .append("<th>days with alerts</th></tr></thead><tbody>\n");
        for (RangeConnection c : connections) {
            page.append("<tr data-connection=\"")
                    .append(Html.escape(c.connectionId()))
                    .append("\"><td><a href=\"#")
                    .append(Html.escape(anchor(c.connectionId())))
                    .append("\">")
                    .append(Html.escape(c.name()))
                    .append("</a></td><td class=\"text\">")
                    .append(Html.escape(c.partner()))
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(location(c)))
                    .append("</td>")
                    .append(cell(Long.toString(c.samples())))
                    .append(cell(c.samples() == 0 ? "" : Millis.format(c.medianMs())))
                    .append(cell(c.samples() == 0 ? "" : Millis.format(c.p95Ms())))
                    .append(cell(c.samples() == 0 ? "" : Millis.format(c.p99Ms())))
                    .append(cell(Long.toString(c.daysWithData())))
                    .append(cell(Long.toString(c.daysWithoutData())))
                    .append(cell(Long.toString(c.alertDays())))
                    .append("</tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private static void connection(
            StringBuilder page,
            Heading heading,
            List<LocalDate> span,
            RangeConnection c,
            Map<LocalDate, DayPoint> points,
            List<RangeAlert> alerts,
            List<RangePrefix> prefixes,
            List<HourPoint> hours,
            RangeRouting routing) {
        page.append("<section class=\"connection\" id=\"")
                .append(Html.escape(anchor(c.connectionId())))
                .append("\" data-connection=\"")
                .append(Html.escape(c.connectionId()))
                .append("\" data-days-with-data=\"")
                .append(c.daysWithData())
                .append("\">\n<h2>")
                .append(Html.escape(c.name()))
                .append("</h2>\n<p>")
                .append(Html.escape(c.connectionId()))
                .append(", ")
                .append(Html.escape(c.partner()))
                .append(", ")
                .append(Html.escape(location(c)))
                .append("</p>\n");
        Map<LocalDate, List<String>> rules = new TreeMap<>();
        alerts.forEach(
                a -> rules.computeIfAbsent(a.day(), k -> new ArrayList<>()).add(a.rule()));
        Set<LocalDate> notProcessed = new TreeSet<>(heading.notProcessed());
        Map<LocalDate, List<RangeEvent>> events = new TreeMap<>();
        routing.events()
                .forEach(e ->
                        events.computeIfAbsent(e.day(), k -> new ArrayList<>()).add(e));
        boolean marked = events.values().stream().anyMatch(SvgEventMarkers::marks);
        page.append("<figure>")
                .append(SvgCharts.daily(c.name(), span, points, rules, notProcessed, events))
                .append("<figcaption>Daily median and p95 (ms). A gap is a day without data")
                .append(notProcessed.isEmpty() ? "" : "; a shaded day was not processed")
                .append("; a red mark, a day with an alert")
                .append(
                        marked
                                ? "; a purple diamond at the bottom, a day with a Critical prefix event (a hijack), a"
                                        + " yellow square, one with a Warning (a withdrawal)"
                                : "")
                .append(".</figcaption></figure>\n");
        page.append("<div class=\"scroll\"><table class=\"days\"><caption>Each day</caption><thead><tr><th>day</th>")
                .append("<th>samples</th><th>median (ms)</th><th>p95 (ms)</th><th>alerts</th></tr></thead><tbody>\n");
        for (LocalDate day : span) {
            DayPoint p = points.get(day);
            String state = notProcessed.contains(day) ? "not processed" : p == null ? "not this customer's" : null;
            page.append("<tr><td>").append(day).append("</td>");
            if (state != null) {
                page.append("<td colspan=\"3\">").append(state).append("</td>");
            } else {
                page.append(cell(Long.toString(p.samples())))
                        .append(cell(p.samples() == 0 ? "" : Millis.format(p.medianMs())))
                        .append(cell(p.samples() == 0 ? "" : Millis.format(p.p95Ms())));
            }
            page.append(cell(Html.escape(String.join(", ", rules.getOrDefault(day, List.of())))))
                    .append("</tr>\n");
        }
        page.append("</tbody></table></div>\n<h3>Hour by hour on ")
                .append(heading.to())
                .append("</h3>\n");
        if (hours.isEmpty()) {
            page.append("<p>No data on ").append(heading.to()).append(".</p>\n");
        } else {
            page.append("<figure>")
                    .append(SvgCharts.hourly(c.name(), heading.to(), hours))
                    .append("<figcaption>Median (ms) per UTC hour with data.</figcaption></figure>\n")
                    .append("<div class=\"scroll\"><table class=\"hours\"><thead><tr><th>hour (UTC)</th>")
                    .append("<th>samples</th><th>median (ms)</th><th>p95 (ms)</th></tr></thead><tbody>\n");
            for (HourPoint h : hours) {
                page.append("<tr><td>")
                        .append(h.hour())
                        .append("</td>")
                        .append(cell(Long.toString(h.samples())))
                        .append(cell(Millis.format(h.medianMs())))
                        .append(cell(Millis.format(h.p95Ms())))
                        .append("</tr>\n");
            }
            page.append("</tbody></table></div>\n");
        }
        page.append("<h3>Prefixes</h3>\n");
        if (prefixes.isEmpty()) {
            page.append("<p>No data in the range.</p>\n");
        } else {
            page.append("<div class=\"scroll\"><table class=\"prefixes\"><thead><tr><th>prefix</th><th>samples</th>")
                    .append("<th>median (ms)</th><th>p95 (ms)</th></tr></thead><tbody>\n");
            for (RangePrefix p : prefixes) {
                page.append("<tr><td>")
                        .append(Html.escape(p.prefix()))
                        .append("</td>")
                        .append(cell(Long.toString(p.samples())))
                        .append(cell(Millis.format(p.medianMs())))
                        .append(cell(Millis.format(p.p95Ms())))
                        .append("</tr>\n");
            }
            page.append("</tbody></table></div>\n");
        }
        EventTable.append(page, routing);
        page.append("<h3>Alerts</h3>\n");
        if (alerts.isEmpty()) {
            page.append("<p>None in the range.</p>\n");
        } else {
            page.append("<div class=\"scroll\"><table class=\"alerts\"><thead><tr><th>day</th><th>rule</th>")
                    .append("<th class=\"text\">severity</th><th class=\"text\">message</th></tr></thead><tbody>\n");
            for (RangeAlert a : alerts) {
                page.append("<tr><td>")
                        .append(a.day())
                        .append("</td><td>")
                        .append(Html.escape(a.rule()))
                        .append("</td><td class=\"text\">")
                        .append(Html.escape(a.severity()))
                        .append("</td><td class=\"text\">")
                        .append(Html.escape(a.message()))
                        .append("</td></tr>\n");
            }
            page.append("</tbody></table></div>\n");
        }
        page.append("</section>\n");
    }

    private static String cell(String text) {
        return "<td>" + text + "</td>";
    }

    private static String location(RangeConnection c) {
        return c.state().isEmpty() ? c.country() : c.country() + "/" + c.state();
    }

    /** An element id from a connection id (ids are file-name safe: letters, digits, {@code . _ -}). */
    private static String anchor(String connectionId) {
        return "connection-" + connectionId;
    }
}
