package org.peertel.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.peertel.bgp.MrtDecoder;
import org.peertel.bgp.MrtEntry;
import org.peertel.bgp.MrtReadReport;
import org.peertel.bgp.MrtReader;
import org.peertel.bgp.MrtRecord;
import org.peertel.registry.RegistryLoadResult;
import org.peertel.registry.RegistryLoader;
import org.peertel.routing.DayReplay;
import org.peertel.routing.EventSettings;
import org.peertel.routing.MrtRouteChanges;
import org.peertel.routing.WatchedPrefixes;

/**
 * The heap the route state of one BGP day takes per (peer, prefix) route, for {@code src/test/bench/bgp-events.sh}:
 * replays the day's update files (in name order; no RIB dump) into a {@link DayReplay} as {@code bgp events} does,
 * then measures the heap in use after a full GC with the replay held, and again after dropping it; the difference
 * over the routes held is the bytes per route (the state's maps, route objects and path strings; the registry and
 * its watches stay held in both measurements). Prints one line:
 * {@code routes=N retained_bytes=B bytes_per_route=X changes=C seconds=S}.
 *
 * <p>Usage: {@code BgpStateFootprint CONNECTIONS_CSV DAY_FOLDER YYYY-MM-DD}
 */
public final class BgpStateFootprint {

    private BgpStateFootprint() {}

    public static void main(String[] args) throws Exception {
        RegistryLoadResult loaded = RegistryLoader.load(Path.of(args[0]));
        if (!loaded.ok()) {
            throw new IllegalArgumentException("registry errors: " + loaded.errors());
        }
        WatchedPrefixes watched = WatchedPrefixes.of(loaded.registry().connections());
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[1]))) {
            files = list.sorted().toList();
        }
        long start = System.nanoTime();
        DayReplay[] replay = {new DayReplay(LocalDate.parse(args[2]), watched, EventSettings.DEFAULTS)};
        long[] changes = {0};
        MrtReadReport report = new MrtReadReport();
        MrtDecoder decoder = new MrtDecoder(report);
        for (Path file : files) {
            try (InputStream in = MrtReader.open(file);
                    MrtReader reader = new MrtReader(in, report)) {
                MrtRecord record;
                while ((record = reader.next()) != null) {
                    MrtEntry entry = decoder.decode(record);
                    if (entry != null) {
                        MrtRouteChanges.of(entry, change -> {
                            changes[0]++;
                            replay[0].apply(change);
                        });
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long routes = replay[0].routesHeld();
        long withState = usedAfterGc();
        long stillHeld = replay[0].routesHeld(); // keeps the replay reachable until after the first measurement
        replay[0] = null;
        long withoutState = usedAfterGc();
        long retained = withState - withoutState;
        System.out.printf(
                "routes=%d retained_bytes=%d bytes_per_route=%.1f changes=%d seconds=%.1f%n",
                stillHeld, retained, (double) retained / routes, changes[0], seconds);
        if (watched.hashCode() == 0) {
            System.out.println(); // keeps the registry reachable through both measurements
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
