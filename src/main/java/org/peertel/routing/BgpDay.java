package org.peertel.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.peertel.bgp.MrtDecoder;
import org.peertel.bgp.MrtEntry;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.bgp.MrtRecord;

/**
 * One day's folder of BGP files, {@code <bgp>/<YYYY-MM-DD>/}, replayed into its prefix events: the RIB dumps
 * ({@code rib.*}, {@code bview.*}: the state at the day's start) first, then the update dumps, each group in name
 * order. Files named {@code *.bgpdump.txt[.gz]} are bgpdump's one-line text ({@link BgpdumpTextChanges}), the
 * others MRT. A day's events depend on that folder only, so a re-run gives the same events.
 *
 * @param files     the files read, RIB dumps first
 * @param records   the MRT records framed and the text lines read (empty lines not counted)
 * @param rejects   each record that could not be read, in file order then offset
 * @param multicast the multicast routes (SAFI 2) announced or withdrawn, which make no event (MRT files only: the
 *                  text prints them like unicast ones and they count as unicast there)
 */
public record BgpDay(
        LocalDate day,
        List<Path> files,
        long records,
        List<BgpReject> rejects,
        long multicast,
        List<PrefixEvent> events) {

    /** The day's folder under {@code bgp}. */
    public static Path folder(Path bgp, LocalDate day) {
        return bgp.resolve(day.toString());
    }

    /**
     * Reads the day's folder (which must exist) and replays it for {@code watched}.
     *
     * @throws UncheckedIOException naming a file that cannot be read
     */
    public static BgpDay read(Path folder, LocalDate day, WatchedPrefixes watched, EventSettings settings) {
        List<Path> files = files(folder);
        MrtReadReport report = new MrtReadReport();
        MrtDecoder decoder = new MrtDecoder(report);
        DayReplay replay = new DayReplay(day, watched, settings);
        List<BgpReject> rejects = new ArrayList<>();
        long multicast = 0;
        long textLines = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (BgpdumpTextChanges.isText(file)) {
                textLines +=
                        readText(file, replay, (offset, reason) -> rejects.add(new BgpReject(name, offset, reason)));
                continue;
            }
            boolean rib = isRib(file);
            report.sendProblemsTo((offset, problem) -> rejects.add(new BgpReject(name, offset, problem.code())));
            try (InputStream in = MrtReader.open(file);
                    MrtReader reader = new MrtReader(in, report)) {
                MrtRecord record;
                while ((record = reader.next()) != null) {
                    MrtEntry entry = decoder.decode(record);
                    if (entry != null) {
                        multicast += MrtRouteChanges.multicastRoutes(entry);
                        MrtRouteChanges.of(entry, change -> {
                            if (rib && change instanceof RouteChange.Announce held) {
                                replay.startWith(held);
                            } else {
                                replay.apply(change);
                            }
                        });
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the BGP file " + file + ": " + e.getMessage(), e);
            }
        }
        return new BgpDay(day, files, report.records() + textLines, List.copyOf(rejects), multicast, replay.events());
    }

    /**
     * A file of bgpdump's one-line text: its {@code B} rows are the routes held at the day's start whatever the
     * file's name, or, once the day's changes have begun (a RIB text sorted after updates), announcements then.
     */
    private static long readText(Path file, DayReplay replay, BgpdumpTextReject rejects) {
        Consumer<RouteChange.Announce> held = route -> {
            if (replay.started()) {
                replay.apply(route);
            } else {
                replay.startWith(route);
            }
        };
        try {
            return BgpdumpTextChanges.read(file, held, replay::apply, rejects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BGP file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The day folder's files in the order they are read: RIB dumps first, then the rest, each group in name order.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static List<Path> files(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile)
                    .sorted((a, b) -> {
                        int rib = Boolean.compare(!isRib(a), !isRib(b));
                        return rib != 0
                                ? rib
                                : a.getFileName()
                                        .toString()
                                        .compareTo(b.getFileName().toString());
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the BGP folder " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** A RIB dump by its name, as RIS ({@code bview.*}) and RouteViews ({@code rib.*}) name them. */
    static boolean isRib(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("rib.") || name.startsWith("bview.");
    }
}
