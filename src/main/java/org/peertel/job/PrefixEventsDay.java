package org.peertel.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peertel.delivery.EventIncidentChanges;
import org.peertel.ingest.DayManifest;
import org.peertel.registry.Connection;
import org.peertel.registry.ConnectionRegistry;
import org.peertel.report.BgpRejectsFile;
import org.peertel.report.EventFile;
import org.peertel.report.OutputLayout;
import org.peertel.routing.BgpDay;
import org.peertel.routing.BgpSettings;
import org.peertel.routing.PrefixEvent;
import org.peertel.routing.WatchedPrefixes;
import org.peertel.store.BgpDayRead;
import org.peertel.store.OutboxChange;
import org.peertel.store.TelemetryStore;

/**
 * One day's prefix events, for eventStep and {@code peertel bgp events} alike: the day's BGP folder replayed, stored
 * with its manifest, rejects and the incident changes of its Critical and Warning events for the alert receivers
 * ({@link EventIncidentChanges}; replacing the day's, in one transaction), then {@code events/<date>.csv}, each
 * customer's {@code <date>-events.csv} and {@code bgp-rejects/<date>.csv} written. A day without a folder is no
 * failure: it is stored as missing, and the files of an earlier run of the day are removed.
 */
public final class PrefixEventsDay {

    private PrefixEventsDay() {}

    /** What the day came to, with its events counted by level. */
    public static BgpDayRead compute(
            LocalDate day,
            BgpSettings bgp,
            WatchedPrefixes watched,
            ConnectionRegistry registry,
            OutputLayout layout,
            TelemetryStore store) {
        Path folder = BgpDay.folder(bgp.folder(), day);
        if (!Files.isDirectory(folder)) {
            store.replaceBgpDay(day, BgpDayRead.missing(), List.of(), changes(day, List.of(), registry, store));
            EventFile.remove(layout, day, registry.customerIds());
            BgpRejectsFile.remove(layout.bgpRejects(day));
            return BgpDayRead.missing();
        }
        // hashed before reading: a file replaced in between is recorded with its old checksum, so the late-data
        // check sees it changed and the day runs again
        DayManifest manifest = DayManifest.ofFiles(BgpDay.files(folder));
        BgpDay read = BgpDay.read(folder, day, watched, bgp.events());
        BgpDayRead stored = new BgpDayRead(
                BgpDayRead.READ,
                manifest.files(),
                read.records(),
                read.multicast(),
                read.rejects(),
                byLevel(read.events()));
        store.replaceBgpDay(day, stored, read.events(), changes(day, read.events(), registry, store));
        EventFile.write(layout, day, read.events(), registry.customerIds());
        BgpRejectsFile.write(layout.bgpRejects(day), read.rejects());
        return stored;
    }

    /**
     * The day's event incident changes. Read before the store's transaction: one run writes a store at a time, so
     * the earlier days' events and the day's outbox do not change in between.
     */
    private static List<OutboxChange> changes(
            LocalDate day, List<PrefixEvent> events, ConnectionRegistry registry, TelemetryStore store) {
        Map<String, String> names = new HashMap<>();
        for (Connection connection : registry.connections()) {
            names.put(connection.connectionId(), connection.name());
        }
        return EventIncidentChanges.of(day, events, names, store.openPrefixEventsBefore(day), store.outboxChanges(day));
    }

    private static Map<String, Long> byLevel(List<PrefixEvent> events) {
        Map<String, Long> levels = new TreeMap<>();
        events.forEach(e -> levels.merge(e.type().level(), 1L, Long::sum));
        return levels;
    }
}
