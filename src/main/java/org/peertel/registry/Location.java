package org.peertel.registry;

import java.util.Objects;

/**
 * Where a connection (or a measured client) is: an ISO 3166-1 alpha-2 country and, for the US only, a two-letter
 * USPS state code.
 *
 * @param country upper-case country code, e.g. {@code US}
 * @param state   upper-case USPS code for the US, e.g. {@code VA}; empty for every other country
 */
public record Location(String country, String state) {

    public Location {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(state, "state");
    }

    /** {@code US/VA} for the US, the bare country code elsewhere. */
    @Override
    public String toString() {
        return state.isEmpty() ? country : country + "/" + state;
    }
}
