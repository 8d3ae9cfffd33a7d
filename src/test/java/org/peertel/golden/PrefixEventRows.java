package org.peertel.golden;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.peertel.prefix.Prefix;
import org.peertel.routing.EventType;
import org.peertel.routing.Origin;
import org.peertel.routing.PrefixEvent;
import org.peertel.routing.Watch;

/** Prefix events made by hand, to store with {@code TelemetryStore.replacePrefixEvents} as {@code bgp events} does. */
final class PrefixEventRows {

    /** A summary with markup, an entity and quotes: text from the Internet. */
    static final String HOSTILE = "<script>alert(1)</script> & \"AS\" 'path'";

    private PrefixEventRows() {}

    static Watch watch(String customer, String connection, String prefix) {
        return new Watch(customer, connection, Prefix.parse(prefix), List.of(64496L));
    }

    /** An event of 1.5 hours from {@code start}, 5 peers at most. */
    static PrefixEvent event(String date, Watch watch, String prefix, EventType type, String start, long origin) {
        Instant from = Instant.parse(date + "T" + start + "Z");
        return new PrefixEvent(
                LocalDate.parse(date),
                watch,
                Prefix.parse(prefix),
                type,
                from,
                from.plusSeconds(60),
                from.plusSeconds(5400),
                type == EventType.WITHDRAWAL ? null : Origin.of(origin),
                5,
                12,
                "64501 " + origin,
                HOSTILE,
                1);
    }

    static PrefixEvent activePath(String date, Watch watch) {
        return new PrefixEvent(
                LocalDate.parse(date),
                watch,
                watch.prefix(),
                EventType.ACTIVE_PATH,
                null,
                null,
                null,
                null,
                4,
                0,
                "64501 64496",
                "held by 4 peers at the day's end",
                0);
    }
}
