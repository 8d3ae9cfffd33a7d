package org.peertel.routing;

import java.util.Arrays;

/**
 * The routes of one prefix, one per peer: two parallel int arrays of peer number and route number (both numbered by
 * {@link DayReplay}). A prefix is held by at most a few hundred peers (the collector's sessions), so a linear scan
 * is as fast as a hash and takes 8 bytes a route instead of a map entry, a key and a value object.
 */
final class PeerRoutes {

    static final int NONE = -1;

    private int[] peers = new int[4];
    private int[] routes = new int[4];
    private int size;

    /** Gives {@code peer} the route {@code route}; the route it held before, or {@link #NONE}. */
    int put(int peer, int route) {
        int at = indexOf(peer);
        if (at >= 0) {
            int before = routes[at];
            routes[at] = route;
            return before;
        }
        if (size == peers.length) {
            peers = Arrays.copyOf(peers, size * 2);
            routes = Arrays.copyOf(routes, size * 2);
        }
        peers[size] = peer;
        routes[size] = route;
        size++;
        return NONE;
    }

    /** Takes {@code peer}'s route away; the route it held, or {@link #NONE}. */
    int remove(int peer) {
        int at = indexOf(peer);
        if (at < 0) {
            return NONE;
        }
        int before = routes[at];
        size--;
        peers[at] = peers[size];
        routes[at] = routes[size];
        return before;
    }

    boolean holds(int peer) {
        return indexOf(peer) >= 0;
    }

    /** The number of peers holding a route. */
    int size() {
        return size;
    }

    /** The route of the {@code i}-th peer holding one (0 .. size - 1, in no particular order). */
    int routeAt(int i) {
        return routes[i];
    }

    private int indexOf(int peer) {
        for (int i = 0; i < size; i++) {
            if (peers[i] == peer) {
                return i;
            }
        }
        return -1;
    }
}
