package org.peertel.golden;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.peertel.prefix.Prefix;
import org.peertel.routing.EventType;
import org.peertel.routing.Origin;
import org.peertel.routing.PrefixEvent;
import org.peertel.routing.Watch;
import org.peertel.store.BgpDayRead;
import org.peertel.store.TelemetryStore;

/** Prefix events made by hand, stored as a day's BGP folder read without a file would store them ({@link #store}). */
final class PrefixEventRows {

    /** A summary with markup, an entity and quotes: text from the Internet. */
    static final String HOSTILE = "<script>alert(1)</script> & \"AS\" 'path'";

    private PrefixEventRows() {}

    /** Replaces the day's stored events with {@code events}, as eventStep and {@code bgp events} do. */
    static void store(TelemetryStore store, LocalDate day, List<PrefixEvent> events) {
        store.replaceBgpDay(
                day, new BgpDayRead(BgpDayRead.READ, List.of(), 0, 0, List.of(), Map.of()), events, List.of());
    }

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
