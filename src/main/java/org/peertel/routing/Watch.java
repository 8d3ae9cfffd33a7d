package org.peertel.routing;

import java.util.List;
import org.peertel.prefix.Prefix;

/**
 * One connection's registered prefix, watched with that connection's allowed origins: a prefix registered by two
 * connections of a customer (geo-redundant sites) is two watches, each judged by its own origins.
 *
 * @param allowedOrigins empty when the registry gives none: then no origin-based event, any origin counts as the
 *                       connection's own for visibility
 */
public record Watch(String customerId, String connectionId, Prefix prefix, List<Long> allowedOrigins) {

    public Watch {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether a route from {@code origin} is the connection's own (always, when no origins are registered). */
    boolean owns(Origin origin) {
        return allowedOrigins.isEmpty() || origin.allowedBy(allowedOrigins);
    }

    /** Whether origin-based events (hijacks) are judged for this watch. */
    boolean judgesOrigins() {
        return !allowedOrigins.isEmpty();
    }
}
