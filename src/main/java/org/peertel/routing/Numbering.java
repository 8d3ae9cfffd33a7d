package org.peertel.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The day's events in file order, each numbered within its (connection, type, prefix, origin) by start time. */
final class Numbering {

    private static final Comparator<PrefixEvent> FILE_ORDER = Comparator.comparing(
                    (PrefixEvent e) -> e.watch().customerId())
            .thenComparing(e -> e.watch().connectionId())
            .thenComparing(e -> e.watch().prefix())
            .thenComparing(PrefixEvent::type)
            .thenComparing(PrefixEvent::prefix)
            .thenComparing(e -> e.origin() == null ? "" : e.origin().toString())
            .thenComparing(PrefixEvent::startTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    private Numbering() {}

    static List<PrefixEvent> ordered(List<PrefixEvent> events) {
        List<PrefixEvent> sorted = new ArrayList<>(events);
        sorted.sort(FILE_ORDER);
        Map<String, Integer> counts = new HashMap<>();
        List<PrefixEvent> numbered = new ArrayList<>(sorted.size());
        for (PrefixEvent e : sorted) {
            String key = e.watch().connectionId() + "/" + e.type() + "/" + e.prefix() + "/" + e.origin();
            int number = counts.merge(key, 1, Integer::sum);
            numbered.add(new PrefixEvent(
                    e.date(),
                    e.watch(),
                    e.prefix(),
                    e.type(),
                    e.startTime(),
                    e.quorumTime(),
                    e.endTime(),
                    e.origin(),
                    e.peersMax(),
                    e.announcements(),
                    e.examplePath(),
                    e.summary(),
                    number));
        }
        return numbered;
    }
}
