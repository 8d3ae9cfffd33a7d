package org.peertel.routing;

import java.time.Instant;
import org.peertel.prefix.Prefix;

/** What a route collector saw change, in the order of the day's dumps: the input of {@link DayReplay}. */
public sealed interface RouteChange {

    Instant time();

    /** {@code peer} now holds {@code prefix} with this path (it replaces the peer's earlier route for the prefix). */
    record Announce(Instant time, Peer peer, Prefix prefix, String asPath, Origin origin) implements RouteChange {}

    /** {@code peer} no longer holds {@code prefix}. */
    record Withdraw(Instant time, Peer peer, Prefix prefix) implements RouteChange {}

    /** {@code peer}'s session left Established: it holds no route any more. */
    record PeerDown(Instant time, Peer peer) implements RouteChange {}
}
