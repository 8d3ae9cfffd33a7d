package org.peertel.routing;

/**
 * How many peers make an event.
 *
 * @param minPeers           peers that must be in a state at once for an event of it ({@code bgp.min-peers}; 3,
 *                           BGPalerter's hijack default)
 * @param visibilityMinPeers peers that must hold a registered prefix; fewer, after at least that many, is a
 *                           withdrawal ({@code bgp.visibility-min-peers}; 10)
 */
public record EventSettings(int minPeers, int visibilityMinPeers) {

    public static final EventSettings DEFAULTS = new EventSettings(3, 10);

    public EventSettings {
        if (minPeers < 1 || visibilityMinPeers < 1) {
            throw new IllegalArgumentException("peer thresholds start at 1");
        }
    }
}
