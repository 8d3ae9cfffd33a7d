package org.peertel.routing;

import java.time.Instant;
import java.util.BitSet;

/** One stretch of time in which at least one peer was in a state: what becomes an event row if it counts. */
final class Episode {

    final Instant start;
    Instant quorum;
    Instant end;
    /** The peers in the state now, by their number in the day ({@link DayReplay}). */
    final BitSet peers = new BitSet();

    int peersMax;
    long announcements;
    String examplePath;
    Origin origin;
    /** Already so in the state the day started with (a RIB dump): not announced again. */
    boolean preexisting;

    Episode(Instant start) {
        this.start = start;
    }

    /**
     * {@code peer} enters the state with a route of {@code path} from {@code from}; {@code announced} false for a
     * route the day starts with (a RIB dump's: held, not announced that day).
     */
    void enter(int peer, Instant time, String path, Origin from, int quorumPeers, boolean announced) {
        peers.set(peer);
        announcements += announced ? 1 : 0;
        if (examplePath == null) {
            examplePath = path;
            origin = from;
        }
        int now = peers.cardinality();
        peersMax = Math.max(peersMax, now);
        if (quorum == null && now >= quorumPeers) {
            quorum = time;
        }
    }

    /** {@code peer} leaves the state; true when no peer is left in it (the episode ends at {@code time}). */
    boolean leave(int peer, Instant time) {
        peers.clear(peer);
        if (peers.isEmpty()) {
            end = time;
            return true;
        }
        return false;
    }
}
