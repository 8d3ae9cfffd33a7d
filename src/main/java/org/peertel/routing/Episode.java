package org.peertel.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One stretch of time in which at least one peer was in a state: what becomes an event row if it counts. */
final class Episode {

    final Instant start;
    Instant quorum;
    Instant end;
    final Set<Peer> peers = new HashSet<>();
    int peersMax;
    long announcements;
    String examplePath;
    Origin origin;
    /** Already so in the state the day started with (a RIB dump): not announced again. */
    boolean preexisting;

    Episode(Instant start) {
        this.start = start;
    }

    /** {@code peer} enters the state with a route of {@code path} from {@code from}. */
    void enter(Peer peer, Instant time, String path, Origin from, int quorumPeers) {
        peers.add(peer);
        announcements++;
        if (examplePath == null) {
            examplePath = path;
            origin = from;
        }
        peersMax = Math.max(peersMax, peers.size());
        if (quorum == null && peers.size() >= quorumPeers) {
            quorum = time;
        }
    }

    /** {@code peer} leaves the state; true when no peer is left in it (the episode ends at {@code time}). */
    boolean leave(Peer peer, Instant time) {
        peers.remove(peer);
        if (peers.isEmpty()) {
            end = time;
            return true;
        }
        return false;
    }
}
