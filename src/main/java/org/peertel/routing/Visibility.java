package org.peertel.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How many peers hold one watch's registered prefix, and its withdrawals: the count falling below
 * {@link EventSettings#visibilityMinPeers} after having been at or above it, until it is back.
 */
final class Visibility {

    private final int threshold;
    /** At or above the threshold since the day started, or since the last withdrawal ended. */
    private boolean armed;
    /** The most peers that held the prefix while armed: what a withdrawal fell from. */
    private int peak;

    private Episode withdrawn;
    private final List<Episode> ended = new ArrayList<>();

    Visibility(int threshold) {
        this.threshold = threshold;
    }

    /** The prefix is now held by {@code holders} peers, after a peer lost ({@code lost}) or gained its route. */
    void update(int holders, Instant time, boolean lost) {
        if (withdrawn == null) {
            if (holders >= threshold) {
                armed = true;
                peak = Math.max(peak, holders);
            } else if (armed && lost) {
                withdrawn = new Episode(time);
                withdrawn.quorum = time;
                withdrawn.peersMax = peak;
                withdrawn.announcements = 1;
            }
        } else if (holders >= threshold) {
            withdrawn.end = time;
            ended.add(withdrawn);
            withdrawn = null;
            peak = holders;
        } else if (lost) {
            withdrawn.announcements++;
        }
    }

    /** The withdrawals of the day, the one still open at its end without an end time. */
    List<PrefixEvent> events(LocalDate date, Watch watch, EventSettings settings) {
        List<Episode> all = new ArrayList<>(ended);
        if (withdrawn != null) {
            all.add(withdrawn);
        }
        return all.stream()
                .map(episode -> new PrefixEvent(
                        date,
                        watch,
                        watch.prefix(),
                        EventType.WITHDRAWAL,
                        episode.start,
                        episode.quorum,
                        episode.end,
                        null,
                        episode.peersMax,
                        episode.announcements,
                        null,
                        Summaries.of(EventType.WITHDRAWAL, watch, watch.prefix(), episode, settings),
                        0))
                .toList();
    }
}
