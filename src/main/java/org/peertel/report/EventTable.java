package org.peertel.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.peertel.store.RangeEvent;
import org.peertel.store.RangeRouting;

/**
 * A connection's prefix events on the report page, Critical first, then Warning, then Information, each by start
 * time (the order {@link RangeRouting} has them in). Quiet when there is nothing to say: no heading at all when no
 * event of the connection was computed in the range (BGP not read: "none" would claim what nobody looked at, and
 * latency-only pages stay as they were), one line when days were computed and none happened. Every text is escaped:
 * prefixes, origins and summaries come from the route collectors' data, that is from the Internet.
 */
final class EventTable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EventTable() {}

    static void append(StringBuilder page, RangeRouting routing) {
        if (routing.daysComputed() == 0) {
            return;
        }
        page.append("<h3>Prefix events</h3>\n");
        if (routing.events().isEmpty()) {
            page.append("<p>None in the range (computed on ")
                    .append(routing.daysComputed())
                    .append(routing.daysComputed() == 1 ? " day" : " days")
                    .append(").</p>\n");
            return;
        }
        page.append("<div class=\"scroll\"><table class=\"events\"><thead><tr><th class=\"text\">event</th>")
                .append("<th class=\"text\">level</th><th class=\"text\">prefix</th><th>origin</th>")
                .append("<th>start (UTC)</th><th>end (UTC)</th><th>peers</th><th class=\"text\">summary</th>")
                .append("</tr></thead><tbody>\n");
        for (RangeEvent e : routing.events()) {
            page.append("<tr class=\"")
                    .append(levelClass(e))
                    .append("\" data-day=\"")
                    .append(e.day())
                    .append("\"><td>")
                    .append(Html.escape(e.eventType()))
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(e.level()))
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(e.prefix()))
                    .append("</td><td>")
                    .append(e.origin() == null ? "" : Html.escape(e.origin()))
                    .append("</td><td>")
                    .append(time(e.startTime()))
                    .append("</td><td>")
                    .append(e.endTime() == null ? "still at the day&#39;s end" : time(e.endTime()))
                    .append("</td><td>")
                    .append(e.peersMax())
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(e.summary()))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    /** A class from the level, from a fixed list (the stored text never becomes markup). */
    private static String levelClass(RangeEvent e) {
        return e.critical() ? "critical" : e.warning() ? "warning" : "information";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
