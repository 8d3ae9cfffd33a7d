package org.peertel.report;

import static org.peertel.output.FormulaGuard.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.peertel.output.AtomicFiles;
import org.peertel.output.CsvLine;
import org.peertel.routing.PrefixEvent;

/**
 * {@code events/<date>.csv}, the day's prefix events of every customer, and {@code reports/<customer_id>/<date>-events.csv},
 * each customer's own rows only; header only when there is none. Times are UTC instants as the dumps give them
 * ({@code 2008-02-24T18:47:57Z}, a fraction only when there is one); an event still so at the day's end has no
 * {@code end_time}.
 */
public final class EventFile {

    static final String HEADER = CsvLine.of(
            "event_id",
            "date",
            "customer_id",
            "connection_id",
            "registered_prefix",
            "prefix",
            "event_type",
            "level",
            "start_time",
            "quorum_time",
            "end_time",
            "origin_asn",
            "allowed_origins",
            "peers_max",
            "announcements",
            "example_path",
            "summary");

    private EventFile() {}

    /** Writes the day's file and one per customer of {@code customerIds} (with its rows, or the header alone). */
    public static void write(
            OutputLayout layout, LocalDate day, List<PrefixEvent> events, Collection<String> customerIds) {
        AtomicFiles.writeString(layout.events(day), render(events));
        for (String customer : customerIds) {
            AtomicFiles.writeString(
                    layout.customerEvents(customer, day),
                    render(events.stream()
                            .filter(e -> e.watch().customerId().equals(customer))
                            .toList()));
        }
    }

    /**
     * Removes the day's files (a day whose BGP folder is missing now has no events), for the customers of
     * {@code customerIds}.
     */
    public static void remove(OutputLayout layout, LocalDate day, Collection<String> customerIds) {
        try {
            Files.deleteIfExists(layout.events(day));
            for (String customer : customerIds) {
                Files.deleteIfExists(layout.customerEvents(customer, day));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the events files of " + day + ": " + e.getMessage(), e);
        }
    }

    /** The file's content for {@code events}, in their order. */
    static String render(List<PrefixEvent> events) {
        StringBuilder file = new StringBuilder(HEADER);
        for (PrefixEvent e : events) {
            file.append(CsvLine.of(
                    text(e.eventId()),
                    e.date().toString(),
                    text(e.watch().customerId()),
                    text(e.watch().connectionId()),
                    e.watch().prefix().toString(),
                    e.prefix().toString(),
                    e.type().label(),
                    e.type().level(),
                    time(e.startTime()),
                    time(e.quorumTime()),
                    time(e.endTime()),
                    e.origin() == null ? "" : e.origin().toString(),
                    e.allowedOrigins(),
                    Integer.toString(e.peersMax()),
                    Long.toString(e.announcements()),
                    e.examplePath() == null ? "" : e.examplePath(),
                    text(e.summary())));
        }
        return file.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
