package org.peertel.sample;

import java.util.List;

/**
 * A connection of the sample scenario together with how its traffic looks on a normal day.
 *
 * @param registry   the connections.csv row
 * @param clients    client addresses that measure this connection (inside its prefixes, at its location)
 * @param homePop    the edge PoP most of its samples go to
 * @param otherPop   the edge PoP the rest go to (slower)
 * @param medianMs   typical median rtt at the home PoP
 */
record SampleSite(SampleConnection registry, List<String> clients, String homePop, String otherPop, double medianMs) {

    SampleSite {
        clients = List.copyOf(clients);
    }

    String id() {
        return registry.connectionId();
    }
}
