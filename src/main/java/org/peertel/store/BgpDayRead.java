package org.peertel.store;

import java.util.List;
import java.util.Map;
import org.peertel.ingest.InputFile;
import org.peertel.routing.BgpReject;

/**
 * How a run with BGP on read a day's BGP folder ({@code bgp_days}, {@code bgp_files}, {@code bgp_rejects}): what the
 * runs JSON's {@code "bgp"} line, the run summary and the scheduler's late-data check read back.
 *
 * @param status    {@link #READ}, or {@link #MISSING} when the day had no folder
 * @param files     the folder's files in the order read, with size and SHA-256 (rows unknown): its manifest
 * @param records   MRT records framed, or text lines read
 * @param multicast multicast routes announced or withdrawn (no events)
 * @param rejects   the records that could not be read
 * @param events    the day's event rows by level (Critical, Warning, Information); filled when read back
 */
public record BgpDayRead(
        String status,
        List<InputFile> files,
        long records,
        long multicast,
        List<BgpReject> rejects,
        Map<String, Long> events) {

    public static final String READ = "read";
    public static final String MISSING = "missing";

    public static BgpDayRead missing() {
        return new BgpDayRead(MISSING, List.of(), 0, 0, List.of(), Map.of());
    }

    public boolean isMissing() {
        return MISSING.equals(status);
    }

    /** The day's events of {@code level}. */
    public long events(String level) {
        return events.getOrDefault(level, 0L);
    }
}
