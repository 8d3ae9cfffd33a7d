package org.peertel.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * The peers of test data that names a collector's session by text (RIPEstat's {@code source_id}, the
 * hijack-classifier's collector and peer address) and gives its AS only as the first AS of each path. A route
 * server's session does not prepend its own AS, so that first AS changes from route to route; {@link Peer}'s
 * equality includes the AS, so a session keeps the AS of its first path, or every route of another first AS would
 * be another peer's and its withdrawals would miss.
 */
final class SessionPeers {

    private final Map<String, Peer> peers = new HashMap<>();

    /**
     * The session's peer; {@code firstAs} counts only the first time the session is seen (0 when unknown then, as for
     * a withdrawal, which has no path).
     */
    Peer of(String session, long firstAs) {
        return peers.computeIfAbsent(session, s -> new Peer(s, firstAs));
    }

    /** The sessions seen. */
    int count() {
        return peers.size();
    }
}
